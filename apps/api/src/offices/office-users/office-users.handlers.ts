import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { OfficeFunction } from '@portal/domain';
import { Offices, type OfficeUserView } from '@portal/offices';
import {
  CreateOfficeUserCommand,
  OfficeUserQuery,
  OfficeUsersQuery,
  ResetOfficeUserPasswordCommand,
  SetOfficeFunctionCommand,
} from './office-users.commands';

/**
 * The ID administrator's use cases. Each needs the `manage-users` function in the
 * administrator's own office, checked on the office's stream at every call (Offices).
 */
@QueryHandler(OfficeUsersQuery)
export class OfficeUsersHandler implements IQueryHandler<OfficeUsersQuery> {
  constructor(private readonly offices: Offices) {}

  execute({ administratorId }: OfficeUsersQuery): Promise<OfficeUserView[]> {
    return this.offices.users(administratorId);
  }
}

@QueryHandler(OfficeUserQuery)
export class OfficeUserHandler implements IQueryHandler<OfficeUserQuery> {
  constructor(private readonly offices: Offices) {}

  execute({ administratorId, accountId }: OfficeUserQuery): Promise<OfficeUserView> {
    return this.offices.user(administratorId, accountId);
  }
}

@CommandHandler(CreateOfficeUserCommand)
export class CreateOfficeUserHandler implements ICommandHandler<CreateOfficeUserCommand> {
  constructor(private readonly offices: Offices) {}

  execute({
    administratorId,
    person,
    functions,
    ctx,
  }: CreateOfficeUserCommand): Promise<{ accountId: string }> {
    return this.offices.createUser(administratorId, person, functions, ctx);
  }
}

@CommandHandler(ResetOfficeUserPasswordCommand)
export class ResetOfficeUserPasswordHandler implements ICommandHandler<ResetOfficeUserPasswordCommand> {
  constructor(private readonly offices: Offices) {}

  execute({ administratorId, accountId, ctx }: ResetOfficeUserPasswordCommand): Promise<void> {
    return this.offices.resetPassword(administratorId, accountId, ctx);
  }
}

@CommandHandler(SetOfficeFunctionCommand)
export class SetOfficeFunctionHandler implements ICommandHandler<SetOfficeFunctionCommand> {
  constructor(private readonly offices: Offices) {}

  execute({
    administratorId,
    accountId,
    fn,
    granted,
    ctx,
  }: SetOfficeFunctionCommand): Promise<OfficeFunction[]> {
    return this.offices.setFunction(administratorId, accountId, fn, granted, ctx);
  }
}

import { Command, Query } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { OfficeFunction } from '@portal/domain';
import type { NewPerson, OfficeUserView } from '@portal/offices';

/** The users of the administrator's office, with the functions each may use. */
export class OfficeUsersQuery extends Query<OfficeUserView[]> {
  constructor(readonly administratorId: string) {
    super();
  }
}

/** One user of the administrator's office (404 OFFICE_USER_NOT_FOUND for anyone else). */
export class OfficeUserQuery extends Query<OfficeUserView> {
  constructor(
    readonly administratorId: string,
    readonly accountId: string,
  ) {
    super();
  }
}

/** A staff user id in the administrator's office; the person gets a temporary password by email. */
export class CreateOfficeUserCommand extends Command<{ accountId: string }> {
  constructor(
    readonly administratorId: string,
    readonly person: NewPerson,
    readonly functions: OfficeFunction[],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** A temporary password emailed to a user of the office; every session of theirs ends. */
export class ResetOfficeUserPasswordCommand extends Command<void> {
  constructor(
    readonly administratorId: string,
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Grant (`granted`) or revoke a function of a user of the office; answers the functions the user now has. */
export class SetOfficeFunctionCommand extends Command<OfficeFunction[]> {
  constructor(
    readonly administratorId: string,
    readonly accountId: string,
    readonly fn: OfficeFunction,
    readonly granted: boolean,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

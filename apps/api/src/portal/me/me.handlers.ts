import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { LogOutCommand, LogOutEverywhereCommand } from './me.commands';
import { GetMeQuery, type MeView } from './me.query';

/** Read from the account's stream. Queries like this one will read the read models once the projector builds them. */
@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId }: GetMeQuery): Promise<MeView> {
    const state = await this.accounts.state(accountId);
    return {
      username: state.username,
      email: state.profile?.email,
      phone: state.profile?.phone,
      kind: state.kind,
      status: state.status,
      emailVerified: state.emailVerified,
      mustChangePassword: state.mustChangePassword,
      authenticatorEnrolled: state.authenticator !== undefined,
    };
  }
}

@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ sessionTokenHash }: LogOutCommand): Promise<void> {
    await this.accounts.endSession(sessionTokenHash);
  }
}

@CommandHandler(LogOutEverywhereCommand)
export class LogOutEverywhereHandler implements ICommandHandler<LogOutEverywhereCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId }: LogOutEverywhereCommand): Promise<void> {
    await this.accounts.endAllSessions(accountId);
  }
}

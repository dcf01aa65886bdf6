import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { temporaryPassword } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import { AccountErrors } from '@portal/domain';
import {
  DeactivateAccountCommand,
  IssueTemporaryPasswordCommand,
  SendUsernameReminderCommand,
  UnlockAccountCommand,
} from './support-actions.commands';

/**
 * What support does to an account: each is a command on the account's stream with
 * the staff member as actor, on an account that exists (404 ACCOUNT_NOT_FOUND first).
 */
async function mustExist(accounts: Accounts, accountId: string): Promise<void> {
  const state = await accounts.state(accountId);
  if (state.status === 'new') throw AccountErrors.accountNotFound();
}

@CommandHandler(UnlockAccountCommand)
export class UnlockAccountHandler implements ICommandHandler<UnlockAccountCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, ctx }: UnlockAccountCommand): Promise<void> {
    await mustExist(this.accounts, accountId);
    await this.accounts.run(accountId, { type: 'Unlock', now: ctx.occurredAt.getTime() }, ctx);
  }
}

/** The password is sealed into the event and mailed by the worker: staff never see it. */
@CommandHandler(IssueTemporaryPasswordCommand)
export class IssueTemporaryPasswordHandler implements ICommandHandler<IssueTemporaryPasswordCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, staffId, ctx }: IssueTemporaryPasswordCommand): Promise<void> {
    await mustExist(this.accounts, accountId);
    const password = temporaryPassword();
    const [passwordHash, passwordSealed] = await Promise.all([
      this.accounts.hashPassword(password),
      this.accounts.seal(accountId, password),
    ]);
    await this.accounts.run(
      accountId,
      {
        type: 'IssueTemporaryPassword',
        staffId,
        passwordHash,
        passwordSealed,
        now: ctx.occurredAt.getTime(),
      },
      ctx,
    );
  }
}

@CommandHandler(SendUsernameReminderCommand)
export class SendUsernameReminderHandler implements ICommandHandler<SendUsernameReminderCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, ctx }: SendUsernameReminderCommand): Promise<{ sent: boolean }> {
    await mustExist(this.accounts, accountId);
    const { events } = await this.accounts.run(
      accountId,
      { type: 'SendUsernameReminder', now: ctx.occurredAt.getTime() },
      ctx,
    );
    return { sent: events.length > 0 };
  }
}

@CommandHandler(DeactivateAccountCommand)
export class DeactivateAccountHandler implements ICommandHandler<DeactivateAccountCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, reason, ctx }: DeactivateAccountCommand): Promise<{ deactivated: boolean }> {
    await mustExist(this.accounts, accountId);
    const { events } = await this.accounts.run(
      accountId,
      { type: 'Deactivate', reason, now: ctx.occurredAt.getTime() },
      ctx,
    );
    return { deactivated: events.length > 0 };
  }
}

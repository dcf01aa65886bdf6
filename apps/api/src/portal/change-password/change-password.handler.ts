import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { preparedInput } from '@portal/command';
import { AccountErrors } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { ChangePasswordCommand } from './change-password.command';

/** Seed 004: "enter your current password and the desired new password". Every session ends, this one too. */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, currentPassword, newPassword, ctx }: ChangePasswordCommand): Promise<void> {
    // Otherwise "changing" a temporary password to itself would keep the one support staff have seen.
    if (newPassword === currentPassword)
      throw AccountErrors.validationFailed({
        newPassword: 'Choose a password different from your current one.',
      });
    const passwordHash = await this.accounts.hashPassword(newPassword);
    const current = this.accounts.passwordChecker(currentPassword);
    // The current password is checked before the account's lock is taken (see the log-in handler).
    await this.accounts.run(
      accountId,
      preparedInput(async (state) => ({
        type: 'ChangePassword' as const,
        currentPasswordMatches: await current(state.passwordHash),
        password: newPassword,
        passwordHash,
        now: ctx.occurredAt.getTime(),
      })),
      { ...ctx, actor: { kind: 'self', accountId } },
    );
  }
}

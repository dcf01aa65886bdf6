import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { newEmailCode } from '../shared/email-code';
import { LOGIN_NOT_STARTED, parseLoginToken } from '../shared/login-token';
import { ResendCodeCommand } from './resend-code.command';

/**
 * Seed 004: 'Click "Resend" to send another verification code.' The new code voids
 * the old one; the delivery reactor mails it (an old code not yet mailed is not).
 * Only for a login: a reset's token is refused as a decoy's is (a reset asks for a
 * new code by starting again), so that this route cannot tell a real reset from one
 * started for a username nobody holds.
 */
@CommandHandler(ResendCodeCommand)
export class ResendCodeHandler implements ICommandHandler<ResendCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ loginToken, ctx }: ResendCodeCommand): Promise<void> {
    const { accountId, loginId } = parseLoginToken(this.accounts, loginToken);
    const fresh = await newEmailCode(this.accounts, accountId);
    await this.accounts.run(
      accountId,
      (state) => {
        if (state.login?.loginId !== loginId) throw LOGIN_NOT_STARTED();
        return { type: 'ResendOtp', loginId, otp: fresh.otp, now: ctx.occurredAt.getTime() };
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
  }
}

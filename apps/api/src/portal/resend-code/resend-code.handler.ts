import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { newEmailCode } from '../email-code';
import { parseLoginToken } from '../login-token';
import { ResendCodeCommand } from './resend-code.command';

/** Seed 004: 'Click "Resend" to send another verification code.' The new code voids the old one. */
@CommandHandler(ResendCodeCommand)
export class ResendCodeHandler implements ICommandHandler<ResendCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ loginToken, ctx }: ResendCodeCommand): Promise<void> {
    const { accountId, loginId } = parseLoginToken(loginToken);
    const fresh = await newEmailCode(this.accounts, accountId);
    const { state } = await this.accounts.run(
      accountId,
      { type: 'ResendOtp', loginId, otp: fresh.otp, now: ctx.occurredAt.getTime() },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
    if (state.profile?.email) await this.accounts.deps.mailer.send(fresh.email(state.profile.email));
  }
}

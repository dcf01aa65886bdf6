import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { completeLogin } from '../shared/session-grant';
import type { SessionGranted } from '../shared/session-grant';
import { VerifyCodeCommand } from './verify-code.command';

@CommandHandler(VerifyCodeCommand)
export class VerifyCodeHandler implements ICommandHandler<VerifyCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  execute({ loginToken, code, ctx }: VerifyCodeCommand): Promise<SessionGranted> {
    return completeLogin(this.accounts, loginToken, ctx, (_state, { loginId, sessionId }) => ({
      type: 'VerifyOtp',
      loginId,
      codeHash: this.accounts.codeHash('otp', code),
      sessionId,
      now: ctx.occurredAt.getTime(),
    }));
  }
}

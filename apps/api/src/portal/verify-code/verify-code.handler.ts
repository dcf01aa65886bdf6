import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { parseLoginToken } from '../login-token';
import { grantSession } from '../session-grant';
import { type SessionGranted, VerifyCodeCommand } from './verify-code.command';

@CommandHandler(VerifyCodeCommand)
export class VerifyCodeHandler implements ICommandHandler<VerifyCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ loginToken, code, ctx }: VerifyCodeCommand): Promise<SessionGranted> {
    const { accountId, loginId } = parseLoginToken(loginToken);
    const sessionId = randomUUID();
    const { state } = await this.accounts.run(
      accountId,
      {
        type: 'VerifyOtp',
        loginId,
        codeHash: this.accounts.codeHash('otp', code),
        sessionId,
        now: ctx.occurredAt.getTime(),
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
    return grantSession(this.accounts, accountId, sessionId, state.mustChangePassword);
  }
}

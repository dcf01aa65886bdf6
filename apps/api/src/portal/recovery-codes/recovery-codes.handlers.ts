import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { recoveryCodes } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import { completeLogin, type SessionGranted } from '../shared/session-grant';
import {
  IssueRecoveryCodesCommand,
  type RecoveryCodesIssued,
  UseRecoveryCodeCommand,
} from './recovery-codes.commands';

const normalise = (code: string) => code.toUpperCase();

@CommandHandler(IssueRecoveryCodesCommand)
export class IssueRecoveryCodesHandler implements ICommandHandler<IssueRecoveryCodesCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, ctx }: IssueRecoveryCodesCommand): Promise<RecoveryCodesIssued> {
    const codes = recoveryCodes();
    await this.accounts.run(
      accountId,
      {
        type: 'IssueRecoveryCodes',
        codeHashes: codes.map((c) => this.accounts.codeHash('recovery', c)),
        now: ctx.occurredAt.getTime(),
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
    return { codes };
  }
}

@CommandHandler(UseRecoveryCodeCommand)
export class UseRecoveryCodeHandler implements ICommandHandler<UseRecoveryCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  execute({ loginToken, code, ctx }: UseRecoveryCodeCommand): Promise<SessionGranted> {
    return completeLogin(this.accounts, loginToken, ctx, (_state, { loginId, sessionId }) => ({
      type: 'UseRecoveryCode',
      loginId,
      codeHash: this.accounts.codeHash('recovery', normalise(code)),
      sessionId,
      now: ctx.occurredAt.getTime(),
    }));
  }
}

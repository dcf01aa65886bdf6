import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { DomainError, identityMatches } from '@portal/domain';
import type { Logger } from '@portal/observability';
import { LOGGER } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import { newEmailCode } from '../email-code';
import { loginToken, parseLoginToken } from '../login-token';
import {
  AnswerSecurityQuestionCommand,
  AskSecurityQuestionCommand,
  CompleteResetCommand,
  type Identity,
  StartResetCommand,
  VerifyResetCodeCommand,
} from './reset-password.commands';

/**
 * Answers a reset token whether or not the username exists (an unknown one gets
 * a token no code will ever match), so the answer tells nothing. A locked
 * account may reset: seed 004's "I forgot my password and am locked out".
 */
@CommandHandler(StartResetCommand)
export class StartResetHandler implements ICommandHandler<StartResetCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ username, ctx }: StartResetCommand): Promise<{ resetToken: string }> {
    const resetId = randomUUID();
    const accountId = await this.accounts.holder('username', username);
    if (!accountId) return { resetToken: loginToken(randomUUID(), resetId) };
    // The code is made after the answer (and mailed by the delivery reactor), so a known username takes no longer to answer.
    setImmediate(() => {
      this.sendCode(accountId, resetId, ctx).catch((error: unknown) =>
        this.logger.error(
          { correlationId: ctx.correlationId, errorName: (error as Error).name },
          'reset code not sent',
        ),
      );
    });
    return { resetToken: loginToken(accountId, resetId) };
  }

  private async sendCode(accountId: string, resetId: string, ctx: StartResetCommand['ctx']): Promise<void> {
    const fresh = await newEmailCode(this.accounts, accountId);
    await this.accounts.run(
      accountId,
      { type: 'RequestPasswordReset', loginId: resetId, otp: fresh.otp, now: ctx.occurredAt.getTime() },
      ctx,
    );
  }
}

@CommandHandler(VerifyResetCodeCommand)
export class VerifyResetCodeHandler implements ICommandHandler<VerifyResetCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ resetToken, code, ctx }: VerifyResetCodeCommand): Promise<void> {
    const { accountId, loginId } = parseLoginToken(resetToken);
    await this.accounts.run(
      accountId,
      // A verified reset code starts no session: the session id is never used.
      {
        type: 'VerifyOtp',
        loginId,
        codeHash: this.accounts.codeHash('otp', code),
        sessionId: randomUUID(),
        now: ctx.occurredAt.getTime(),
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
  }
}

@CommandHandler(CompleteResetCommand)
export class CompleteResetHandler implements ICommandHandler<CompleteResetCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ resetToken, newPassword, ctx }: CompleteResetCommand): Promise<void> {
    const { accountId, loginId } = parseLoginToken(resetToken);
    const passwordHash = await this.accounts.deps.hasher.hash(newPassword);
    await this.accounts.run(
      accountId,
      {
        type: 'CompletePasswordReset',
        resetId: loginId,
        password: newPassword,
        passwordHash,
        now: ctx.occurredAt.getTime(),
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
  }
}

const NO_MATCH = () =>
  new DomainError('IDENTITY_MISMATCH', "The information you entered doesn't match our records.");

async function accountFor(accounts: Accounts, identity: Identity): Promise<string | undefined> {
  if (identity.username) return accounts.holder('username', identity.username);
  if (identity.memberId) return accounts.holder('member', identity.memberId);
  return undefined;
}

/** Seed 000's reset: the question is shown only once the identity matches. */
@CommandHandler(AskSecurityQuestionCommand)
export class AskSecurityQuestionHandler implements ICommandHandler<AskSecurityQuestionCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ identity }: AskSecurityQuestionCommand): Promise<{ resetToken: string; question: string }> {
    const accountId = await accountFor(this.accounts, identity);
    const state = accountId ? await this.accounts.state(accountId) : undefined;
    if (!accountId || !state || !state.securityQuestion || !identityMatches(state, identity))
      throw NO_MATCH();
    if (state.status === 'deactivated')
      throw new DomainError(
        'ACCOUNT_DEACTIVATED',
        'The account has been deactivated. Please register again.',
      );
    return { resetToken: loginToken(accountId, randomUUID()), question: state.securityQuestion };
  }
}

/** Case sensitive (argon2 of the exact answer); the 3rd wrong answer in a row deactivates the account. */
@CommandHandler(AnswerSecurityQuestionCommand)
export class AnswerSecurityQuestionHandler implements ICommandHandler<AnswerSecurityQuestionCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ resetToken, identity, answer, ctx }: AnswerSecurityQuestionCommand): Promise<void> {
    const { accountId, loginId } = parseLoginToken(resetToken);
    const { hasher } = this.accounts.deps;
    await this.accounts.run(
      accountId,
      async (state) => ({
        type: 'AnswerSecurityQuestion' as const,
        resetId: loginId,
        identity,
        answerMatches: state.securityAnswerHash
          ? await hasher.verify(state.securityAnswerHash, answer)
          : await hasher.verifyAgainstDummy(answer),
        now: ctx.occurredAt.getTime(),
      }),
      { ...ctx, actor: { kind: 'self', accountId } },
    );
  }
}

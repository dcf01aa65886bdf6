import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { preparedInput } from '@portal/command';
import { type AccountCommand, AccountErrors, DomainError, ErrorCodes, identityMatches } from '@portal/domain';
import type { Logger } from '@portal/observability';
import { LOGGER } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import { newEmailCode } from '../shared/email-code';
import { matchAppCode } from '../shared/app-code';
import {
  ANY_LOGIN_TOKEN,
  decoyAccountId,
  LOGIN_NOT_STARTED,
  newLoginToken,
  parseLoginToken,
} from '../shared/login-token';
import { newReactivationToken } from '../shared/reactivation-token';
import { RefusalTiming } from '../shared/refusal-timing';
import {
  AnswerSecurityQuestionCommand,
  AskSecurityQuestionCommand,
  CompleteResetCommand,
  type Identity,
  type ResetStarted,
  type SecurityQuestionAsked,
  StartResetCommand,
  VerifyResetCodeCommand,
} from './reset-password.commands';

/**
 * Answers a reset token whether or not the username exists (an unknown one gets
 * a token naming a decoy account no code will ever match, the same decoy at every
 * request), so the answer tells nothing. A locked
 * account may reset: seed 004's "I forgot my password and am locked out".
 */
@CommandHandler(StartResetCommand)
export class StartResetHandler implements ICommandHandler<StartResetCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ username, ctx }: StartResetCommand): Promise<ResetStarted> {
    const accountId = await this.accounts.holder('username', username);
    if (!accountId)
      return { resetToken: newLoginToken(this.accounts, decoyAccountId(this.accounts, username)).token };
    const { token, loginId: resetId } = newLoginToken(this.accounts, accountId);
    // The code is made after the answer (and mailed by the delivery reactor), so a known username takes no longer to answer.
    setImmediate(() => {
      this.sendCode(accountId, resetId, ctx).catch((error: unknown) =>
        this.logger.error(
          { correlationId: ctx.correlationId, errorName: (error as Error).name },
          'reset code not sent',
        ),
      );
    });
    return { resetToken: token };
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

/**
 * The reset's second step: the emailed code, or the app's code when an
 * authenticator app is set up (no code is emailed then). A login's token is
 * refused here: it would record a sign-in that no session follows. Every refusal
 * gets one answer (RESET_CODE_REFUSED), the decoy's too, and in the same time: a
 * wrong code of a real reset is recorded (`OtpFailed`, one synced commit), which
 * a decoy (no stream) and a used-up or expired code (nothing to record) do not,
 * so those wait as long as recorded refusals typically take (RefusalTiming).
 */
@CommandHandler(VerifyResetCodeCommand)
export class VerifyResetCodeHandler implements ICommandHandler<VerifyResetCodeCommand> {
  /** One per process: the handler is a singleton. */
  private readonly refusals = new RefusalTiming();

  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ resetToken, code, ctx }: VerifyResetCodeCommand): Promise<void> {
    const started = performance.now();
    let refused: string | undefined;
    try {
      return await onResetRoute(
        async () => {
          const { accountId, loginId } = parseLoginToken(this.accounts, resetToken);
          const now = ctx.occurredAt.getTime();
          await this.accounts.run(
            accountId,
            async (state): Promise<AccountCommand> => {
              if (state.reset?.loginId !== loginId) throw LOGIN_NOT_STARTED();
              // A verified reset starts no session: the session id is never used.
              const sessionId = randomUUID();
              return state.authenticator
                ? {
                    type: 'VerifyAuthenticatorCode',
                    loginId,
                    matchedTimeStep: await matchAppCode(
                      this.accounts,
                      accountId,
                      state,
                      code,
                      ctx.occurredAt,
                    ),
                    sessionId,
                    now,
                  }
                : {
                    type: 'VerifyOtp',
                    loginId,
                    codeHash: this.accounts.codeHash('otp', code),
                    sessionId,
                    now,
                  };
            },
            { ...ctx, actor: { kind: 'self', accountId } },
          );
        },
        (refusal) => {
          refused = refusal;
          return HIDDEN_ON_CODE_STEP.has(refusal) ? RESET_CODE_REFUSED() : undefined;
        },
      );
    } catch (error) {
      if (refused !== undefined) {
        const spentMs = performance.now() - started;
        if (RECORDED_ON_CODE_STEP.has(refused)) this.refusals.record(spentMs);
        else if (HIDDEN_ON_CODE_STEP.has(refused)) await this.refusals.padUnknown(spentMs);
      }
      throw error;
    }
  }
}

@CommandHandler(CompleteResetCommand)
export class CompleteResetHandler implements ICommandHandler<CompleteResetCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ resetToken, newPassword, ctx }: CompleteResetCommand): Promise<void> {
    return onResetRoute(async () => {
      // A reset verified by its code or by the security question (whose token is identity-checked).
      const { accountId, loginId } = parseLoginToken(this.accounts, resetToken, ANY_LOGIN_TOKEN);
      const passwordHash = await this.accounts.hashPassword(newPassword);
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
    }, completeRefused);
  }
}

/**
 * A reset's code step answers every failure the same way. A username nobody holds
 * gets a decoy token (decoyAccountId) with no reset behind it; were its answer
 * "start again" while a real account's is "wrong code", "expired", "too many tries",
 * "locked" or "deactivated", the second step would tell who has an account.
 */
const RESET_CODE_REFUSED = AccountErrors.resetCodeRefused;
/** The refusals on the code step that record the wrong code (`OtpFailed`): the others wait as long. */
const RECORDED_ON_CODE_STEP: ReadonlySet<string> = new Set([
  ErrorCodes.CODE_INVALID,
  ErrorCodes.AUTHENTICATOR_CODE_INVALID,
]);
const HIDDEN_ON_CODE_STEP: ReadonlySet<string> = new Set([
  ErrorCodes.LOGIN_NOT_STARTED,
  ErrorCodes.CODE_INVALID,
  ErrorCodes.CODE_EXPIRED,
  ErrorCodes.CODE_ATTEMPTS_EXCEEDED,
  ErrorCodes.AUTHENTICATOR_CODE_INVALID,
  ErrorCodes.AUTHENTICATOR_NOT_ENROLLED,
  ErrorCodes.ACCOUNT_LOCKED,
  ErrorCodes.ACCOUNT_DEACTIVATED,
]);

/** Runs a reset step, answering the refusals `replace` names with its own error instead. */
async function onResetRoute<T>(
  run: () => Promise<T>,
  replace: (code: string) => DomainError | undefined,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const instead = error instanceof DomainError ? replace(error.code) : undefined;
    throw instead ?? error;
  }
}

/** A token that names no reset (unreadable, or a login's) asks for the reset to be started again, not for a sign-in. */
const resetNotStarted = (code: string): DomainError | undefined =>
  code === ErrorCodes.LOGIN_NOT_STARTED ? AccountErrors.resetNotStarted() : undefined;

/** The last step: as above, and a deactivated account reads like any reset not verified. */
const completeRefused = (code: string): DomainError | undefined =>
  code === ErrorCodes.ACCOUNT_DEACTIVATED ? AccountErrors.resetNotAllowed() : resetNotStarted(code);

const NO_MATCH = () => AccountErrors.identityMismatch();

async function accountFor(accounts: Accounts, identity: Identity): Promise<string | undefined> {
  if (identity.username) return accounts.holder('username', identity.username);
  if (identity.memberId) return accounts.holder('member', identity.memberId);
  return undefined;
}

/**
 * Seed 000's reset: the question is shown only once the identity matches, with a token
 * of its own kind (`identity-checked`) that the answer step takes alone: no other step's
 * token opens there, so only a person who gave the identity may answer.
 */
@CommandHandler(AskSecurityQuestionCommand)
export class AskSecurityQuestionHandler implements ICommandHandler<AskSecurityQuestionCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ identity }: AskSecurityQuestionCommand): Promise<SecurityQuestionAsked> {
    const accountId = await accountFor(this.accounts, identity);
    const state = accountId ? await this.accounts.state(accountId) : undefined;
    if (!accountId || !state || !state.securityQuestion || !identityMatches(state, identity))
      throw NO_MATCH();
    if (state.status === 'deactivated') throw AccountErrors.accountDeactivated();
    return {
      resetToken: newLoginToken(this.accounts, accountId, 'identity-checked').token,
      question: state.securityQuestion,
    };
  }
}

/**
 * Case sensitive (argon2 of the exact answer); the 3rd wrong answer in a row deactivates the
 * account (seed 004). Anyone who knows a username, last name and date of birth can do that, so
 * the rule is bounded: the owner is emailed at each wrong answer (SecurityAnswerFailed), the
 * deactivation's email carries a link that undoes it (a fresh token per answer, used only if
 * that answer deactivates: its keyed hash and sealed copy ride on the command), and the route
 * has its own tighter rate limits per address and per account.
 */
@CommandHandler(AnswerSecurityQuestionCommand)
export class AnswerSecurityQuestionHandler implements ICommandHandler<AnswerSecurityQuestionCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ resetToken, answer, ctx }: AnswerSecurityQuestionCommand): Promise<void> {
    return onResetRoute(async () => {
      const { accountId, loginId } = parseLoginToken(this.accounts, resetToken, ['identity-checked']);
      const check = this.accounts.passwordChecker(answer);
      await this.accounts.run(
        accountId,
        // argon2 before the account's lock is taken; the answer is counted inside it (see the log-in handler).
        preparedInput(
          async (state) => ({
            type: 'AnswerSecurityQuestion' as const,
            resetId: loginId,
            answerMatches: await check(state.securityAnswerHash),
            // Sealed only for an account that can be deactivated: a forged token makes no key for a made-up id.
            reactivation:
              state.status === 'active' && state.securityAnswerHash
                ? await newReactivationToken(this.accounts, accountId)
                : { tokenHash: '', tokenSealed: '' },
            now: ctx.occurredAt.getTime(),
          }),
          (state) => check(state.securityAnswerHash),
        ),
        { ...ctx, actor: { kind: 'self', accountId } },
      );
    }, resetNotStarted);
  }
}

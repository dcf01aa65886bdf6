import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ConcurrencyExhaustedError, preparedInput } from '@portal/command';
import { DomainError } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { newEmailCode } from '../shared/email-code';
import { newLoginToken } from '../shared/login-token';
import { LogInCommand, type LogInResult } from './log-in.command';
import { HIDDEN_REFUSALS, INVALID_LOGIN } from '../shared/login-refusals';
import { RefusalTiming } from '../shared/refusal-timing';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  /** One per process: the handler is a singleton. */
  private readonly refusals = new RefusalTiming();

  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ username, password, ctx }: LogInCommand): Promise<LogInResult> {
    const started = performance.now();
    const { accountId, viaMemberId } = await this.loginName(username);
    if (!accountId) {
      const spentMs = performance.now() - started;
      await this.accounts.verifyAgainstDummy(password);
      await this.refusals.padUnknown(spentMs);
      throw INVALID_LOGIN();
    }
    const { token, loginId } = newLoginToken(this.accounts, accountId);
    const fresh = await newEmailCode(this.accounts, accountId);
    // What this refusal spends besides argon2: before the pipeline, and after the check (deciding, appending,
    // syncing). Not the wait for the account's lock, which parallel attempts would stretch.
    const beforeMs = performance.now() - started;
    let checkedAt = 0;
    // argon2 runs before the account's lock is taken (a prepared input), so parallel logins to one account
    // hash side by side; inside the lock the command is built again on the fresh state, where the checker
    // answers at once for the hash it checked, and checks again only if the stored hash changed meanwhile
    // (as after another instance's append, when the pipeline decides again). The decision, and with it the
    // lockout count, is made inside the lock on that fresh state.
    const check = this.accounts.passwordChecker(password);
    let upgrade: { from: string; to: Promise<string> } | undefined;
    let result;
    try {
      result = await this.accounts.run(
        accountId,
        preparedInput(async (state) => {
          // Checked even when locked, so a locked account answers in the same time as any other.
          const passwordMatches = await check(state.passwordHash);
          // A hash made with weaker parameters than today's is replaced now that the password is proven.
          let upgradedHash: string | undefined;
          if (
            passwordMatches &&
            state.passwordHash &&
            this.accounts.passwordNeedsRehash(state.passwordHash)
          ) {
            if (upgrade?.from !== state.passwordHash)
              upgrade = { from: state.passwordHash, to: this.accounts.hashPassword(password) };
            upgradedHash = await upgrade.to;
          }
          checkedAt = performance.now();
          return {
            type: 'LogIn' as const,
            loginId,
            passwordMatches,
            viaMemberId,
            upgradedHash,
            otp: fresh.otp,
            now: ctx.occurredAt.getTime(),
          };
        }),
        { ...ctx, actor: { kind: 'self', accountId } },
      );
    } catch (error) {
      if (error instanceof DomainError && HIDDEN_REFUSALS.has(error.code)) {
        if (checkedAt > 0) this.refusals.record(beforeMs + performance.now() - checkedAt);
        throw INVALID_LOGIN();
      }
      // Nothing was recorded. An unknown username never meets a conflict, so "try again" (409) would tell that
      // this one exists: the answer is a failed login's, which the person can also just try again.
      if (error instanceof ConcurrencyExhaustedError) throw INVALID_LOGIN();
      throw error;
    }
    // The code reaches the inbox through the delivery reactor and the email queue (libs/notifications).
    const issued = result.events.some((e) => e.type === 'OtpIssued');
    return {
      loginToken: token,
      secondFactor: issued ? 'email-code' : result.state.authenticator ? 'authenticator' : 'passkey',
    };
  }

  /**
   * Whose login name this is. Seed 004's existing users log in with their ID number until they create a
   * username: a member id held by a legacy account is theirs first, so a username someone registered to
   * look like that id cannot shut them out. Both lookups are made for every login, known or not.
   */
  private async loginName(name: string): Promise<{ accountId?: string; viaMemberId: boolean }> {
    const [byMember, byUsername] = await Promise.all([
      this.accounts.holder('member', name),
      this.accounts.holder('username', name),
    ]);
    if (byMember && (await this.accounts.state(byMember)).legacy)
      return { accountId: byMember, viaMemberId: true };
    return { accountId: byUsername, viaMemberId: false };
  }
}

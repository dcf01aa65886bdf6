import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { type AccountCommand, type AccountState, DomainError, isLocked } from '@portal/domain';
import { opaqueToken } from '@portal/security';
import { HIDDEN_REFUSALS, INVALID_LOGIN } from './login-refusals';
import { LOGIN_NOT_STARTED, parseLoginToken } from './login-token';

/** What a completed login answers: the session's token and when it ends. */
export interface SessionGranted {
  sessionToken: string;
  mustChangePassword: boolean;
  /** When the session ends however active it is (the store's absolute timeout), ISO 8601. */
  expiresAt: string;
  /** A session not used for this long ends earlier (the store's idle timeout). */
  idleTimeoutSeconds: number;
}

/**
 * After `LoginSucceeded` (at the account's revision `grantedAt`): a fresh 256-bit
 * token, stored only as its keyed hash. A password change, reset, lock or
 * deactivation appended meanwhile, on any instance, wins: the login is refused as
 * a wrong password would be (see `Accounts.openSession`).
 */
export async function grantSession(
  accounts: Accounts,
  accountId: string,
  sessionId: string,
  mustChangePassword: boolean,
  grantedAt: bigint,
): Promise<SessionGranted> {
  const token = opaqueToken();
  const createdAt = Date.now();
  const opened = await accounts.openSession(
    accounts.keyedHash('session', token),
    { sessionId, accountId, createdAt, mustChangePassword },
    grantedAt,
  );
  if (!opened) throw INVALID_LOGIN();
  // The store's own timeouts, so that a frontend can warn before either ends the session.
  const { absoluteMs, idleMs } = accounts.sessionTimeouts;
  return {
    sessionToken: token,
    mustChangePassword,
    expiresAt: new Date(createdAt + absoluteMs).toISOString(),
    idleTimeoutSeconds: Math.floor(idleMs / 1000),
  };
}

export interface SecondStep {
  accountId: string;
  loginId: string;
  /** The id `LoginSucceeded` must carry for this request to get a session. */
  sessionId: string;
}

/**
 * Step 2 of log on, the same for every second factor (emailed code, app code,
 * recovery code):
 * - only a login that step 1 started finishes here: a reset's token and code
 *   would otherwise open a session, and during a lock, since a reset may start
 *   while locked (Keycloak CVE-2026-9798 was such a path);
 * - only the `LoginSucceeded` of this request yields a session;
 * - while the account is locked or deactivated, every refusal of a login in
 *   progress is the answer a wrong password gets at step 1, so no step tells the
 *   lock apart; a token that names no login in progress is LOGIN_NOT_STARTED
 *   whatever the account's state, as a decoy reset's token is.
 */
export async function completeLogin(
  accounts: Accounts,
  loginToken: string,
  ctx: CommandContext,
  command: (state: AccountState, step: SecondStep) => AccountCommand | Promise<AccountCommand>,
): Promise<SessionGranted> {
  const { step, result } = await runSecondStep(accounts, loginToken, ctx, command);
  return sessionAfter(accounts, step, result);
}

type StepResult = Awaited<ReturnType<Accounts['run']>>;

/** The second step's command run under the rules above; what it recorded, the session not yet granted. */
export async function runSecondStep(
  accounts: Accounts,
  loginToken: string,
  ctx: CommandContext,
  command: (state: AccountState, step: SecondStep) => AccountCommand | Promise<AccountCommand>,
): Promise<{ step: SecondStep; result: StepResult }> {
  const { accountId, loginId } = parseLoginToken(accounts, loginToken);
  const step = { accountId, loginId, sessionId: randomUUID() };
  let barred = false;
  try {
    const result = await accounts.run(
      accountId,
      (state) => {
        // A token that names no login in progress (a reset's, a replaced one, a decoy's) is told so whatever
        // the account's state: answered as a lock, it would tell a real reset from a decoy.
        barred = false;
        if (state.login?.loginId !== loginId) throw LOGIN_NOT_STARTED();
        barred = state.status === 'deactivated' || isLocked(state, ctx.occurredAt.getTime());
        return command(state, step);
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
    return { step, result };
  } catch (error) {
    if (error instanceof DomainError && (barred || HIDDEN_REFUSALS.has(error.code))) throw INVALID_LOGIN();
    throw error;
  }
}

/** The session of this step's `LoginSucceeded`; none recorded: the login is not (or no longer) under way. */
export function sessionAfter(
  accounts: Accounts,
  step: SecondStep,
  result: StepResult,
): Promise<SessionGranted> {
  const succeeded = result.events.some(
    (e) => e.type === 'LoginSucceeded' && e.data.sessionId === step.sessionId,
  );
  if (!succeeded || typeof result.revision !== 'bigint') throw LOGIN_NOT_STARTED();
  return grantSession(
    accounts,
    step.accountId,
    step.sessionId,
    result.state.mustChangePassword,
    result.revision,
  );
}

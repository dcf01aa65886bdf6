/**
 * How failures add up: consecutive wrong passwords and codes lock the account for
 * a while, and wrong codes within a window lock it (a login's) or stop a reset's
 * codes from being checked.
 */
import { type DomainError, reject } from '../decider';
import type { AccountPolicy } from '../policy';
import type { AccountEvent } from './events';
import { type AccountDecision, iso } from './shared';
import type { AccountState } from './state';

/** A wrong password or code: refused, recorded, and the lock it brings when it is one too many. */
export function failure(
  state: AccountState,
  now: number,
  reason: 'wrong-password' | 'wrong-code' | 'wrong-authenticator-code' | 'wrong-passkey',
  policy: AccountPolicy,
  rejection: DomainError,
): AccountDecision {
  const consecutive = state.consecutiveFailures + 1;
  const code = reason !== 'wrong-password';
  const failed: AccountEvent = {
    type: 'LoginFailed',
    data: { reason, consecutive, ...(code ? { at: iso(now) } : {}) },
  };
  if (consecutive >= policy.lockout.threshold)
    return reject<AccountEvent>(rejection, failed, {
      type: 'Locked',
      data: { until: iso(now + policy.lockout.durationMs), consecutiveFailures: consecutive },
    });
  const lock = code
    ? lockForWrongCodes({ ...state, consecutiveFailures: consecutive }, now, policy)
    : undefined;
  return lock ? reject(rejection, failed, lock) : reject(rejection, failed);
}

/** How many of `times` fall within the policy's wrong-code window ending at `now`. */
function withinWindow(times: number[], now: number, policy: AccountPolicy): number {
  const since = now - policy.lockout.wrongCodesWindowMs;
  return times.filter((t) => t > since).length;
}

export const recentResetWrongCodes = (state: AccountState, now: number, policy: AccountPolicy) =>
  withinWindow(state.wrongResetCodesAt, now, policy);

/** A reset's codes are not checked once the window holds `lockout.wrongCodes` wrong ones. */
export function resetCodesSpent(state: AccountState, now: number, policy: AccountPolicy): boolean {
  return recentResetWrongCodes(state, now, policy) >= policy.lockout.wrongCodes;
}

/**
 * The lock a login's wrong code (the one being recorded now) brings when it makes `lockout.wrongCodes`
 * within the window: a right password gives a few guesses at the code, not a fresh set without end.
 */
export function lockForWrongCodes(
  state: AccountState,
  now: number,
  policy: AccountPolicy,
): AccountEvent | undefined {
  const wrongCodes = withinWindow(state.wrongCodesAt, now, policy) + 1;
  if (wrongCodes < policy.lockout.wrongCodes) return undefined;
  return {
    type: 'Locked',
    data: {
      until: iso(now + policy.lockout.durationMs),
      consecutiveFailures: state.consecutiveFailures,
      wrongCodes,
    },
  };
}

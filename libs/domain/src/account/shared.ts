/**
 * What every flow of the Account decider shares: its decision type, times, the refusal of an
 * inactive account, and the limit on emailed codes.
 */
import { type Decision, reject } from '../decider';
import { AccountErrors } from '../errors';
import type { AccountPolicy } from '../policy';
import type { AccountCommand } from './commands';
import type { AccountEvent } from './events';
import type { AccountState } from './state';

export type AccountDecision = Decision<AccountEvent>;

/** The command of one type, for the flow function that decides it. */
export type CommandOf<T extends AccountCommand['type']> = Extract<AccountCommand, { type: T }>;

export const iso = (ms: number) => new Date(ms).toISOString();

export function refuseUnlessActive(state: AccountState): AccountDecision | undefined {
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (state.status !== 'active') return reject(AccountErrors.notRegistered());
  return undefined;
}

/**
 * RESEND_LIMIT_REACHED once `policy.emailCode.resendLimit` codes were sent in the resend window
 * (`sends`: each code's expiry): a login's resend and an email change alike, so that no form can
 * be made to mail anyone at will.
 */
export function refuseOverResendLimit(
  sends: readonly number[],
  now: number,
  policy: AccountPolicy,
): AccountDecision | undefined {
  const { lifetimeMs, resendWindowMs, resendLimit } = policy.emailCode;
  const recent = sends.filter((expiresAt) => expiresAt - lifetimeMs > now - resendWindowMs);
  return recent.length >= resendLimit ? reject(AccountErrors.resendLimitReached()) : undefined;
}

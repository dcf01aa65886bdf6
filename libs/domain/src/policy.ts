/**
 * Every rule with a number in it, in one typed object. The defaults are the seed
 * portals' (see README.md, "Policies"); a deployment overrides what it must, and
 * `policyFrom` refuses an override that makes no sense.
 */
import { ACCOUNT_KINDS, type AccountKind } from './account/events';
import { DomainError } from './decider';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The account state keeps the times of this many wrong codes at most: `lockout.wrongCodes` cannot exceed it. */
export const MAX_WRONG_CODES_KEPT = 100;

export interface AccountPolicy {
  username: { minLength: number; maxLength: number };
  password: {
    minLength: number;
    maxLength: number;
    requireUpper: boolean;
    requireLower: boolean;
    requireDigit: boolean;
    rejectCommon: boolean;
    /**
     * A least length of its own for an audience (members, nonmembers, provider office staff,
     * employers, producers, payers): it replaces `minLength` for that audience's accounts.
     */
    minLengthByAudience?: Partial<Record<AccountKind, number>>;
  };
  lockout: {
    threshold: number;
    durationMs: number;
    /**
     * Wrong second-factor codes of logins (emailed, app, recovery) within `wrongCodesWindowMs` that lock the
     * account as `threshold` wrong passwords do: a right password must not buy fresh guesses without end. A
     * reset's wrong codes are bounded by the same numbers but never lock (anyone may start a reset): past
     * them, a reset's code is not checked until the window moves on.
     */
    wrongCodes: number;
    wrongCodesWindowMs: number;
  };
  emailCode: {
    length: number;
    lifetimeMs: number;
    maxAttempts: number;
    resendLimit: number;
    resendWindowMs: number;
  };
  authenticator: { windowSteps: number; required: boolean };
  /**
   * Seed 004: the 3rd wrong answer in a row deactivates the account. The owner is emailed at
   * each wrong answer, and the deactivation email carries a link that undoes it for this long.
   */
  securityAnswer: { maxConsecutiveWrong: number; reactivationLifetimeMs: number };
  activationCode: { lifetimeMs: number; maxAttempts: number };
}

/** Seed 004: 12+ characters with upper, lower and a digit; seed 000's other rules where 004 is silent. */
export const DEFAULT_POLICY: AccountPolicy = {
  username: { minLength: 8, maxLength: 64 },
  password: {
    minLength: 12,
    maxLength: 128,
    requireUpper: true,
    requireLower: true,
    requireDigit: true,
    rejectCommon: true,
  },
  // 3 emailed codes of 5 tries each within an hour.
  lockout: { threshold: 5, durationMs: 30 * MINUTE, wrongCodes: 15, wrongCodesWindowMs: 60 * MINUTE },
  emailCode: {
    length: 6,
    lifetimeMs: 10 * MINUTE,
    maxAttempts: 5,
    resendLimit: 5,
    resendWindowMs: 15 * MINUTE,
  },
  authenticator: { windowSteps: 1, required: false },
  securityAnswer: { maxConsecutiveWrong: 3, reactivationLifetimeMs: 7 * DAY },
  activationCode: { lifetimeMs: 21 * DAY, maxAttempts: 5 },
};

/** Seed 000's rule: "at least 8 characters", no composition rule. The common-password check still applies. */
export const SEED_000_PASSWORD_RULE: AccountPolicy['password'] = {
  minLength: 8,
  maxLength: 128,
  requireUpper: false,
  requireLower: false,
  requireDigit: false,
  rejectCommon: true,
};

export type PolicyOverrides = { [K in keyof AccountPolicy]?: Partial<AccountPolicy[K]> };

export function policyFrom(
  overrides: PolicyOverrides = {},
  base: AccountPolicy = DEFAULT_POLICY,
): AccountPolicy {
  const p: AccountPolicy = {
    username: { ...base.username, ...overrides.username },
    password: { ...base.password, ...overrides.password },
    lockout: { ...base.lockout, ...overrides.lockout },
    emailCode: { ...base.emailCode, ...overrides.emailCode },
    authenticator: { ...base.authenticator, ...overrides.authenticator },
    securityAnswer: { ...base.securityAnswer, ...overrides.securityAnswer },
    activationCode: { ...base.activationCode, ...overrides.activationCode },
  };
  const problems: Record<string, string> = {};
  const atLeast = (path: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) problems[path] = `must be a whole number of at least ${min}`;
  };
  atLeast('username.minLength', p.username.minLength, 1);
  atLeast('username.maxLength', p.username.maxLength, p.username.minLength);
  atLeast('password.minLength', p.password.minLength, 8);
  atLeast('password.maxLength', p.password.maxLength, p.password.minLength);
  for (const [kind, min] of Object.entries(p.password.minLengthByAudience ?? {})) {
    if (!(ACCOUNT_KINDS as readonly string[]).includes(kind))
      problems[`password.minLengthByAudience.${kind}`] = `is no audience (${ACCOUNT_KINDS.join(', ')})`;
    else if (!Number.isInteger(min) || min < 8 || min > p.password.maxLength)
      problems[`password.minLengthByAudience.${kind}`] =
        `must be a whole number from 8 to ${p.password.maxLength}`;
  }
  if (p.password.maxLength > 1024) problems['password.maxLength'] = 'must be at most 1024';
  atLeast('lockout.threshold', p.lockout.threshold, 1);
  atLeast('lockout.durationMs', p.lockout.durationMs, 1);
  atLeast('lockout.wrongCodes', p.lockout.wrongCodes, 1);
  if (p.lockout.wrongCodes > MAX_WRONG_CODES_KEPT)
    problems['lockout.wrongCodes'] = `must be at most ${MAX_WRONG_CODES_KEPT}`;
  atLeast('lockout.wrongCodesWindowMs', p.lockout.wrongCodesWindowMs, 1);
  atLeast('emailCode.length', p.emailCode.length, 6);
  atLeast('emailCode.lifetimeMs', p.emailCode.lifetimeMs, 1);
  atLeast('emailCode.maxAttempts', p.emailCode.maxAttempts, 1);
  atLeast('emailCode.resendLimit', p.emailCode.resendLimit, 1);
  atLeast('emailCode.resendWindowMs', p.emailCode.resendWindowMs, 1);
  atLeast('authenticator.windowSteps', p.authenticator.windowSteps, 0);
  atLeast('securityAnswer.maxConsecutiveWrong', p.securityAnswer.maxConsecutiveWrong, 1);
  atLeast('activationCode.lifetimeMs', p.activationCode.lifetimeMs, 1);
  atLeast('activationCode.maxAttempts', p.activationCode.maxAttempts, 1);
  if (Object.keys(problems).length > 0)
    throw new DomainError('POLICY_INVALID', 'The account policy is not valid.', problems);
  return p;
}

/** The least password length for an audience's accounts; without one, the loosest of all (a form that does not know whose account it is). */
export function passwordMinLength(policy: AccountPolicy, kind?: AccountKind): number {
  const byAudience = policy.password.minLengthByAudience ?? {};
  if (kind) return byAudience[kind] ?? policy.password.minLength;
  return Math.min(...ACCOUNT_KINDS.map((k) => byAudience[k] ?? policy.password.minLength));
}

/**
 * The account policy's settings (README, "Policy"): the lock, the emailed codes, the
 * activation code, the password's length (for every audience, and for each one on its own)
 * and whether an authenticator app is required.
 * Only what is set is returned: the rest stays the seed's default, which the runtime
 * merges in with the domain's `policyFrom` (this lib does not import the domain).
 * Each wrong value is pushed to `problems`, so the caller names them all at once.
 */

/** The shape of the domain's `PolicyOverrides`, kept here so configuration stays free of the domain. */
export interface PolicySettings {
  lockout?: { threshold?: number; durationMs?: number; wrongCodes?: number; wrongCodesWindowMs?: number };
  emailCode?: { lifetimeMs?: number; maxAttempts?: number; resendLimit?: number; resendWindowMs?: number };
  activationCode?: { lifetimeMs?: number };
  password?: { minLength?: number; minLengthByAudience?: Partial<Record<PasswordAudience, number>> };
  authenticator?: { required?: boolean };
}

/** The audiences (the domain's account kinds) a password length may be set for: PASSWORD_MIN_LENGTH_MEMBER and so on. */
export const PASSWORD_AUDIENCES = [
  'member',
  'nonmember',
  'provider',
  'employer',
  'producer',
  'payer',
] as const;
export type PasswordAudience = (typeof PASSWORD_AUDIENCES)[number];

/** The seed's password length (seed 004: 12+): a setting may raise it, never lower it. */
export const SEED_PASSWORD_MIN_LENGTH = 12;
/** The domain keeps the times of at most this many wrong codes (MAX_WRONG_CODES_KEPT). */
const MAX_WRONG_CODES = 100;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

export function readPolicySettings(
  str: (name: string) => string | undefined,
  problems: string[],
): PolicySettings {
  const whole = (name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
      problems.push(`${name} must be a whole number ${range} (got ${JSON.stringify(v)})`);
      return undefined;
    }
    return n;
  };
  const times = (name: string, unit: number): number | undefined => {
    const n = whole(name, 1);
    return n === undefined ? undefined : n * unit;
  };
  /** A duration given in one of two units (LOCK_MINUTES or LOCK_SECONDS); the seconds are for tests and staging. */
  const duration = (minutesName: string, secondsName: string): number | undefined => {
    const minutes = times(minutesName, MINUTE);
    const seconds = times(secondsName, SECOND);
    if (str(minutesName) !== undefined && str(secondsName) !== undefined) {
      problems.push(`${minutesName} and ${secondsName} are both set: set one of them`);
      return undefined;
    }
    return minutes ?? seconds;
  };
  const flag = (name: string): boolean | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    if (v === 'true' || v === 'false') return v === 'true';
    problems.push(`${name} must be true or false (got ${JSON.stringify(v)})`);
    return undefined;
  };

  const settings: PolicySettings = {};
  const put = <K extends keyof PolicySettings>(section: K, values: NonNullable<PolicySettings[K]>) => {
    const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0) settings[section] = set as PolicySettings[K];
  };
  put('lockout', {
    threshold: whole('LOCK_THRESHOLD', 1),
    durationMs: duration('LOCK_MINUTES', 'LOCK_SECONDS'),
    wrongCodes: whole('LOCK_WRONG_CODES', 1, MAX_WRONG_CODES),
    wrongCodesWindowMs: duration('LOCK_WRONG_CODES_MINUTES', 'LOCK_WRONG_CODES_SECONDS'),
  });
  put('emailCode', {
    lifetimeMs: times('CODE_MINUTES', MINUTE),
    maxAttempts: whole('CODE_TRIES', 1),
    resendLimit: whole('CODE_RESENDS', 1),
    resendWindowMs: times('CODE_RESEND_MINUTES', MINUTE),
  });
  put('activationCode', { lifetimeMs: times('ACTIVATION_CODE_DAYS', DAY) });
  const byAudience: Partial<Record<PasswordAudience, number>> = {};
  for (const audience of PASSWORD_AUDIENCES) {
    const n = whole(`PASSWORD_MIN_LENGTH_${audience.toUpperCase()}`, SEED_PASSWORD_MIN_LENGTH, 128);
    if (n !== undefined) byAudience[audience] = n;
  }
  put('password', {
    minLength: whole('PASSWORD_MIN_LENGTH', SEED_PASSWORD_MIN_LENGTH, 128),
    minLengthByAudience: Object.keys(byAudience).length > 0 ? byAudience : undefined,
  });
  put('authenticator', { required: flag('AUTHENTICATOR_REQUIRED') });
  return settings;
}

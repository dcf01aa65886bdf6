import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('policy settings in loadConfig', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'config-policy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ DATA_DIR: dir, ...env });
      return [];
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return e.problems;
    }
  };

  it('sets nothing when nothing is set: the seed policy stays whole', () => {
    expect(loadConfig({ DATA_DIR: dir }).policy).toEqual({});
  });

  it('reads every setting into its section and unit', () => {
    const c = loadConfig({
      DATA_DIR: dir,
      LOCK_THRESHOLD: '3',
      LOCK_MINUTES: '45',
      LOCK_WRONG_CODES: '10',
      LOCK_WRONG_CODES_MINUTES: '120',
      CODE_MINUTES: '5',
      CODE_TRIES: '3',
      CODE_RESENDS: '2',
      CODE_RESEND_MINUTES: '30',
      ACTIVATION_CODE_DAYS: '14',
      PASSWORD_MIN_LENGTH: '16',
      AUTHENTICATOR_REQUIRED: 'true',
    });
    expect(c.policy).toEqual({
      lockout: { threshold: 3, durationMs: 45 * 60_000, wrongCodes: 10, wrongCodesWindowMs: 120 * 60_000 },
      emailCode: { lifetimeMs: 5 * 60_000, maxAttempts: 3, resendLimit: 2, resendWindowMs: 30 * 60_000 },
      activationCode: { lifetimeMs: 14 * 24 * 60 * 60_000 },
      password: { minLength: 16 },
      authenticator: { required: true },
    });
  });

  it('takes a lock window in seconds, for tests and staging', () => {
    const c = loadConfig({ DATA_DIR: dir, LOCK_SECONDS: '2', LOCK_WRONG_CODES_SECONDS: '4' });
    expect(c.policy).toEqual({ lockout: { durationMs: 2000, wrongCodesWindowMs: 4000 } });
  });

  it('names every wrong value at once', () => {
    const problems = problemsOf({
      LOCK_THRESHOLD: '0',
      LOCK_MINUTES: '30m',
      LOCK_WRONG_CODES: '101',
      CODE_TRIES: '-1',
      ACTIVATION_CODE_DAYS: '1.5',
      AUTHENTICATOR_REQUIRED: 'yes',
      PORT: 'x',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'LOCK_THRESHOLD must be a whole number of at least 1 (got "0")',
        'LOCK_MINUTES must be a whole number of at least 1 (got "30m")',
        'LOCK_WRONG_CODES must be a whole number from 1 to 100 (got "101")',
        'CODE_TRIES must be a whole number of at least 1 (got "-1")',
        'ACTIVATION_CODE_DAYS must be a whole number of at least 1 (got "1.5")',
        'AUTHENTICATOR_REQUIRED must be true or false (got "yes")',
        expect.stringContaining('PORT'),
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('refuses a lock window given in both units', () => {
    expect(problemsOf({ LOCK_MINUTES: '30', LOCK_SECONDS: '2' })).toEqual([
      'LOCK_MINUTES and LOCK_SECONDS are both set: set one of them',
    ]);
  });

  it("never lets a setting weaken the seed's password rule: the length may only grow", () => {
    expect(problemsOf({ PASSWORD_MIN_LENGTH: '8' })).toEqual([
      'PASSWORD_MIN_LENGTH must be a whole number from 12 to 128 (got "8")',
    ]);
    expect(loadConfig({ DATA_DIR: dir, PASSWORD_MIN_LENGTH: '12' }).policy).toEqual({
      password: { minLength: 12 },
    });
  });

  it('takes a password length per audience, each named when wrong', () => {
    expect(
      loadConfig({ DATA_DIR: dir, PASSWORD_MIN_LENGTH_PROVIDER: '14', PASSWORD_MIN_LENGTH_PAYER: '16' })
        .policy,
    ).toEqual({ password: { minLengthByAudience: { provider: 14, payer: 16 } } });
    expect(problemsOf({ PASSWORD_MIN_LENGTH_MEMBER: '10', PASSWORD_MIN_LENGTH_EMPLOYER: 'long' })).toEqual([
      'PASSWORD_MIN_LENGTH_MEMBER must be a whole number from 12 to 128 (got "10")',
      'PASSWORD_MIN_LENGTH_EMPLOYER must be a whole number from 12 to 128 (got "long")',
    ]);
  });
});

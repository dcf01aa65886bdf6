import {
  checkPassword,
  checkUsername,
  hiddenTextProblem,
  hiddenTextProblems,
  isCommonPassword,
} from './password-rules';
import { DEFAULT_POLICY, policyFrom, SEED_000_PASSWORD_RULE } from './policy';

describe('password rules', () => {
  const check = (pw: string, username = 'someone01') => checkPassword(pw, username, DEFAULT_POLICY);

  it('accepts 12+ characters with upper, lower and a digit (seed 004)', () => {
    expect(check('Correct7Horse9Battery')).toEqual({});
  });

  it('names everything missing in one message for the field', () => {
    expect(check('short').password).toBe(
      'Your password must include at least 12 characters, an upper-case letter, a number.',
    );
    expect(check('alllowercase12').password).toContain('an upper-case letter');
    expect(check('ALLUPPERCASE12').password).toContain('a lower-case letter');
    expect(check('NoDigitsAtAllHere').password).toContain('a number');
  });

  it('is case sensitive and never equal to the username, whatever the case', () => {
    expect(check('Member2024Smith', 'member2024smith').password).toMatch(/same as your username/);
  });

  it('refuses common passwords, also with digits or symbols added at the end', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(check('Password1234!').password).toMatch(/too common/);
    expect(isCommonPassword('Correct7Horse9Battery')).toBe(false);
  });

  it('caps the length at 128', () => {
    expect(check('Aa1' + 'x'.repeat(126)).password).toMatch(/at most 128/);
    expect(check('Aa1' + 'x'.repeat(125))).toEqual({});
  });

  it("can use seed 000's rule: 8+ characters, no composition", () => {
    const policy = policyFrom({ password: SEED_000_PASSWORD_RULE });
    expect(checkPassword('blue7sky', 'someone01', policy)).toEqual({});
    expect(checkPassword('blue7sk', 'someone01', policy).password).toContain('at least 8');
  });
});

describe('username rules', () => {
  it('needs 8+ characters', () => {
    expect(checkUsername('patexam', DEFAULT_POLICY).username).toContain('at least 8');
    expect(checkUsername('patexample', DEFAULT_POLICY)).toEqual({});
  });
  it('refuses spaces and symbols', () => {
    expect(checkUsername('pat example', DEFAULT_POLICY).username).toBeDefined();
  });
  it('takes ASCII letters, digits and . _ - @ only, after NFKC: no look-alike letters of other scripts', () => {
    expect(checkUsername('pat.example_01@x-y', DEFAULT_POLICY)).toEqual({});
    // Fullwidth letters are the ASCII ones once NFKC-normalised: the same username, not a new one.
    expect(checkUsername('\uff50\uff41\uff54example', DEFAULT_POLICY)).toEqual({});
    for (const lookalike of ['p\u0430texample', 'patexampl\u0435', 'zo\u00ebnandu90', 'pat\u202Eexample'])
      expect(checkUsername(lookalike, DEFAULT_POLICY).username).toContain('a-z');
  });
});

describe('free text', () => {
  it('refuses direction controls and lone surrogates, naming the field; takes any script and paired emoji', () => {
    for (const c of ['\u202A', '\u202E', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C'])
      expect(hiddenTextProblem(`Pat${c}Example`, 'lastName')).toMatch(/^lastName .*direction/);
    expect(hiddenTextProblem('Pat\ud800', 'lastName')).toMatch(/^lastName .*lone surrogate/);
    expect(hiddenTextProblem('\udfffPat', 'lastName')).toMatch(/lone surrogate/);
    for (const fine of ['Zoë Ñandú', 'محمد', 'Łódź 😀', "O'Brien-Smith"])
      expect(hiddenTextProblem(fine, 'lastName')).toBeUndefined();
    expect(hiddenTextProblems({ a: 'ok', b: 'x\u202Ey', c: undefined })).toEqual({ b: expect.any(String) });
  });
});

describe('policyFrom', () => {
  it('keeps the seed defaults and applies overrides', () => {
    const p = policyFrom({ lockout: { threshold: 3 } });
    expect(p.lockout).toEqual({
      threshold: 3,
      durationMs: 30 * 60_000,
      wrongCodes: 15,
      wrongCodesWindowMs: 60 * 60_000,
    });
    expect(p.emailCode.lifetimeMs).toBe(10 * 60_000);
  });
  it('names every override that makes no sense', () => {
    expect(() => policyFrom({ lockout: { threshold: 0 }, password: { minLength: 4 } })).toThrow(
      expect.objectContaining({
        code: 'POLICY_INVALID',
        fields: { 'lockout.threshold': expect.any(String), 'password.minLength': expect.any(String) },
      }),
    );
  });
});

describe('password length per audience', () => {
  const policy = policyFrom({
    password: { minLength: 12, minLengthByAudience: { provider: 16, payer: 14 } },
  });
  const fifteen = 'Correct7Horse9B'; // 15 characters

  it("checks an audience's account against its own length, the others against the common one", () => {
    expect(checkPassword(fifteen, 'someone01', policy, 'password', 'provider')).toEqual({
      password: 'Your password must include at least 16 characters.',
    });
    expect(checkPassword(fifteen, 'someone01', policy, 'password', 'payer')).toEqual({});
    expect(checkPassword(fifteen, 'someone01', policy, 'password', 'member')).toEqual({});
  });

  it('checks a password of an unknown audience (a form) against the loosest length', () => {
    const strict = policyFrom({ password: { minLength: 20, minLengthByAudience: { member: 14 } } });
    expect(checkPassword(fifteen, 'someone01', strict)).toEqual({});
    expect(checkPassword('Correct7Horse', 'someone01', strict)).toEqual({
      password: 'Your password must include at least 14 characters.',
    });
  });

  it('refuses an audience length that makes no sense, by name', () => {
    expect(() => policyFrom({ password: { minLengthByAudience: { member: 4 } } })).toThrow(
      expect.objectContaining({
        fields: { 'password.minLengthByAudience.member': 'must be a whole number from 8 to 128' },
      }),
    );
  });
});

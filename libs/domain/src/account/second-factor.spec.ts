import { DEFAULT_POLICY, policyFrom } from '../policy';
import { given, iso, otp, registeredEvents, T } from '../testing/given-when-then';
import type { AccountEvent } from './events';

const verify = (loginId: string, codeHash: string, now: number) =>
  ({ type: 'VerifyOtp', loginId, codeHash, sessionId: 'session-1', now }) as const;
const WRONG = 'f'.repeat(64);

describe('a login and a reset in progress at once', () => {
  const both: AccountEvent[] = [
    ...registeredEvents(),
    { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
    { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(T(10)) } },
    // Anyone who knows the username may start a reset.
    { type: 'PasswordResetRequested', data: { loginId: 'reset-1' } },
    { type: 'OtpIssued', data: { loginId: 'reset-1', ...otp(2), expiresAt: iso(T(11)) } },
  ];

  it("a reset started during a login leaves the login's code working", () => {
    given(both)
      .when(verify('login-1', otp(1).codeHash, T(2)))
      .then([
        { type: 'OtpVerified', data: { loginId: 'login-1', otpId: 'otp-1' } },
        {
          type: 'LoginSucceeded',
          data: { loginId: 'login-1', sessionId: 'session-1', method: 'email-code' },
        },
      ]);
  });

  it("and the reset's code works for the reset only", () => {
    const verified = given(both).when(verify('reset-1', otp(2).codeHash, T(2)));
    verified.then([{ type: 'OtpVerified', data: { loginId: 'reset-1', otpId: 'otp-2' } }]);
    expect(verified.state().resetAllowed).toBe('reset-1');
    // The reset's code does not finish the login, nor the login's the reset.
    given(both)
      .when(verify('login-1', otp(2).codeHash, T(2)))
      .thenError('CODE_INVALID', [
        { type: 'OtpFailed', data: { loginId: 'login-1', otpId: 'otp-1', attempts: 1, at: iso(T(2)) } },
      ]);
  });

  it('a login started during a reset leaves the reset working', () => {
    const resetFirst: AccountEvent[] = [
      ...registeredEvents(),
      { type: 'PasswordResetRequested', data: { loginId: 'reset-1' } },
      { type: 'OtpIssued', data: { loginId: 'reset-1', ...otp(2), expiresAt: iso(T(11)) } },
      { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
      { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(T(10)) } },
    ];
    given(resetFirst)
      .when(verify('reset-1', otp(2).codeHash, T(2)))
      .then([{ type: 'OtpVerified', data: { loginId: 'reset-1', otpId: 'otp-2' } }]);
  });
});

describe('wrong codes over a longer window (lockout.wrongCodes within lockout.wrongCodesWindowMs)', () => {
  const { wrongCodes, wrongCodesWindowMs } = DEFAULT_POLICY.lockout;
  /** Logins n = 1, 2, …, each with its code (otp n), started at T(n). */
  const login = (n: number): AccountEvent[] => [
    { type: 'PasswordAccepted', data: { loginId: `login-${n}` } },
    { type: 'OtpIssued', data: { loginId: `login-${n}`, ...otp(n), expiresAt: iso(T(n + 10)) } },
  ];
  /** Every code of login n tried wrong, at minute `at`. */
  const exhausted = (n: number, at = n): AccountEvent[] =>
    Array.from({ length: DEFAULT_POLICY.emailCode.maxAttempts }, (_, i) => ({
      type: 'OtpFailed' as const,
      data: { loginId: `login-${n}`, otpId: `otp-${n}`, attempts: i + 1, at: iso(T(at)) },
    }));

  it('are part of the policy with the other lock settings: 3 codes of 5 tries (15 wrong codes) within an hour', () => {
    expect(wrongCodes).toBe(15);
    expect(wrongCodesWindowMs).toBe(60 * 60_000);
    expect(() => policyFrom({ lockout: { wrongCodes: 0 } })).toThrow('The account policy is not valid.');
  });

  it('a correct password no longer buys unlimited guesses: the 15th wrong emailed code within an hour locks', () => {
    const history = [
      ...registeredEvents(),
      ...login(1),
      ...exhausted(1),
      ...login(2),
      ...exhausted(2),
      ...login(3),
    ];
    const fourMore = Array.from({ length: 4 }, (_, i) => ({
      type: 'OtpFailed' as const,
      data: { loginId: 'login-3', otpId: 'otp-3', attempts: i + 1, at: iso(T(3)) },
    }));
    const locked = given([...history, ...fourMore]).when(verify('login-3', WRONG, T(4)));
    locked.thenError('CODE_INVALID', [
      { type: 'OtpFailed', data: { loginId: 'login-3', otpId: 'otp-3', attempts: 5, at: iso(T(4)) } },
      { type: 'Locked', data: { until: iso(T(34)), consecutiveFailures: 0, wrongCodes: 15 } },
    ]);
    // Locked as by 5 wrong passwords: the right password is refused until the lock ends.
    const after = locked.state();
    expect(after.lockedUntil).toBe(T(34));
    expect(after.login).toBeUndefined();
    given([...history, ...fourMore, ...locked.decision.events])
      .when({ type: 'LogIn', loginId: 'login-4', passwordMatches: true, otp: otp(4), now: T(5) })
      .thenError('ACCOUNT_LOCKED', [{ type: 'LoginFailed', data: { reason: 'locked', consecutive: 0 } }]);
  });

  it('wrong codes older than the window no longer count', () => {
    const old = [...registeredEvents(), ...login(1), ...exhausted(1), ...login(2), ...exhausted(2)];
    const history = [...old, ...login(70), ...exhausted(70).slice(0, 4)];
    // 14 wrong codes before, but 10 of them more than an hour (the window) ago.
    const d = given(history).when(verify('login-70', WRONG, T(70, 1)));
    expect(d.decision.events.map((e) => e.type)).toEqual(['OtpFailed']);
  });

  it("wrong authenticator and recovery codes count in the same window (a lock's count starts afresh)", () => {
    const history: AccountEvent[] = [
      ...registeredEvents(),
      { type: 'RecoveryCodesIssued', data: { codeHashes: ['a'.repeat(64)] } },
      ...login(1),
      ...exhausted(1),
      ...login(2),
      ...exhausted(2),
      ...login(3),
      ...exhausted(3).slice(0, 2),
      // Two wrong recovery codes, not yet 5 failures in a row.
      { type: 'LoginFailed', data: { reason: 'wrong-code', consecutive: 1, at: iso(T(3)) } },
      { type: 'LoginFailed', data: { reason: 'wrong-code', consecutive: 2, at: iso(T(3)) } },
    ];
    const d = given(history).when({
      type: 'UseRecoveryCode',
      loginId: 'login-3',
      codeHash: WRONG,
      sessionId: 's',
      now: T(4),
    });
    d.thenError('CODE_INVALID', [
      { type: 'LoginFailed', data: { reason: 'wrong-code', consecutive: 3, at: iso(T(4)) } },
      { type: 'Locked', data: { until: iso(T(34)), consecutiveFailures: 3, wrongCodes: 15 } },
    ]);
    expect(d.state().wrongCodesAt).toEqual([]);

    const enrolled: AccountEvent[] = [
      ...registeredEvents(),
      { type: 'AuthenticatorAdded', data: { secretSealed: 'sealed', confirmedStep: 100 } },
      ...Array.from({ length: 14 }, (_, i): AccountEvent[] => [
        { type: 'PasswordAccepted', data: { loginId: `login-${i}` } },
        { type: 'LoginFailed', data: { reason: 'wrong-authenticator-code', consecutive: 1, at: iso(T(i)) } },
        // Each a success in between, so the 5-in-a-row count never locks.
        { type: 'AuthenticatorCodeAccepted', data: { loginId: `login-${i}`, timeStep: 101 + i } },
      ]).flat(),
      { type: 'PasswordAccepted', data: { loginId: 'login-x' } },
    ];
    const app = given(enrolled).when({
      type: 'VerifyAuthenticatorCode',
      loginId: 'login-x',
      matchedTimeStep: null,
      sessionId: 's',
      now: T(20),
    });
    expect(app.decision.events.map((e) => e.type)).toEqual(['LoginFailed', 'Locked']);
  });

  it("a reset's wrong codes never lock the account, and are bounded in the same window", () => {
    const reset = (n: number): AccountEvent[] => [
      { type: 'PasswordResetRequested', data: { loginId: `reset-${n}` } },
      { type: 'OtpIssued', data: { loginId: `reset-${n}`, ...otp(n), expiresAt: iso(T(n + 10)) } },
      ...Array.from({ length: 5 }, (_, i) => ({
        type: 'OtpFailed' as const,
        data: { loginId: `reset-${n}`, otpId: `otp-${n}`, attempts: i + 1, at: iso(T(n)) },
      })),
    ];
    const history = [...registeredEvents(), ...reset(1), ...reset(2)];
    const fresh = [
      ...history,
      { type: 'PasswordResetRequested' as const, data: { loginId: 'reset-3' } },
      { type: 'OtpIssued' as const, data: { loginId: 'reset-3', ...otp(3), expiresAt: iso(T(13)) } },
    ];
    // 10 wrong: still checked, and a wrong one locks nothing.
    const wrong = given(fresh).when(verify('reset-3', WRONG, T(3)));
    expect(wrong.decision.events.map((e) => e.type)).toEqual(['OtpFailed']);
    expect(given([...history, ...reset(3)]).state.lockedUntil).toBeUndefined();
    // 15 wrong within the hour: the next reset's code is not checked until the window has moved on.
    const spent = [
      ...history,
      ...reset(3),
      { type: 'PasswordResetRequested' as const, data: { loginId: 'reset-4' } },
      { type: 'OtpIssued' as const, data: { loginId: 'reset-4', ...otp(4), expiresAt: iso(T(14)) } },
    ];
    given(spent)
      .when(verify('reset-4', otp(4).codeHash, T(5)))
      .thenError('CODE_ATTEMPTS_EXCEEDED');
    // And a login meanwhile is untouched.
    const loginToo = given([...spent, ...login(6)]).when(verify('login-6', otp(6).codeHash, T(7)));
    expect(loginToo.decision.rejection).toBeUndefined();
  });

  it("an app's wrong code on a reset counts for the reset, not toward a lock", () => {
    const enrolled: AccountEvent[] = [
      ...registeredEvents(),
      { type: 'AuthenticatorAdded', data: { secretSealed: 'sealed', confirmedStep: 100 } },
      { type: 'LoginFailed', data: { reason: 'wrong-password', consecutive: 4 } },
      { type: 'PasswordResetRequested', data: { loginId: 'reset-1' } },
    ];
    given(enrolled)
      .when({
        type: 'VerifyAuthenticatorCode',
        loginId: 'reset-1',
        matchedTimeStep: null,
        sessionId: 's',
        now: T(1),
      })
      .thenError('AUTHENTICATOR_CODE_INVALID', [
        {
          type: 'OtpFailed',
          data: { loginId: 'reset-1', otpId: 'authenticator', attempts: 1, at: iso(T(1)) },
        },
      ]);
  });
});

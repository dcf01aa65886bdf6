import { DEFAULT_POLICY } from '../policy';
import { given, iso, otp, registeredEvents, T } from '../testing/given-when-then';
import type { AccountEvent } from './events';

const failures = (n: number): AccountEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'LoginFailed' as const,
    data: { reason: 'wrong-password' as const, consecutive: i + 1 },
  }));
const lockedAt = (at: number): AccountEvent[] => [
  ...failures(4),
  { type: 'LoginFailed', data: { reason: 'wrong-password', consecutive: 5 } },
  { type: 'Locked', data: { until: iso(at + 30 * 60_000), consecutiveFailures: 5 } },
];
const PHC = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const logIn = (passwordMatches: boolean, now = T(1)) =>
  ({ type: 'LogIn', loginId: 'login-1', passwordMatches, otp: otp(1), now }) as const;

describe('password login', () => {
  it('a right password starts 2-step verification with an emailed code valid 10 minutes', () => {
    given(registeredEvents())
      .when(logIn(true, T(0)))
      .then([
        { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
        { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(T(10)) } },
      ]);
  });

  it('a right password checked against a weaker hash records the rehashed one; a wrong or locked one does not', () => {
    const upgraded = given(registeredEvents()).when({ ...logIn(true, T(0)), upgradedHash: '$argon2id$new' });
    upgraded.then([
      { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
      { type: 'PasswordHashUpgraded', data: { passwordHash: '$argon2id$new' } },
      { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(T(10)) } },
    ]);
    expect(upgraded.state().passwordHash).toBe('$argon2id$new');
    given(registeredEvents())
      .when({ ...logIn(false), upgradedHash: '$argon2id$new' })
      .thenError('INVALID_CREDENTIALS', [
        { type: 'LoginFailed', data: { reason: 'wrong-password', consecutive: 1 } },
      ]);
    given([...registeredEvents(), ...lockedAt(T(0))])
      .when({ ...logIn(true, T(1)), upgradedHash: '$argon2id$new' })
      .thenError('ACCOUNT_LOCKED', [{ type: 'LoginFailed', data: { reason: 'locked', consecutive: 0 } }]);
  });

  it('a wrong password is recorded and refused', () => {
    given(registeredEvents())
      .when(logIn(false))
      .thenError('INVALID_CREDENTIALS', [
        { type: 'LoginFailed', data: { reason: 'wrong-password', consecutive: 1 } },
      ]);
  });

  it('the 4th failure in a row does not lock; the 5th locks for 30 minutes', () => {
    given([...registeredEvents(), ...failures(3)])
      .when(logIn(false))
      .thenError('INVALID_CREDENTIALS', [
        { type: 'LoginFailed', data: { reason: 'wrong-password', consecutive: 4 } },
      ]);
    given([...registeredEvents(), ...failures(4)])
      .when(logIn(false, T(1)))
      .thenError('INVALID_CREDENTIALS', [
        { type: 'LoginFailed', data: { reason: 'wrong-password', consecutive: 5 } },
        { type: 'Locked', data: { until: iso(T(31)), consecutiveFailures: 5 } },
      ]);
  });

  it('a success resets the count', () => {
    const g = given([...registeredEvents(), ...failures(4)]);
    const afterLogin = g.when(logIn(true)).state();
    expect(afterLogin.consecutiveFailures).toBe(4);
    const verified = given([
      ...registeredEvents(),
      ...failures(4),
      { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
      { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(T(11)) } },
    ]).when({
      type: 'VerifyOtp',
      loginId: 'login-1',
      codeHash: otp(1).codeHash,
      sessionId: 's-1',
      now: T(2),
    });
    expect(verified.state().consecutiveFailures).toBe(0);
  });

  it('refuses the right password at 29:59 of a lock, and accepts it at 30:01', () => {
    const locked = [...registeredEvents(), ...lockedAt(T(0))];
    given(locked)
      .when(logIn(true, T(29, 59)))
      .thenError('ACCOUNT_LOCKED', [{ type: 'LoginFailed', data: { reason: 'locked', consecutive: 0 } }]);
    given(locked)
      .when(logIn(true, T(30, 1)))
      .then([
        { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
        { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(T(40, 1)) } },
      ]);
  });

  it('support can unlock at once; unlocking an unlocked account is refused', () => {
    const locked = [...registeredEvents(), ...lockedAt(T(0))];
    given(locked)
      .when({ type: 'Unlock', now: T(5) })
      .then([{ type: 'Unlocked', data: { by: 'support' } }]);
    given(registeredEvents())
      .when({ type: 'Unlock', now: T(5) })
      .thenError('NOT_LOCKED');
  });

  it('an unregistered or deactivated account cannot log in', () => {
    given([]).when(logIn(true)).thenError('INVALID_CREDENTIALS');
    given([...registeredEvents(), { type: 'Deactivated', data: { reason: 'security-answers' } }])
      .when(logIn(true))
      .thenError('ACCOUNT_DEACTIVATED');
  });

  it('a legacy member-id account must create a username and email first', () => {
    const legacy: AccountEvent[] = [
      {
        type: 'LegacyAccountImported',
        data: {
          accountId: 'acc-1',
          memberId: 'DEMO0000001',
          passwordHash: '$argon2id$old',
          profile: { firstName: 'P', lastName: 'E', dateOfBirth: '1980-01-01', email: '' },
        },
      },
    ];
    given(legacy).when(logIn(true)).thenError('USERNAME_REQUIRED');
    const created = given(legacy).when({
      type: 'CreateUsername',
      username: 'patexample',
      email: 'pat@example.com',
      now: T(1),
    });
    created.then([
      { type: 'UsernameCreated', data: { username: 'patexample' } },
      { type: 'EmailChanged', data: { email: 'pat@example.com' } },
    ]);
    expect(created.state().legacy).toBe(false);
  });

  it('a legacy account is imported once, with an argon2 hash; only it may log in by member id', () => {
    const profile = { firstName: 'P', lastName: 'E', dateOfBirth: '1980-01-01', email: '' };
    const importing = {
      type: 'ImportLegacyAccount',
      accountId: 'acc-1',
      memberId: 'DEMO0000001',
      passwordHash: PHC,
      profile,
      now: T(0),
    } as const;
    const imported = given([]).when(importing);
    imported.then([
      {
        type: 'LegacyAccountImported',
        data: {
          accountId: 'acc-1',
          memberId: 'DEMO0000001',
          passwordHash: PHC,
          profile: { ...profile, memberId: 'DEMO0000001' },
        },
      },
    ]);
    const legacy = imported.decision.events;
    given(legacy).when(importing).thenError('ALREADY_REGISTERED');
    given([])
      .when({ ...importing, passwordHash: '$2b$10$bcrypt' })
      .thenError('VALIDATION_FAILED');
    given(legacy)
      .when({ ...logIn(true), viaMemberId: true })
      .thenError('USERNAME_REQUIRED');
    given(legacy)
      .when({ ...logIn(false), viaMemberId: true })
      .thenError('INVALID_CREDENTIALS', [
        { type: 'LoginFailed', data: { reason: 'wrong-password', consecutive: 1 } },
      ]);
    // A registered account's member id is no login name: refused, and nothing counted against it.
    given(registeredEvents())
      .when({ ...logIn(true), viaMemberId: true })
      .thenError('INVALID_CREDENTIALS', []);
  });
});

describe('emailed 6-digit code', () => {
  const started = (expiresAt = T(10)): AccountEvent[] => [
    ...registeredEvents(),
    { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
    { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(expiresAt) } },
  ];
  const verify = (codeHash: string, now: number) =>
    ({ type: 'VerifyOtp', loginId: 'login-1', codeHash, sessionId: 'session-1', now }) as const;

  it('the right code at 9:59 starts a session; at 10:00 it has expired', () => {
    given(started())
      .when(verify(otp(1).codeHash, T(9, 59)))
      .then([
        { type: 'OtpVerified', data: { loginId: 'login-1', otpId: 'otp-1' } },
        {
          type: 'LoginSucceeded',
          data: { loginId: 'login-1', sessionId: 'session-1', method: 'email-code' },
        },
      ]);
    given(started())
      .when(verify(otp(1).codeHash, T(10)))
      .thenError('CODE_EXPIRED');
    given(started())
      .when(verify(otp(1).codeHash, T(10, 1)))
      .thenError('CODE_EXPIRED');
  });

  it('is single use', () => {
    const used = given(started())
      .when(verify(otp(1).codeHash, T(1)))
      .state();
    expect(used.login).toBeUndefined();
  });

  it('allows 5 tries: the 5th wrong code is recorded, the 6th try is refused without checking', () => {
    const wrong = (attempts: number): AccountEvent[] =>
      Array.from({ length: attempts }, (_, i) => ({
        type: 'OtpFailed' as const,
        data: { loginId: 'login-1', otpId: 'otp-1', attempts: i + 1 },
      }));
    given([...started(), ...wrong(4)])
      .when(verify('f'.repeat(64), T(1)))
      .thenError('CODE_INVALID', [
        { type: 'OtpFailed', data: { loginId: 'login-1', otpId: 'otp-1', attempts: 5, at: iso(T(1)) } },
      ]);
    given([...started(), ...wrong(5)])
      .when(verify(otp(1).codeHash, T(1)))
      .thenError('CODE_ATTEMPTS_EXCEEDED');
  });

  it('a resend voids the earlier code', () => {
    const resent = [
      ...started(),
      { type: 'OtpIssued' as const, data: { loginId: 'login-1', ...otp(2), expiresAt: iso(T(12)) } },
    ];
    given(resent)
      .when(verify(otp(1).codeHash, T(3)))
      .thenError('CODE_INVALID', [
        { type: 'OtpFailed', data: { loginId: 'login-1', otpId: 'otp-2', attempts: 1, at: iso(T(3)) } },
      ]);
    expect(given(resent).when(verify(otp(2).codeHash, T(3))).decision.rejection).toBeUndefined();
  });

  it('limits resends: 5 codes within 15 minutes, then refused', () => {
    let events = started(T(10));
    for (let i = 2; i <= 5; i++) {
      const d = given(events).when({ type: 'ResendOtp', loginId: 'login-1', otp: otp(i), now: T(i) });
      expect(d.decision.rejection).toBeUndefined();
      events = [...events, ...d.decision.events];
    }
    given(events)
      .when({ type: 'ResendOtp', loginId: 'login-1', otp: otp(6), now: T(6) })
      .thenError('RESEND_LIMIT_REACHED');
    expect(
      given(events).when({ type: 'ResendOtp', loginId: 'login-1', otp: otp(6), now: T(16) }).decision
        .rejection,
    ).toBeUndefined();
  });

  it('a locked account cannot finish a login it started', () => {
    given([...started(), { type: 'Locked', data: { until: iso(T(30)), consecutiveFailures: 5 } }])
      .when(verify(otp(1).codeHash, T(1)))
      .thenError('LOGIN_NOT_STARTED');
  });
});

describe('authenticator app', () => {
  const enrolled: AccountEvent[] = [
    ...registeredEvents(),
    { type: 'AuthenticatorAdded', data: { secretSealed: 'sealed-secret', confirmedStep: 100 } },
  ];
  const started: AccountEvent[] = [...enrolled, { type: 'PasswordAccepted', data: { loginId: 'login-1' } }];
  const verify = (step: number | null, now = T(1)) =>
    ({
      type: 'VerifyAuthenticatorCode',
      loginId: 'login-1',
      matchedTimeStep: step,
      sessionId: 'session-1',
      now,
    }) as const;

  it('is preferred over the emailed code once enrolled', () => {
    given(enrolled)
      .when({ type: 'LogIn', loginId: 'login-1', passwordMatches: true, otp: otp(1), now: T(0) })
      .then([{ type: 'PasswordAccepted', data: { loginId: 'login-1' } }]);
  });

  it('a code of a new time step starts a session', () => {
    given(started)
      .when(verify(101))
      .then([
        { type: 'AuthenticatorCodeAccepted', data: { loginId: 'login-1', timeStep: 101 } },
        {
          type: 'LoginSucceeded',
          data: { loginId: 'login-1', sessionId: 'session-1', method: 'authenticator' },
        },
      ]);
  });

  it('refuses a reused time step and counts it, like a wrong code, as a login failure', () => {
    given(started)
      .when(verify(100))
      .thenError('AUTHENTICATOR_CODE_INVALID', [
        { type: 'LoginFailed', data: { reason: 'wrong-authenticator-code', consecutive: 1, at: iso(T(1)) } },
      ]);
    given(started)
      .when(verify(null))
      .thenError('AUTHENTICATOR_CODE_INVALID', [
        { type: 'LoginFailed', data: { reason: 'wrong-authenticator-code', consecutive: 1, at: iso(T(1)) } },
      ]);
  });

  it('the 5th wrong authenticator code locks the account', () => {
    const four = Array.from({ length: 4 }, (_, i) => ({
      type: 'LoginFailed' as const,
      data: { reason: 'wrong-authenticator-code' as const, consecutive: i + 1 },
    }));
    const d = given([...started, ...four]).when(verify(null, T(2)));
    expect(d.decision.events.map((e) => e.type)).toEqual(['LoginFailed', 'Locked']);
  });

  it('a policy that requires an app: password, emailed code, then the new app adds itself and signs in', () => {
    const required = { ...DEFAULT_POLICY, authenticator: { windowSteps: 1, required: true } };
    const started = given(registeredEvents(), required).when(logIn(true, T(0)));
    started.then([
      { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
      { type: 'OtpIssued', data: { loginId: 'login-1', ...otp(1), expiresAt: iso(T(10)) } },
    ]);
    const beforeCode = [...registeredEvents(), ...started.decision.events];
    const enrol = (matchedTimeStep: number | null, loginId = 'login-1') =>
      ({
        type: 'EnrolAuthenticatorAtLogin',
        loginId,
        secretSealed: 'v1.sealed-secret',
        matchedTimeStep,
        sessionId: 'session-1',
        now: T(2),
      }) as const;
    // Not before the emailed code is verified.
    given(beforeCode, required).when(enrol(100)).thenError('LOGIN_NOT_STARTED');
    const verified = given(beforeCode, required).when({
      type: 'VerifyOtp',
      loginId: 'login-1',
      codeHash: otp(1).codeHash,
      sessionId: 'session-0',
      now: T(1),
    });
    // The right code grants no session: the login waits for an app.
    verified.then([{ type: 'OtpVerified', data: { loginId: 'login-1', otpId: 'otp-1' } }]);
    const afterCode = [...beforeCode, ...verified.decision.events];
    given(afterCode, required).when(enrol(null)).thenError('AUTHENTICATOR_CODE_INVALID', []);
    given(afterCode, required).when(enrol(100, 'login-2')).thenError('LOGIN_NOT_STARTED');
    const enrolled = given(afterCode, required).when(enrol(100));
    enrolled.then([
      { type: 'AuthenticatorAdded', data: { secretSealed: 'v1.sealed-secret', confirmedStep: 100 } },
      {
        type: 'LoginSucceeded',
        data: { loginId: 'login-1', sessionId: 'session-1', method: 'authenticator' },
      },
    ]);
    expect(enrolled.state().authenticator).toEqual({ secretSealed: 'v1.sealed-secret', lastStep: 100 });
    // Once: the login is over.
    given([...afterCode, ...enrolled.decision.events], required)
      .when(enrol(101))
      .thenError('LOGIN_NOT_STARTED');
    // Without the policy, the emailed code signs in as always, and there is nothing to enrol at login.
    given(afterCode).when(enrol(100)).thenError('LOGIN_NOT_STARTED');
  });

  it('a recovery code works once, for a lost authenticator', () => {
    const withCodes = [
      ...started,
      { type: 'RecoveryCodesIssued' as const, data: { codeHashes: ['a'.repeat(64), 'b'.repeat(64)] } },
    ];
    const use = (now: number) =>
      ({
        type: 'UseRecoveryCode',
        loginId: 'login-1',
        codeHash: 'b'.repeat(64),
        sessionId: 's',
        now,
      }) as const;
    const first = given(withCodes).when(use(T(1)));
    expect(first.decision.events.map((e) => e.type)).toEqual(['RecoveryCodeUsed', 'LoginSucceeded']);
    const again = given([
      ...withCodes,
      ...first.decision.events,
      { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
    ]).when(use(T(2)));
    expect(again.decision.rejection?.code).toBe('CODE_INVALID');
  });
});

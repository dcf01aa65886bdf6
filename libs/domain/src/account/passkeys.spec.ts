import { given, iso, registeredEvents, T } from '../testing/given-when-then';
import type { AccountCommand } from './commands';
import type { AccountEvent } from './events';
import { PASSKEY_STEP_UP_MS } from './passkeys';

const challenge = (n: number, expiresAt = T(5)) => ({ hash: `challenge-${n}`, expiresAt });

const register = (
  overrides: Partial<Extract<AccountCommand, { type: 'RegisterPasskey' }>> = {},
): AccountCommand => ({
  type: 'RegisterPasskey',
  passkeyId: 'pk-1',
  credentialId: 'cred-1',
  publicKey: 'cose-key',
  signCount: 0,
  backupEligible: true,
  backedUp: true,
  transports: ['internal'],
  name: ' Pat’s phone ',
  userVerified: true,
  challenge: challenge(1),
  secondFactorAt: T(0),
  now: T(1),
  ...overrides,
});

const registered: AccountEvent = {
  type: 'PasskeyRegistered',
  data: {
    passkeyId: 'pk-1',
    credentialId: 'cred-1',
    publicKey: 'cose-key',
    signCount: 0,
    backupEligible: true,
    backedUp: true,
    transports: ['internal'],
    name: 'Pat’s phone',
    userVerified: true,
    challengeHash: 'challenge-1',
    challengeExpiresAt: iso(T(5)),
    registeredAt: iso(T(1)),
  },
};

const withPasskey = (signCount = 0): AccountEvent[] => [
  ...registeredEvents(),
  { ...registered, data: { ...registered.data, signCount } },
];
const loginStarted: AccountEvent = { type: 'PasswordAccepted', data: { loginId: 'login-1' } };

const use = (overrides: Partial<Extract<AccountCommand, { type: 'UsePasskey' }>> = {}): AccountCommand => ({
  type: 'UsePasskey',
  via: 'second-step',
  loginId: 'login-1',
  credentialId: 'cred-1',
  verified: true,
  signCount: 0,
  backedUp: true,
  userVerified: true,
  challenge: challenge(2, T(7)),
  sessionId: 'session-1',
  now: T(3),
  ...overrides,
});

const usedEvent = (via: 'second-step' | 'passwordless', loginId: string, signCount = 0): AccountEvent => ({
  type: 'PasskeyUsed',
  data: {
    passkeyId: 'pk-1',
    loginId,
    via,
    signCount,
    backedUp: true,
    userVerified: true,
    challengeHash: 'challenge-2',
    challengeExpiresAt: iso(T(7)),
    usedAt: iso(T(3)),
  },
});

describe('adding a passkey', () => {
  it('is recorded from a session whose second factor is fresh, its name trimmed', () => {
    const d = given(registeredEvents()).when(register());
    d.then([registered]);
    expect(d.state().passkeys).toEqual([
      expect.objectContaining({
        passkeyId: 'pk-1',
        credentialId: 'cred-1',
        signCount: 0,
        name: 'Pat’s phone',
      }),
    ]);
  });

  it('needs a step-up: a session older than the step-up window is refused', () => {
    given(registeredEvents())
      .when(register({ secondFactorAt: T(1) - PASSKEY_STEP_UP_MS - 1 }))
      .thenError('STEP_UP_REQUIRED');
  });

  it('refuses an expired challenge, and a challenge answered already (a replayed registration)', () => {
    given(registeredEvents())
      .when(register({ now: T(5) }))
      .thenError('PASSKEY_CHALLENGE_INVALID');
    given(withPasskey())
      .when(register({ passkeyId: 'pk-2', credentialId: 'cred-2' }))
      .thenError('PASSKEY_CHALLENGE_INVALID');
  });

  it('refuses a credential the account holds already, and a blank name', () => {
    given(withPasskey())
      .when(register({ passkeyId: 'pk-2', challenge: challenge(9) }))
      .thenError('PASSKEY_ALREADY_REGISTERED');
    given(registeredEvents())
      .when(register({ name: '   ' }))
      .thenError('VALIDATION_FAILED', [], { name: 'Give the passkey a name of 1 to 64 characters.' });
  });

  it('is refused on a deactivated or erased account', () => {
    given([...registeredEvents(), { type: 'Deactivated', data: { reason: 'support' } }])
      .when(register())
      .thenError('ACCOUNT_DEACTIVATED');
    given([...registeredEvents(), { type: 'PersonalDataErased', data: { erasedAt: iso(T(0)) } }])
      .when(register())
      .thenError('ERASED');
  });
});

describe('signing in with a passkey in place of the emailed code', () => {
  it('ends the login with a session, and records the use with its counter', () => {
    const d = given([...withPasskey(), loginStarted]).when(use({ signCount: 0 }));
    d.then([
      usedEvent('second-step', 'login-1'),
      { type: 'LoginSucceeded', data: { loginId: 'login-1', sessionId: 'session-1', method: 'passkey' } },
    ]);
    expect(d.state().passkeys[0]?.lastUsedAt).toBe(T(3));
    expect(d.state().login).toBeUndefined();
  });

  it('needs the login that the password started', () => {
    given(withPasskey()).when(use()).thenError('LOGIN_NOT_STARTED');
  });

  it('counts a failed assertion (wrong origin, RP id or signature) toward the lock', () => {
    given([...withPasskey(), loginStarted])
      .when(use({ verified: false }))
      .thenError('PASSKEY_REFUSED', [
        { type: 'LoginFailed', data: { reason: 'wrong-passkey', consecutive: 1, at: iso(T(3)) } },
      ]);
  });

  it('the 5th failure in a row locks the account, as wrong passwords do', () => {
    const four: AccountEvent[] = [1, 2, 3, 4].map((n) => ({
      type: 'LoginFailed',
      data: { reason: 'wrong-passkey', consecutive: n, at: iso(T(2)) },
    }));
    given([...withPasskey(), loginStarted, ...four])
      .when(use({ verified: false }))
      .thenError('PASSKEY_REFUSED', [
        { type: 'LoginFailed', data: { reason: 'wrong-passkey', consecutive: 5, at: iso(T(3)) } },
        { type: 'Locked', data: { until: iso(T(33)), consecutiveFailures: 5 } },
      ]);
  });

  it('refuses a removed credential, counted', () => {
    given([
      ...withPasskey(),
      { type: 'PasskeyRemoved', data: { passkeyId: 'pk-1', by: 'owner' } },
      loginStarted,
    ])
      .when(use())
      .thenError('PASSKEY_UNKNOWN', [
        { type: 'LoginFailed', data: { reason: 'wrong-passkey', consecutive: 1, at: iso(T(3)) } },
      ]);
  });

  it('refuses a counter that did not move on, and records the regression', () => {
    given([...withPasskey(7), loginStarted])
      .when(use({ signCount: 7 }))
      .thenError('PASSKEY_SIGN_COUNT_REGRESSED', [
        {
          type: 'PasskeySignCountRegressed',
          data: {
            passkeyId: 'pk-1',
            storedCount: 7,
            reportedCount: 7,
            challengeHash: 'challenge-2',
            challengeExpiresAt: iso(T(7)),
            at: iso(T(3)),
          },
        },
        { type: 'LoginFailed', data: { reason: 'wrong-passkey', consecutive: 1, at: iso(T(3)) } },
      ]);
    // Counters of 0 on both sides (authenticators that keep none) are fine.
    expect(
      given([...withPasskey(0), loginStarted]).when(use({ signCount: 0 })).decision.rejection,
    ).toBeUndefined();
    expect(
      given([...withPasskey(7), loginStarted]).when(use({ signCount: 8 })).decision.rejection,
    ).toBeUndefined();
  });

  it('refuses a replayed or expired challenge, uncounted', () => {
    const signedIn = [...withPasskey(), loginStarted, usedEvent('second-step', 'login-1')];
    given([...signedIn, { type: 'PasswordAccepted', data: { loginId: 'login-2' } }])
      .when(use({ loginId: 'login-2', signCount: 1 }))
      .thenError('PASSKEY_CHALLENGE_INVALID');
    given([...withPasskey(), loginStarted])
      .when(use({ now: T(7) }))
      .thenError('PASSKEY_CHALLENGE_INVALID');
  });

  it('is refused while the account is locked, even with a good assertion', () => {
    given([
      ...withPasskey(),
      loginStarted,
      { type: 'Locked', data: { until: iso(T(30)), consecutiveFailures: 5 } },
      { type: 'PasswordAccepted', data: { loginId: 'login-1' } },
    ])
      .when(use())
      .thenError('ACCOUNT_LOCKED');
  });
});

describe('signing in with a passkey alone (passwordless)', () => {
  const alone = (o: Partial<Extract<AccountCommand, { type: 'UsePasskey' }>> = {}) =>
    use({ via: 'passwordless', loginId: 'challenge-2', ...o });

  it('needs no login in progress, and gives a session', () => {
    given(withPasskey())
      .when(alone())
      .then([
        usedEvent('passwordless', 'challenge-2'),
        {
          type: 'LoginSucceeded',
          data: { loginId: 'challenge-2', sessionId: 'session-1', method: 'passkey' },
        },
      ]);
  });

  it('needs user verification (the passkey is both factors), counted when missing', () => {
    given(withPasskey())
      .when(alone({ userVerified: false }))
      .thenError('PASSKEY_USER_VERIFICATION_REQUIRED', [
        { type: 'LoginFailed', data: { reason: 'wrong-passkey', consecutive: 1, at: iso(T(3)) } },
      ]);
  });

  it('is refused and recorded on a locked account, as the password step is', () => {
    given([...withPasskey(), { type: 'Locked', data: { until: iso(T(30)), consecutiveFailures: 5 } }])
      .when(alone())
      .thenError('ACCOUNT_LOCKED', [{ type: 'LoginFailed', data: { reason: 'locked', consecutive: 0 } }]);
  });

  it('is refused on a deactivated or erased account', () => {
    given([...withPasskey(), { type: 'Deactivated', data: { reason: 'owner' } }])
      .when(alone())
      .thenError('ACCOUNT_DEACTIVATED');
    given([...withPasskey(), { type: 'PersonalDataErased', data: { erasedAt: iso(T(2)) } }])
      .when(alone())
      .thenError('ERASED');
  });

  it('a credential the account does not hold costs it nothing (nothing says who is asking)', () => {
    given(withPasskey())
      .when(alone({ credentialId: 'cred-other' }))
      .thenError('PASSKEY_UNKNOWN');
  });
});

describe('managing passkeys', () => {
  it('the owner renames and removes one; an unknown id is not found', () => {
    given(withPasskey())
      .when({ type: 'RenamePasskey', passkeyId: 'pk-1', name: 'Work phone', now: T(2) })
      .then([{ type: 'PasskeyRenamed', data: { passkeyId: 'pk-1', name: 'Work phone' } }]);
    const removed = given(withPasskey()).when({
      type: 'RemovePasskey',
      passkeyId: 'pk-1',
      by: 'owner',
      now: T(2),
    });
    removed.then([{ type: 'PasskeyRemoved', data: { passkeyId: 'pk-1', by: 'owner' } }]);
    expect(removed.state().passkeys).toEqual([]);
    given(withPasskey())
      .when({ type: 'RemovePasskey', passkeyId: 'pk-9', by: 'owner', now: T(2) })
      .thenError('PASSKEY_NOT_FOUND');
  });

  it('support removes one with a reason, on a deactivated account too', () => {
    given([...withPasskey(), { type: 'Deactivated', data: { reason: 'support' } }])
      .when({
        type: 'RemovePasskey',
        passkeyId: 'pk-1',
        by: 'support',
        staffId: 'alice',
        reason: 'Lost phone',
        now: T(2),
      })
      .then([
        {
          type: 'PasskeyRemoved',
          data: { passkeyId: 'pk-1', by: 'support', staffId: 'alice', reason: 'Lost phone' },
        },
      ]);
  });

  it('a password reset leaves passkeys alone', () => {
    const d = given([
      ...withPasskey(),
      { type: 'PasswordReset', data: { passwordHash: 'new', via: 'two-step' } },
    ]);
    expect(d.state.passkeys).toHaveLength(1);
  });
});

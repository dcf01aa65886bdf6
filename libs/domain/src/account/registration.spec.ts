import { DEFAULT_POLICY } from '../policy';
import { given, iso, profile, registeredEvents, T } from '../testing/given-when-then';
import type { AccountEvent } from './events';
import { identityMatches } from './recovery';

const credentials = {
  username: 'patexample',
  password: 'Correct7Horse9Battery',
  passwordHash: '$argon2id$new',
  securityQuestion: 'First pet?',
  securityAnswerHash: '$argon2id$answer',
};
const issued: AccountEvent[] = [
  {
    type: 'ActivationCodeIssued',
    data: {
      accountId: 'acc-1',
      codeId: 'code-1',
      codeHash: 'c'.repeat(64),
      codeSealed: 'sealed',
      memberId: 'DEMO0000001',
      expiresAt: iso(T(21 * 24 * 60)),
    },
  },
];

describe('activation code by mail (seed 000)', () => {
  it('is issued for 21 days when name, date of birth and member id match the roster', () => {
    given([])
      .when({
        type: 'RequestActivationCode',
        accountId: 'acc-1',
        memberId: 'DEMO0000001',
        rosterMatched: true,
        codeId: 'code-1',
        codeHash: 'c'.repeat(64),
        codeSealed: 'sealed',
        now: T(0),
      })
      .then(issued);
  });

  it('is refused, without naming a field, when the roster does not match', () => {
    const d = given([]).when({
      type: 'RequestActivationCode',
      accountId: 'acc-1',
      memberId: 'X',
      rosterMatched: false,
      codeId: 'c',
      codeHash: 'c',
      codeSealed: 's',
      now: T(0),
    });
    d.thenError('ROSTER_MISMATCH');
    expect(d.decision.rejection?.fields).toBeUndefined();
    expect(d.decision.rejection?.message).toBe("The information you entered doesn't match our records.");
  });

  it('records the mailing once, with the expected delivery date', () => {
    const mailed = {
      type: 'RecordActivationCodeMailed',
      codeId: 'code-1',
      vendorReference: 'v-1',
      expectedDeliveryAt: T(7 * 24 * 60),
      now: T(5),
    } as const;
    const first = given(issued).when(mailed);
    first.then([
      {
        type: 'ActivationCodeMailed',
        data: {
          codeId: 'code-1',
          vendorReference: 'v-1',
          mailedAt: iso(T(5)),
          expectedDeliveryAt: iso(T(7 * 24 * 60)),
        },
      },
    ]);
    given([...issued, ...first.decision.events])
      .when(mailed)
      .then([]);
  });

  const register = (codeHash: string, now: number, extra: Partial<typeof credentials> = {}) =>
    ({
      type: 'RegisterWithActivationCode',
      codeHash,
      profile,
      communication: { email: true, text: false },
      termsAccepted: true,
      now,
      ...credentials,
      ...extra,
    }) as const;

  it('registers with the right code, creating the username, password and security question', () => {
    const d = given(issued).when(register('c'.repeat(64), T(60)));
    expect(d.decision.events.map((e) => e.type)).toEqual(['Registered', 'UsernameCreated']);
    expect(d.state()).toMatchObject({ status: 'active', accountId: 'acc-1', username: 'patexample' });
  });

  it('refuses a wrong code (and counts it), an expired one, and a used one', () => {
    given(issued)
      .when(register('d'.repeat(64), T(60)))
      .thenError('ACTIVATION_CODE_INVALID', [
        { type: 'ActivationCodeFailed', data: { codeId: 'code-1', attempts: 1 } },
      ]);
    given(issued)
      .when(register('c'.repeat(64), T(21 * 24 * 60)))
      .thenError('ACTIVATION_CODE_EXPIRED');
    const registered = given(issued).when(register('c'.repeat(64), T(60))).decision.events;
    given([...issued, ...registered])
      .when(register('c'.repeat(64), T(61)))
      .thenError('ACTIVATION_CODE_INVALID');
  });

  it('answers a registered account like a wrong code, with the right code or any other, and counts nothing', () => {
    const registered = [...issued, ...given(issued).when(register('c'.repeat(64), T(60))).decision.events];
    given(registered)
      .when(register('c'.repeat(64), T(61)))
      .thenError('ACTIVATION_CODE_INVALID', []);
    given(registered)
      .when(register('d'.repeat(64), T(61)))
      .thenError('ACTIVATION_CODE_INVALID', []);
  });

  it('names every bad field at once (seed 000: red text beside each)', () => {
    given(issued)
      .when(register('c'.repeat(64), T(60), { username: 'pat', password: 'pat' }))
      .thenError('VALIDATION_FAILED', [], {
        username: expect.stringContaining('8'),
        password: expect.stringContaining('12'),
      });
  });
});

describe('member and nonmember registration (seed 004, seed 000)', () => {
  const member = (rosterMatched: boolean, extra: object = {}) =>
    ({
      type: 'RegisterMember',
      accountId: 'acc-2',
      rosterMatched,
      profile,
      communication: { email: true, text: true },
      termsAccepted: true,
      now: T(0),
      ...credentials,
      ...extra,
    }) as const;

  it('registers a member whose name, date of birth and ID card match', () => {
    expect(
      given([])
        .when(member(true))
        .decision.events.map((e) => e.type),
    ).toEqual(['Registered', 'UsernameCreated']);
  });

  it('gives the distinct field-free error when the roster does not match', () => {
    given([]).when(member(false)).thenError('ROSTER_MISMATCH');
  });

  it('requires the terms to be accepted and a valid email, with the other fields', () => {
    given([])
      .when(member(true, { termsAccepted: false, profile: { ...profile, email: 'not-an-email' } }))
      .thenError('VALIDATION_FAILED', [], { termsAccepted: expect.any(String), email: expect.any(String) });
  });

  it('refuses direction controls and broken characters in the names, email and question, each named', () => {
    given([])
      .when(
        member(true, {
          profile: { ...profile, firstName: 'Pat\u202Egpj.exe', lastName: 'Ex\udc00ample' },
          securityQuestion: 'First \u2067pet?',
        }),
      )
      .thenError('VALIDATION_FAILED', [], {
        firstName: expect.stringContaining('direction'),
        lastName: expect.stringContaining('lone surrogate'),
        securityQuestion: expect.stringContaining('direction'),
      });
    // A username in another script's look-alike letters is refused where it is chosen.
    given([])
      .when(member(true, { username: 'p\u0430texample' }))
      .thenError('VALIDATION_FAILED', [], { username: expect.stringContaining('a-z') });
  });

  it('registers a nonmember patient without roster data', () => {
    const d = given([]).when({
      type: 'RegisterNonmember',
      accountId: 'acc-3',
      profile,
      communication: { email: true, text: false },
      termsAccepted: true,
      now: T(0),
      ...credentials,
    });
    expect(d.state()).toMatchObject({ status: 'active', kind: 'nonmember' });
    expect(d.state().profile?.memberId).toBeUndefined();
  });
});

describe('forgot password with the security question (seed 000, seed 004)', () => {
  const answer = (answerMatches: boolean) =>
    ({
      type: 'AnswerSecurityQuestion',
      resetId: 'reset-1',
      answerMatches,
      reactivation: { tokenHash: 'a'.repeat(64), tokenSealed: 'v1.sealed-token' },
      now: T(0),
    }) as const;
  const wrong = (n: number): AccountEvent[] =>
    Array.from({ length: n }, (_, i) => ({
      type: 'SecurityAnswerFailed' as const,
      data: { consecutive: i + 1 },
    }));

  it('a right answer allows a new password', () => {
    const d = given(registeredEvents()).when(answer(true));
    d.then([{ type: 'SecurityAnswerAccepted', data: { resetId: 'reset-1' } }]);
    given([...registeredEvents(), ...d.decision.events])
      .when({
        type: 'CompletePasswordReset',
        resetId: 'reset-1',
        password: 'Another9Strong1Pass',
        passwordHash: '$argon2id$reset',
        now: T(1),
      })
      .then([{ type: 'PasswordReset', data: { passwordHash: '$argon2id$reset', via: 'security-question' } }]);
  });

  it('the 2nd wrong answer is recorded; the 3rd in a row deactivates the account', () => {
    given([...registeredEvents(), ...wrong(1)])
      .when(answer(false))
      .thenError('SECURITY_ANSWER_WRONG', [{ type: 'SecurityAnswerFailed', data: { consecutive: 2 } }]);
    given([...registeredEvents(), ...wrong(2)])
      .when(answer(false))
      .thenError('ACCOUNT_DEACTIVATED', [
        { type: 'SecurityAnswerFailed', data: { consecutive: 3 } },
        {
          type: 'Deactivated',
          data: {
            reason: 'security-answers',
            reactivationHash: 'a'.repeat(64),
            reactivationSealed: 'v1.sealed-token',
            reactivableUntil: iso(T(0) + DEFAULT_POLICY.securityAnswer.reactivationLifetimeMs),
          },
        },
      ]);
  });

  describe('the owner undoes a deactivation by wrong answers from the emailed link', () => {
    const deactivated = () => [
      ...registeredEvents(),
      ...wrong(2),
      ...given([...registeredEvents(), ...wrong(2)]).when(answer(false)).decision.events,
    ];
    const reactivate = (tokenHash: string, now = T(60)) => ({ type: 'Reactivate' as const, tokenHash, now });

    it('once, with the link of this deactivation, before it expires: active again, the count at zero', () => {
      const d = given(deactivated()).when(reactivate('a'.repeat(64)));
      d.then([{ type: 'Reactivated', data: { via: 'email-link' } }]);
      expect(d.state()).toMatchObject({ status: 'active', consecutiveWrongAnswers: 0 });
      expect(d.state().reactivation).toBeUndefined();
      // Single use: the same link again changes nothing.
      given([...deactivated(), ...d.decision.events])
        .when(reactivate('a'.repeat(64)))
        .thenError('REACTIVATION_INVALID');
    });

    it('refuses a wrong or expired link, and any link for an account deactivated otherwise', () => {
      given(deactivated())
        .when(reactivate('b'.repeat(64)))
        .thenError('REACTIVATION_INVALID');
      given(deactivated())
        .when(reactivate('a'.repeat(64), T(0) + DEFAULT_POLICY.securityAnswer.reactivationLifetimeMs))
        .thenError('REACTIVATION_EXPIRED');
      const bySupport = given(registeredEvents()).when({ type: 'Deactivate', reason: 'support', now: T(0) });
      given([...registeredEvents(), ...bySupport.decision.events])
        .when(reactivate('a'.repeat(64)))
        .thenError('REACTIVATION_INVALID');
      given(registeredEvents())
        .when(reactivate('a'.repeat(64)))
        .thenError('REACTIVATION_INVALID');
    });
  });

  // The question step checks the identity (identityMatches) before it shows the question; the answer comes with that step's token alone.
  it('shows the question only when last name, date of birth and member id match', () => {
    const { state } = given(registeredEvents());
    const person = { lastName: 'example', dateOfBirth: '1980-04-01', memberId: 'DEMO-0000001' };
    expect(identityMatches(state, person)).toBe(true);
    expect(identityMatches(state, { ...person, dateOfBirth: '1980-04-02' })).toBe(false);
    expect(identityMatches(given([]).state, person)).toBe(false);
  });

  it('takes the username instead of the member id (seed 000: user name, last name and date of birth)', () => {
    const { state } = given(registeredEvents());
    const byUsername = { lastName: 'Example', dateOfBirth: '1980-04-01', username: 'PatExample' };
    expect(identityMatches(state, byUsername)).toBe(true);
    expect(identityMatches(state, { ...byUsername, username: 'someoneelse' })).toBe(false);
  });

  it('answers no match, and nothing more, for an account without a question', () => {
    const d = given([]).when(answer(true));
    d.thenError('IDENTITY_MISMATCH');
    expect(d.decision.rejection?.fields).toBeUndefined();
  });

  it('a right answer in between resets the count', () => {
    const s = given([
      ...registeredEvents(),
      ...wrong(2),
      { type: 'SecurityAnswerAccepted', data: { resetId: 'r' } },
    ]).state;
    expect(s.consecutiveWrongAnswers).toBe(0);
  });

  it('a deactivated account must register again, and can', () => {
    const deactivated = [
      ...registeredEvents(),
      ...wrong(2),
      { type: 'SecurityAnswerFailed' as const, data: { consecutive: 3 } },
      { type: 'Deactivated' as const, data: { reason: 'security-answers' as const } },
    ];
    given(deactivated).when(answer(true)).thenError('ACCOUNT_DEACTIVATED');
    expect(
      given([]).when({
        type: 'RegisterMember',
        accountId: 'acc-new',
        rosterMatched: true,
        profile,
        communication: { email: true, text: false },
        termsAccepted: true,
        now: T(0),
        ...credentials,
      }).decision.rejection,
    ).toBeUndefined();
  });

  it('a reset without a verified identity is refused', () => {
    given(registeredEvents())
      .when({
        type: 'CompletePasswordReset',
        resetId: 'reset-1',
        password: 'Another9Strong1Pass',
        passwordHash: 'h',
        now: T(1),
      })
      .thenError('RESET_NOT_ALLOWED');
  });
});

describe('forgot password with a username: 2-step verification (seed 004)', () => {
  it('emails a code, and a verified code allows the reset, which also ends a lock', () => {
    const locked: AccountEvent[] = [
      ...registeredEvents(),
      { type: 'Locked', data: { until: iso(T(30)), consecutiveFailures: 5 } },
    ];
    const start = given(locked).when({
      type: 'RequestPasswordReset',
      loginId: 'reset-1',
      otp: { otpId: 'o', codeHash: 'e'.repeat(64), codeSealed: 's' },
      now: T(1),
    });
    expect(start.decision.events.map((e) => e.type)).toEqual(['PasswordResetRequested', 'OtpIssued']);
    const verified = given([...locked, ...start.decision.events]).when({
      type: 'VerifyOtp',
      loginId: 'reset-1',
      codeHash: 'e'.repeat(64),
      sessionId: 'unused',
      now: T(2),
    });
    // A verified reset code proves the owner; it does not start a session.
    expect(verified.decision.events.map((e) => e.type)).toEqual(['OtpVerified']);
    given([...locked, ...start.decision.events, ...verified.decision.events])
      .when({
        type: 'CompletePasswordReset',
        resetId: 'reset-1',
        password: 'Another9Strong1Pass',
        passwordHash: 'h',
        now: T(3),
      })
      .then([
        { type: 'PasswordReset', data: { passwordHash: 'h', via: 'two-step' } },
        { type: 'Unlocked', data: { by: 'password-reset' } },
      ]);
  });
});

describe('password change, temporary password, username reminder', () => {
  it('needs the current password, and the new one under the policy', () => {
    given(registeredEvents())
      .when({
        type: 'ChangePassword',
        currentPasswordMatches: false,
        password: 'Another9Strong1Pass',
        passwordHash: 'h',
        now: T(0),
      })
      .thenError('CURRENT_PASSWORD_WRONG');
    given(registeredEvents())
      .when({
        type: 'ChangePassword',
        currentPasswordMatches: true,
        password: 'PatExample',
        passwordHash: 'h',
        now: T(0),
      })
      .thenError('VALIDATION_FAILED');
    given(registeredEvents())
      .when({
        type: 'ChangePassword',
        currentPasswordMatches: true,
        password: 'Another9Strong1Pass',
        passwordHash: 'h',
        now: T(0),
      })
      .then([{ type: 'PasswordChanged', data: { passwordHash: 'h' } }]);
  });

  it('a temporary password from support must be changed at next login', () => {
    const d = given(registeredEvents()).when({
      type: 'IssueTemporaryPassword',
      staffId: 'staff-1',
      passwordHash: 't',
      passwordSealed: 'sealed',
      now: T(0),
    });
    expect(d.state().mustChangePassword).toBe(true);
    const changed = given([...registeredEvents(), ...d.decision.events]).when({
      type: 'ChangePassword',
      currentPasswordMatches: true,
      password: 'Another9Strong1Pass',
      passwordHash: 'h',
      now: T(1),
    });
    expect(changed.state().mustChangePassword).toBe(false);
  });

  it('a username reminder goes only to an active account with a username', () => {
    given(registeredEvents())
      .when({ type: 'SendUsernameReminder', now: T(0) })
      .then([{ type: 'UsernameReminderSent', data: { requestedAt: iso(T(0)) } }]);
    given([])
      .when({ type: 'SendUsernameReminder', now: T(0) })
      .then([]);
  });

  it('an already-registered notice goes only to an active account with a username, saying what matched', () => {
    given(registeredEvents())
      .when({ type: 'SendAlreadyRegisteredNotice', matched: 'member', now: T(0) })
      .then([{ type: 'AlreadyRegisteredNoticeSent', data: { matched: 'member', requestedAt: iso(T(0)) } }]);
    given(issued)
      .when({ type: 'SendAlreadyRegisteredNotice', matched: 'member', now: T(0) })
      .then([]);
    const deactivated = given(registeredEvents()).when({ type: 'Deactivate', reason: 'owner', now: T(0) });
    given([...registeredEvents(), ...deactivated.decision.events])
      .when({ type: 'SendAlreadyRegisteredNotice', matched: 'email', now: T(1) })
      .then([]);
  });

  it('erasure is recorded once and blocks every later command', () => {
    const erased = given(registeredEvents()).when({ type: 'ErasePersonalData', now: T(0) });
    erased.then([{ type: 'PersonalDataErased', data: { erasedAt: iso(T(0)) } }]);
    given([...registeredEvents(), ...erased.decision.events])
      .when({ type: 'SendUsernameReminder', now: T(1) })
      .thenError('ERASED');
    given([...registeredEvents(), ...erased.decision.events])
      .when({ type: 'ErasePersonalData', now: T(1) })
      .then([]);
    // An account that never existed has nothing to erase, and gets no stream.
    given([])
      .when({ type: 'ErasePersonalData', now: T(0) })
      .then([]);
  });
});

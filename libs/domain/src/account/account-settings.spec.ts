import { given, iso, registeredEvents, T } from '../testing/given-when-then';
import { policyFrom } from '../policy';
import type { AccountEvent } from './events';

describe('authenticator enrolment', () => {
  it('is added only when a code from the app proves it holds the secret', () => {
    given(registeredEvents())
      .when({ type: 'ConfirmAuthenticator', secretSealed: 'sealed', matchedTimeStep: null, now: T(0) })
      .thenError('AUTHENTICATOR_CODE_INVALID');
    given(registeredEvents())
      .when({ type: 'ConfirmAuthenticator', secretSealed: 'sealed', matchedTimeStep: 42, now: T(0) })
      .then([{ type: 'AuthenticatorAdded', data: { secretSealed: 'sealed', confirmedStep: 42 } }]);
  });

  it('the step that confirmed it cannot be used again to log in', () => {
    const s = given([
      ...registeredEvents(),
      { type: 'AuthenticatorAdded', data: { secretSealed: 's', confirmedStep: 42 } },
    ]).state;
    expect(s.authenticator?.lastStep).toBe(42);
  });

  it('is removed only with the password', () => {
    const enrolled: AccountEvent[] = [
      ...registeredEvents(),
      { type: 'AuthenticatorAdded', data: { secretSealed: 's', confirmedStep: 1 } },
    ];
    given(enrolled)
      .when({ type: 'RemoveAuthenticator', passwordMatches: false, now: T(0) })
      .thenError('CURRENT_PASSWORD_WRONG');
    given(enrolled)
      .when({ type: 'RemoveAuthenticator', passwordMatches: true, now: T(0) })
      .then([{ type: 'AuthenticatorRemoved', data: {} }]);
  });
});

describe('email verification', () => {
  it('a verified emailed login code also verifies the address', () => {
    const s = given([
      ...registeredEvents(),
      { type: 'PasswordAccepted', data: { loginId: 'l' } },
      {
        type: 'OtpIssued',
        data: { loginId: 'l', otpId: 'o', codeHash: 'h', codeSealed: 's', expiresAt: iso(T(10)) },
      },
      { type: 'OtpVerified', data: { loginId: 'l', otpId: 'o' } },
    ]).state;
    expect(s.emailVerified).toBe(true);
  });
});

describe('activation code attempts', () => {
  it('after 5 wrong codes the code is refused even when right', () => {
    const issued: AccountEvent[] = [
      {
        type: 'ActivationCodeIssued',
        data: {
          accountId: 'a',
          codeId: 'c',
          codeHash: 'c'.repeat(64),
          codeSealed: 's',
          memberId: 'm',
          expiresAt: iso(T(60)),
        },
      },
      { type: 'ActivationCodeFailed', data: { codeId: 'c', attempts: 5 } },
    ];
    const d = given(issued).when({
      type: 'RegisterWithActivationCode',
      codeHash: 'c'.repeat(64),
      profile: { firstName: 'P', lastName: 'E', dateOfBirth: '1980-01-01', email: 'p@example.com' },
      communication: { email: true, text: false },
      termsAccepted: true,
      username: 'patexample',
      password: 'Correct7Horse9Battery',
      passwordHash: 'h',
      securityQuestion: 'First pet?',
      securityAnswerHash: 'a',
      now: T(1),
    });
    d.thenError('ACTIVATION_CODE_ATTEMPTS_EXCEEDED');
  });
});

describe('deactivation', () => {
  it('by support or the owner ends the account; a second one changes nothing', () => {
    const d = given(registeredEvents()).when({ type: 'Deactivate', reason: 'support', now: T(0) });
    d.then([{ type: 'Deactivated', data: { reason: 'support' } }]);
    given([...registeredEvents(), ...d.decision.events])
      .when({ type: 'Deactivate', reason: 'owner', now: T(1) })
      .then([]);
  });
});

describe("a new password under the account's audience's length", () => {
  it("a member's new password meets the members' length; another audience's does not apply", () => {
    const change = (password: string) =>
      ({
        type: 'ChangePassword',
        currentPasswordMatches: true,
        password,
        passwordHash: '$argon2id$new',
        now: T(0),
      }) as const;
    const fifteen = 'Correct7Horse9B';
    given(registeredEvents(), policyFrom({ password: { minLengthByAudience: { member: 16 } } }))
      .when(change(fifteen))
      .thenError('VALIDATION_FAILED');
    given(registeredEvents(), policyFrom({ password: { minLengthByAudience: { provider: 16 } } }))
      .when(change(fifteen))
      .then([{ type: 'PasswordChanged', data: { passwordHash: '$argon2id$new' } }]);
  });
});

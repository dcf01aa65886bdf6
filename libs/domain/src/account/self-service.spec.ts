import { DEFAULT_POLICY } from '../policy';
import { given, iso, registeredEvents, T } from '../testing/given-when-then';
import type { AccountEvent } from './events';

const code = (n = 1) => ({ changeId: `c-${n}`, codeHash: `h-${n}`.padEnd(64, '0'), codeSealed: `s-${n}` });
const request = (n = 1, email = 'pat.new@example.com', now = T(0)) => ({
  type: 'RequestEmailChange' as const,
  currentPasswordMatches: true,
  email,
  code: code(n),
  now,
});
const requested = (n = 1, email = 'pat.new@example.com', at = T(0)): AccountEvent => ({
  type: 'EmailChangeRequested',
  data: { ...code(n), email, expiresAt: iso(at + DEFAULT_POLICY.emailCode.lifetimeMs) },
});

describe('change email', () => {
  it('sends a code to the new address; the address stays the old one until the code comes back', () => {
    const when = given(registeredEvents()).when(request(1, '  pat.new@example.com '));
    when.then([requested(1)]);
    expect(when.state().profile?.email).toBe('pat@example.com');
  });

  it('asks for the current password, and a valid address that is not the current one', () => {
    given(registeredEvents())
      .when({ ...request(), currentPasswordMatches: false })
      .thenError('CURRENT_PASSWORD_WRONG');
    given(registeredEvents())
      .when(request(1, 'not-an-address'))
      .thenError('VALIDATION_FAILED', [], { email: 'Enter a valid email address.' });
    given(registeredEvents())
      .when(request(1, 'PAT@example.com'))
      .thenError('VALIDATION_FAILED', [], { email: 'That is already your email address.' });
  });

  it('the right code changes the address, verified, and names the old one for its notice', () => {
    const when = given([...registeredEvents(), requested(1)]).when({
      type: 'ConfirmEmailChange',
      codeHash: code(1).codeHash,
      now: T(5),
    });
    when.then([
      { type: 'EmailChanged', data: { email: 'pat.new@example.com', previousEmail: 'pat@example.com' } },
      { type: 'EmailVerified', data: { email: 'pat.new@example.com' } },
    ]);
    const s = when.state();
    expect(s.profile?.email).toBe('pat.new@example.com');
    expect(s.emailVerified).toBe(true);
    expect(s.emailChange).toBeUndefined();
  });

  it('a wrong code counts; after the policy’s tries, even the right one is refused', () => {
    let events: AccountEvent[] = [...registeredEvents(), requested(1)];
    for (let attempt = 1; attempt <= DEFAULT_POLICY.emailCode.maxAttempts; attempt++) {
      const failed: AccountEvent = {
        type: 'EmailChangeFailed',
        data: { changeId: 'c-1', attempts: attempt },
      };
      given(events)
        .when({ type: 'ConfirmEmailChange', codeHash: 'x'.repeat(64), now: T(1) })
        .thenError('CODE_INVALID', [failed]);
      events = [...events, failed];
    }
    given(events)
      .when({ type: 'ConfirmEmailChange', codeHash: code(1).codeHash, now: T(1) })
      .thenError('CODE_ATTEMPTS_EXCEEDED');
  });

  it('only the latest code works, and not after it expires; with no change asked for there is nothing to confirm', () => {
    const twice = [...registeredEvents(), requested(1), requested(2, 'pat.other@example.com', T(1))];
    given(twice)
      .when({ type: 'ConfirmEmailChange', codeHash: code(1).codeHash, now: T(2) })
      .thenError('CODE_INVALID', [{ type: 'EmailChangeFailed', data: { changeId: 'c-2', attempts: 1 } }]);
    given(twice)
      .when({ type: 'ConfirmEmailChange', codeHash: code(2).codeHash, now: T(11) })
      .thenError('CODE_EXPIRED');
    given(registeredEvents())
      .when({ type: 'ConfirmEmailChange', codeHash: code(1).codeHash, now: T(1) })
      .thenError('EMAIL_CHANGE_NOT_STARTED');
    given([...registeredEvents(), requested(1), { type: 'Deactivated', data: { reason: 'support' } }])
      .when({ type: 'ConfirmEmailChange', codeHash: code(1).codeHash, now: T(1) })
      .thenError('ACCOUNT_DEACTIVATED');
  });

  it('sends a limited number of codes within the resend window', () => {
    const { resendLimit, resendWindowMs } = DEFAULT_POLICY.emailCode;
    const events: AccountEvent[] = [...registeredEvents()];
    for (let n = 1; n <= resendLimit; n++) events.push(requested(n, 'pat.new@example.com', T(n)));
    given(events)
      .when(request(99, 'pat.new@example.com', T(resendLimit + 1)))
      .thenError('RESEND_LIMIT_REACHED');
    given(events)
      .when(request(99, 'pat.new@example.com', T(1) + resendWindowMs))
      .then([requested(99, 'pat.new@example.com', T(1) + resendWindowMs)]);
  });
});

describe('change phone', () => {
  it('records a phone of 10 to 15 digits, and refuses anything else by field', () => {
    const when = given(registeredEvents()).when({
      type: 'ChangePhone',
      phone: ' (555) 555-0199 ',
      now: T(0),
    });
    when.then([{ type: 'PhoneChanged', data: { phone: '(555) 555-0199' } }]);
    expect(when.state().profile?.phone).toBe('(555) 555-0199');
    for (const phone of ['12345', '+1 555 555 0199 999 99', 'call me'])
      given(registeredEvents())
        .when({ type: 'ChangePhone', phone, now: T(0) })
        .thenError('VALIDATION_FAILED', [], { phone: 'Enter a phone number of 10 to 15 digits.' });
  });

  it('the same phone again records nothing', () => {
    given(registeredEvents())
      .when({ type: 'ChangePhone', phone: '+15555550100', now: T(0) })
      .then([]);
  });
});

describe('change the security question', () => {
  const change = {
    type: 'ChangeSecurityQuestion' as const,
    currentPasswordMatches: true,
    securityQuestion: ' Street you grew up on? ',
    securityAnswerHash: '$argon2id$new-answer',
    now: T(0),
  };

  it('replaces the question and the answer hash with the current password, and clears wrong answers', () => {
    const when = given([
      ...registeredEvents(),
      { type: 'SecurityAnswerFailed', data: { consecutive: 2 } },
    ]).when(change);
    when.then([
      {
        type: 'SecurityQuestionChanged',
        data: { securityQuestion: 'Street you grew up on?', securityAnswerHash: '$argon2id$new-answer' },
      },
    ]);
    const s = when.state();
    expect([s.securityQuestion, s.securityAnswerHash, s.consecutiveWrongAnswers]).toEqual([
      'Street you grew up on?',
      '$argon2id$new-answer',
      0,
    ]);
  });

  it('refuses a wrong current password, and a question too short or with hidden characters', () => {
    given(registeredEvents())
      .when({ ...change, currentPasswordMatches: false })
      .thenError('CURRENT_PASSWORD_WRONG');
    given(registeredEvents())
      .when({ ...change, securityQuestion: 'Pet' })
      .thenError('VALIDATION_FAILED', [], { securityQuestion: 'Choose a security question.' });
    expect(
      given(registeredEvents()).when({ ...change, securityQuestion: 'Name of \u202Epet?' }).decision.rejection
        ?.fields,
    ).toHaveProperty('securityQuestion');
  });
});

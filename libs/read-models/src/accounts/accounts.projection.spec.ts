import { EVENT_TYPES } from '@portal/domain';
import { SearchKeys } from '../search-keys';
import { PROFILE, projected, sample, SAMPLES } from '../testing/sample-events';
import { type AccountDoc, accountsProjection } from './accounts.projection';

const keys = new SearchKeys(Buffer.alloc(32, 7));
const projection = accountsProjection(keys);
const A = 'a1';

function fold(...types: (keyof typeof SAMPLES)[]): AccountDoc {
  let doc: AccountDoc | undefined;
  types.forEach((type, i) => {
    const next = projection.project(doc, projected(A, sample(type), i + 1), A);
    if (next) doc = next;
  });
  return doc!;
}

describe('accounts projection', () => {
  it('keeps copies of envelope values as references, each envelope once, dropped when no copy refers to it', () => {
    let doc = projection.project(undefined, projected(A, sample('Registered'), 1, { envelope: true }), A)!;
    const envelope = `v1.envelope:${JSON.stringify({
      'profile.firstName': PROFILE.firstName,
      'profile.lastName': PROFILE.lastName,
      'profile.dateOfBirth': PROFILE.dateOfBirth,
      'profile.email': PROFILE.email,
      'profile.phone': PROFILE.phone,
      'profile.memberId': PROFILE.memberId,
      securityQuestion: SAMPLES.Registered.securityQuestion,
    })}`;
    expect(doc.envelopes).toEqual({ '1': envelope });
    expect(doc.sealed).toEqual({
      firstName: '1#profile.firstName',
      lastName: '1#profile.lastName',
      dateOfBirth: '1#profile.dateOfBirth',
      email: '1#profile.email',
      phone: '1#profile.phone',
      memberId: '1#profile.memberId',
    });
    // The same terms as from an event sealed field by field.
    expect(doc.terms).toEqual(fold('Registered').terms);
    // A newer email (sealed alone here) replaces its copy; the envelope stays for the others.
    doc = projection.project(doc, projected(A, sample('EmailChanged'), 2), A)!;
    expect(doc.sealed.email).toMatch(/^v1\.sealed:/);
    expect(Object.keys(doc.envelopes!)).toEqual(['1']);
    doc = projection.project(doc, projected(A, sample('PersonalDataErased'), 3), A)!;
    expect(doc.sealed).toEqual({});
    expect(doc).not.toHaveProperty('envelopes');
  });

  it('touches the account the event belongs to, and nothing for other streams', () => {
    expect(projection.idsOf(projected(A, sample('Locked'), 1))).toEqual([A]);
  });

  it('ActivationCodeIssued: a pending account with the code in flight and its member id searchable', () => {
    const doc = fold('ActivationCodeIssued');
    expect(doc.status).toBe('activation-pending');
    expect(doc.activation).toEqual({
      codeId: 'c1',
      issuedAt: expect.any(String),
      expiresAt: SAMPLES.ActivationCodeIssued.expiresAt,
      used: false,
    });
    expect(doc.terms).toContain(keys.term('memberId', 'xyz-123 456'));
    expect(doc.sealed.memberId).toBe(`v1.sealed:${PROFILE.memberId}`);
  });

  it('ActivationCodeMailed: the letter date and expected delivery; another code’s mailing changes nothing', () => {
    const doc = fold('ActivationCodeIssued', 'ActivationCodeMailed');
    expect(doc.activation).toMatchObject({
      mailedAt: SAMPLES.ActivationCodeMailed.mailedAt,
      expectedDeliveryAt: SAMPLES.ActivationCodeMailed.expectedDeliveryAt,
      vendorReference: 'VND-42',
    });
    const other = sample('ActivationCodeMailed');
    other.data.codeId = 'another';
    expect(projection.project(doc, projected(A, other, 9), A)).toBeUndefined();
  });

  it('Registered: active, every search term made, the code used, nothing personal in clear', () => {
    const doc = fold('ActivationCodeIssued', 'Registered', 'UsernameCreated');
    expect(doc).toMatchObject({ status: 'active', kind: 'member', registeredVia: 'activation-code' });
    expect(doc.activation?.used).toBe(true);
    for (const t of [
      keys.term('email', ' Ana.K@Example.com '),
      keys.term('phone', '555-010-0199'),
      keys.term('memberId', PROFILE.memberId),
      keys.term('username', 'anak2026'),
      keys.lastNameDob('KOWALSKI', PROFILE.dateOfBirth),
      keys.term('lastNamePrefix', 'ko'),
      keys.term('lastNamePrefix', 'kowalski'),
    ])
      expect(doc.terms).toContain(t);
    const text = JSON.stringify(doc);
    for (const value of [PROFILE.firstName, PROFILE.email, PROFILE.dateOfBirth, 'AnaK2026'])
      expect(text).not.toContain(`"${value}`);
  });

  it('LegacyAccountImported: an active legacy member account', () => {
    expect(fold('LegacyAccountImported')).toMatchObject({
      status: 'active',
      legacy: true,
      registeredVia: 'legacy-import',
    });
  });

  it('UsernameCreated ends the legacy state; EmailChanged replaces only the email term', () => {
    const before = fold('LegacyAccountImported');
    const doc = fold('LegacyAccountImported', 'UsernameCreated', 'EmailChanged');
    expect(doc.legacy).toBe(false);
    expect(doc.terms).toContain(keys.term('email', 'ana.new@example.com'));
    expect(doc.terms).not.toContain(keys.term('email', PROFILE.email));
    const nameTerms = (d: AccountDoc) => d.terms.filter((t) => t.startsWith('nd:') || t.startsWith('lp:'));
    expect(nameTerms(doc)).toEqual(nameTerms(before));
    expect(nameTerms(doc).length).toBeGreaterThan(1);
    expect(doc.emailVerified).toBe(false);
    expect(fold('Registered', 'EmailChanged', 'EmailVerified').emailVerified).toBe(true);
  });

  it('PhoneChanged replaces only the phone term; an email change asked for, a wrong code and a new question change nothing support searches', () => {
    const before = fold('Registered');
    const doc = fold('Registered', 'PhoneChanged');
    expect(doc.terms).toContain(keys.term('phone', '+15555550199'));
    expect(doc.terms.filter((t) => !before.terms.includes(t))).toEqual([keys.term('phone', '+15555550199')]);
    expect(
      fold('Registered', 'EmailChangeRequested', 'EmailChangeFailed', 'SecurityQuestionChanged').terms,
    ).toEqual(before.terms);
  });

  it('LoginFailed, Locked, Unlocked: the failure count and the lock', () => {
    expect(fold('Registered', 'LoginFailed').consecutiveFailures).toBe(4);
    const locked = fold('Registered', 'Locked');
    expect(locked.lockedUntil).toBe(SAMPLES.Locked.until);
    const unlocked = fold('Registered', 'Locked', 'Unlocked');
    expect(unlocked.lockedUntil).toBeUndefined();
    expect(unlocked.consecutiveFailures).toBe(0);
  });

  it('LoginSucceeded: the last login, and the failures reset', () => {
    const doc = fold('Registered', 'LoginFailed', 'LoginSucceeded');
    expect(doc.lastLogin).toEqual({ at: expect.any(String), method: 'email-code' });
    expect(doc.consecutiveFailures).toBe(0);
  });

  it('Deactivated: the status and why, and no lock shown', () => {
    const doc = fold('Registered', 'Locked', 'Deactivated');
    expect(doc.status).toBe('deactivated');
    expect(doc.deactivated).toEqual({ at: expect.any(String), reason: 'security-answers' });
    expect(doc.lockedUntil).toBeUndefined();
  });

  it('TemporaryPasswordIssued sets the forced change; PasswordChanged and PasswordReset clear it', () => {
    expect(fold('Registered', 'TemporaryPasswordIssued').mustChangePassword).toBe(true);
    expect(fold('Registered', 'TemporaryPasswordIssued', 'PasswordChanged').mustChangePassword).toBe(false);
    const reset = fold('Registered', 'Locked', 'TemporaryPasswordIssued', 'PasswordReset');
    expect(reset).toMatchObject({ mustChangePassword: false, consecutiveFailures: 0 });
    expect(reset.lockedUntil).toBeUndefined();
  });

  it('AuthenticatorAdded and AuthenticatorRemoved', () => {
    expect(fold('Registered', 'AuthenticatorAdded').authenticator).toBe(true);
    expect(fold('Registered', 'AuthenticatorAdded', 'AuthenticatorRemoved').authenticator).toBe(false);
  });

  it('holds each term once, and drops the terms by group of documents written before', () => {
    const doc = fold('ActivationCodeIssued', 'Registered', 'UsernameCreated');
    expect(new Set(doc.terms).size).toBe(doc.terms.length);
    const old = { ...doc, termsBy: { email: [keys.term('email', PROFILE.email)] } } as AccountDoc;
    const next = projection.project(old, projected(A, sample('EmailChanged'), 9), A)!;
    expect(next).not.toHaveProperty('termsBy');
    expect(next.terms).toContain(keys.term('email', 'ana.new@example.com'));
  });

  it('PersonalDataErased: no term and no sealed copy left', () => {
    const doc = fold('Registered', 'UsernameCreated', 'PersonalDataErased');
    expect(doc).toMatchObject({ erased: true, sealed: {}, terms: [] });
  });

  it('values already erased when projected (a rebuild after erasure) make no term', () => {
    const event = sample('Registered');
    event.data.profile = {
      ...event.data.profile,
      email: '[erased]',
      lastName: '[erased]',
      phone: '[erased]',
    };
    const doc = projection.project(undefined, projected(A, event, 1), A)!;
    expect(doc.terms.filter((t) => t.startsWith('e:') || t.startsWith('lp:') || t.startsWith('nd:'))).toEqual(
      [],
    );
    expect(doc.terms).toContain(keys.term('memberId', PROFILE.memberId));
  });

  it.each(
    EVENT_TYPES.filter((t) =>
      [
        'PasswordAccepted',
        'PasswordResetRequested',
        'OtpIssued',
        'OtpFailed',
        'AuthenticatorCodeAccepted',
        'RecoveryCodeUsed',
        'SecurityAnswerFailed',
        'SecurityAnswerAccepted',
        'RecoveryCodesIssued',
        'UsernameReminderSent',
        'AlreadyRegisteredNoticeSent',
        'PasswordHashUpgraded',
        'ActivationCodeFailed',
      ].includes(t),
    ),
  )('%s changes nothing on the account page', (type) => {
    const doc = fold('Registered');
    expect(projection.project(doc, projected(A, sample(type), 5), A)).toBeUndefined();
  });

  it('an emailed code verified marks the email verified, as the account itself does; once is enough', () => {
    const doc = fold('Registered');
    expect(doc.emailVerified).toBe(false);
    const verified = projection.project(doc, projected(A, sample('OtpVerified'), 5), A)!;
    expect(verified.emailVerified).toBe(true);
    expect(projection.project(verified, projected(A, sample('OtpVerified'), 6), A)).toBeUndefined();
  });

  it.each(EVENT_TYPES)(
    '%s never changes the document it is given (the fold copies before it writes)',
    (type) => {
      const doc = fold(
        'ActivationCodeIssued',
        'ActivationCodeMailed',
        'Registered',
        'UsernameCreated',
        'Locked',
      );
      const before = structuredClone(doc);
      const event = sample(type);
      if (event.type === 'ActivationCodeMailed') event.data.codeId = 'c1';
      // Frozen all the way down: a write in place throws instead of passing unnoticed.
      expect(() => projection.project(deepFreeze(doc), projected(A, event, 9), A)).not.toThrow();
      expect(doc).toEqual(before);
    },
  );
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

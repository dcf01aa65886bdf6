import { initialState } from '@portal/domain';
import { toAuditView } from './account-view';
import { asOfFromText } from './state-as-of';

describe('the auditor’s view of an account', () => {
  it('turns every secret into a presence flag and every time into ISO-8601', () => {
    const view = toAuditView({
      ...initialState(),
      status: 'active',
      passwordHash: '$argon2id$secret',
      securityQuestion: 'Pet?',
      securityAnswerHash: '$argon2id$answer',
      lockedUntil: Date.parse('2026-05-01T10:30:00Z'),
      activation: {
        id: 'code-1',
        hash: 'hmac-of-code',
        expiresAt: Date.parse('2026-05-22T00:00:00Z'),
        attempts: 1,
        mailedAt: Date.parse('2026-05-01T00:00:00Z'),
        used: false,
      },
      reset: { loginId: 'login-token-part', sends: [0], verified: true },
      wrongCodesAt: [Date.parse('2026-05-01T10:00:00Z')],
      resetAllowed: 'reset-token-part',
      authenticator: { secretSealed: 'v1.sealed', lastStep: 7 },
      recoveryCodeHashes: ['h1', null, 'h3'],
    });
    expect(view).toEqual({
      status: 'active',
      emailVerified: false,
      hasPassword: true,
      mustChangePassword: false,
      legacy: false,
      hasSecurityQuestion: true,
      hasSecurityAnswer: true,
      consecutiveWrongAnswers: 0,
      consecutiveFailures: 0,
      lockedUntil: '2026-05-01T10:30:00.000Z',
      activation: {
        id: 'code-1',
        hasCodeHash: true,
        expiresAt: '2026-05-22T00:00:00.000Z',
        attempts: 1,
        mailedAt: '2026-05-01T00:00:00.000Z',
        used: false,
      },
      reset: { codesSentExpiringAt: ['1970-01-01T00:00:00.000Z'], verified: true },
      wrongCodesAt: ['2026-05-01T10:00:00.000Z'],
      wrongResetCodesAt: [],
      resetAllowed: true,
      authenticator: { hasSecret: true, lastTimeStep: 7 },
      recoveryCodes: { issued: 3, unused: 2 },
      sessionsStarted: 0,
      erased: false,
    });
    for (const secret of ['$argon2id', 'hmac-of-code', 'Pet?', 'token-part', 'v1.', 'h1', 'h3'])
      expect(JSON.stringify(view)).not.toContain(secret);
  });

  it('shows a new account with nothing set as flags off', () => {
    expect(toAuditView(initialState())).toMatchObject({
      status: 'new',
      hasPassword: false,
      hasSecurityAnswer: false,
      resetAllowed: false,
      recoveryCodes: { issued: 0, unused: 0 },
    });
  });
});

describe('as-of options from text', () => {
  it('reads a time with a zone or a revision, or neither', () => {
    expect(asOfFromText({ at: '2026-11-22T10:00:00Z' })).toEqual({ at: new Date('2026-11-22T10:00:00Z') });
    expect(asOfFromText({ at: '2026-11-22T11:00:00.250+01:00' })).toEqual({
      at: new Date('2026-11-22T10:00:00.250Z'),
    });
    expect(asOfFromText({ revision: '42' })).toEqual({ revision: 42n });
    expect(asOfFromText({})).toEqual({});
  });

  it.each([
    [{ at: '2026-11-22' }, 'at'],
    [{ at: '2026-11-22T10:00:00' }, 'at'],
    [{ at: 'yesterday' }, 'at'],
    [{ at: '2026-02-30T25:00:00Z' }, 'at'],
    [{ revision: '-1' }, 'revision'],
    [{ revision: '1.5' }, 'revision'],
    [{ revision: '' }, 'revision'],
    [{ at: '2026-11-22T10:00:00Z', revision: '1' }, 'at'],
  ])('refuses %j, naming %s', (input, field) => {
    expect(() => asOfFromText(input)).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_OPTIONS', fields: { [field]: expect.any(String) } }),
    );
  });
});

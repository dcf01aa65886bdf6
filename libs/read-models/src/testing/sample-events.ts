/**
 * One sample of every account event type, and the wrapping the projector gives
 * events (`ProjectedEvent`), for the projections' specs. Personal fields of the
 * raw event hold fake sealed strings (`v1.sealed:<value>`), as the vault's would
 * look, so a test can tell a sealed copy from a value in clear.
 */
import { type AccountEvent, type AccountEventType, PERSONAL_DATA_FIELDS } from '@portal/domain';
import type { Actor, Position, RecordedEvent } from '@portal/event-store';
import { ENVELOPE_FIELD, IN_ENVELOPE } from '@portal/vault';
import type { ProjectedEvent } from '../model';

export const T0 = Date.parse('2026-11-02T15:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

export const PROFILE = {
  firstName: 'Ana',
  lastName: 'Kowalski',
  dateOfBirth: '1980-02-29',
  email: 'ana.k@example.com',
  phone: '+1 (555) 010-0199',
  memberId: 'XYZ123456',
};

export const SAMPLES: { [T in AccountEventType]: Extract<AccountEvent, { type: T }>['data'] } = {
  ActivationCodeIssued: {
    accountId: 'a1',
    codeId: 'c1',
    codeHash: 'h'.repeat(64),
    codeSealed: 'v1.secret',
    memberId: PROFILE.memberId,
    expiresAt: iso(T0 + 21 * 86_400_000),
  },
  ActivationCodeMailed: {
    codeId: 'c1',
    vendorReference: 'VND-42',
    mailedAt: iso(T0 + 3_600_000),
    expectedDeliveryAt: iso(T0 + 7 * 86_400_000),
  },
  ActivationCodeFailed: { codeId: 'c1', attempts: 1 },
  Registered: {
    accountId: 'a1',
    kind: 'member',
    via: 'activation-code',
    profile: PROFILE,
    passwordHash: '$argon2id$x',
    securityQuestion: 'First pet?',
    securityAnswerHash: '$argon2id$y',
    communication: { email: true, text: false },
    termsAcceptedAt: iso(T0),
  },
  LegacyAccountImported: {
    accountId: 'a1',
    memberId: PROFILE.memberId,
    passwordHash: '$argon2id$x',
    profile: PROFILE,
  },
  AccountCreated: {
    accountId: 'a1',
    kind: 'provider',
    via: 'office-administrator',
    by: 'a0',
    profile: {
      firstName: PROFILE.firstName,
      lastName: PROFILE.lastName,
      dateOfBirth: '',
      email: PROFILE.email,
    },
    organisation: { kind: 'office', id: 'o1', name: 'Lakeside Family Medicine' },
  },
  UsernameCreated: { username: 'AnaK2026' },
  EmailChanged: { email: 'ana.new@example.com' },
  EmailVerified: { email: 'ana.new@example.com' },
  PasswordAccepted: { loginId: 'l1' },
  PasswordResetRequested: { loginId: 'l2' },
  LoginFailed: { reason: 'wrong-password', consecutive: 4 },
  Locked: { until: iso(T0 + 30 * 60_000), consecutiveFailures: 5 },
  Unlocked: { by: 'support' },
  OtpIssued: {
    loginId: 'l1',
    otpId: 'o1',
    codeHash: 'h'.repeat(64),
    codeSealed: 'v1.secret',
    expiresAt: iso(T0 + 600_000),
  },
  OtpFailed: { loginId: 'l1', otpId: 'o1', attempts: 2 },
  OtpVerified: { loginId: 'l1', otpId: 'o1' },
  AuthenticatorCodeAccepted: { loginId: 'l1', timeStep: 123 },
  RecoveryCodeUsed: { loginId: 'l1', index: 2 },
  LoginSucceeded: { loginId: 'l1', sessionId: 's1', method: 'email-code' },
  SecurityAnswerFailed: { consecutive: 2 },
  SecurityAnswerAccepted: { resetId: 'r1' },
  Deactivated: { reason: 'security-answers' },
  Reactivated: { via: 'email-link' },
  PasswordChanged: { passwordHash: '$argon2id$z' },
  PasswordReset: { passwordHash: '$argon2id$w', via: 'two-step' },
  TemporaryPasswordIssued: {
    passwordHash: '$argon2id$t',
    passwordSealed: 'v1.secret',
    staffId: 'jane.support',
  },
  AuthenticatorAdded: { secretSealed: 'v1.secret', confirmedStep: 99 },
  AuthenticatorRemoved: {},
  RecoveryCodesIssued: { codeHashes: ['a', 'b', 'c'] },
  UsernameReminderSent: { requestedAt: iso(T0) },
  AlreadyRegisteredNoticeSent: { matched: 'email', requestedAt: iso(T0) },
  PasswordHashUpgraded: { passwordHash: '$argon2id$upgraded' },
  PersonalDataErased: { erasedAt: iso(T0) },
  EmailChangeRequested: {
    changeId: 'c1',
    email: 'ana.new@example.com',
    codeHash: 'h'.repeat(64),
    codeSealed: 'v1.secret',
    expiresAt: iso(T0 + 600_000),
  },
  EmailChangeFailed: { changeId: 'c1', attempts: 1 },
  PhoneChanged: { phone: '+15555550199' },
  SecurityQuestionChanged: { securityQuestion: 'Street you grew up on?', securityAnswerHash: '$argon2id$q' },
  PasskeyRegistered: {
    passkeyId: 'pk1',
    credentialId: 'Y3JlZC1pZC0x',
    publicKey: 'pQECAyYgASFYIA',
    signCount: 0,
    backupEligible: true,
    backedUp: true,
    transports: ['internal', 'hybrid'],
    name: 'Pat’s phone',
    userVerified: true,
    challengeHash: 'ch1',
    challengeExpiresAt: iso(T0 + 300_000),
    registeredAt: iso(T0),
  },
  PasskeyUsed: {
    passkeyId: 'pk1',
    loginId: 'l1',
    via: 'second-step',
    signCount: 0,
    backedUp: true,
    userVerified: true,
    challengeHash: 'ch2',
    challengeExpiresAt: iso(T0 + 300_000),
    usedAt: iso(T0),
  },
  PasskeyRenamed: { passkeyId: 'pk1', name: 'Work phone' },
  PasskeyRemoved: { passkeyId: 'pk1', by: 'support', staffId: 'alice', reason: 'Lost phone, ticket 42' },
  PasskeySignCountRegressed: {
    passkeyId: 'pk1',
    storedCount: 7,
    reportedCount: 3,
    challengeHash: 'ch3',
    challengeExpiresAt: iso(T0 + 300_000),
    at: iso(T0),
  },
};

export function sample<T extends AccountEventType>(type: T): Extract<AccountEvent, { type: T }> {
  return { type, data: structuredClone(SAMPLES[type]) } as unknown as Extract<AccountEvent, { type: T }>;
}

/**
 * What a stored copy of the event looks like: personal fields replaced by fake sealed
 * strings (as before envelopes), or, with `envelope`, marked and sealed together in a
 * fake envelope under ENVELOPE_FIELD (`v1.envelope:` and the values as JSON).
 */
export function sealedData(
  event: AccountEvent,
  options: { envelope?: boolean } = {},
): Record<string, unknown> {
  const data = structuredClone(event.data) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const path of PERSONAL_DATA_FIELDS[event.type] ?? []) {
    const parts = path.split('.');
    let parent: Record<string, unknown> | undefined = data;
    for (const p of parts.slice(0, -1)) parent = parent?.[p] as Record<string, unknown> | undefined;
    const leaf = parts[parts.length - 1];
    if (!parent || parent[leaf] === undefined) continue;
    values[path] = parent[leaf];
    parent[leaf] = options.envelope ? IN_ENVELOPE : `v1.sealed:${String(parent[leaf])}`;
  }
  if (options.envelope && Object.keys(values).length > 0)
    data[ENVELOPE_FIELD] = `v1.envelope:${JSON.stringify(values)}`;
  return data;
}

export function position(n: number): Position {
  return { commit: BigInt(n), prepare: BigInt(n) };
}

let seq = 0;

/** The event as the projector hands it to projections, at global position `at`. */
export function projected(
  accountId: string,
  event: AccountEvent,
  at: number,
  options: {
    actor?: Actor;
    clientIp?: string;
    revision?: number;
    occurredAt?: string;
    /** Stored as events are now: personal values in one envelope. */
    envelope?: boolean;
  } = {},
): ProjectedEvent {
  const raw: RecordedEvent = {
    id: `00000000-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
    type: event.type,
    data: sealedData(event, { envelope: options.envelope }),
    metadata: {
      correlationId: 'corr-1',
      actor: options.actor ?? { kind: 'self', accountId },
      occurredAt: options.occurredAt ?? iso(T0 + at * 1000),
      schemaVersion: 1,
      ...(options.clientIp ? { clientIp: options.clientIp } : {}),
    },
    streamId: `account-${accountId}`,
    revision: BigInt(options.revision ?? at),
    position: position(at),
    recordedAt: iso(T0 + at * 1000),
  };
  return { raw, account: { accountId, event } };
}

/** A staff member's recorded access to accounts, as libs/staff appends it. */
export function staffAccess(
  staffId: string,
  data: { route: string; accountId?: string; accountIds?: string[]; reason: string; outcome: string },
  at: number,
): ProjectedEvent {
  return {
    raw: {
      id: `00000000-0000-7000-9000-${String(++seq).padStart(12, '0')}`,
      type: 'StaffAccessed',
      data,
      metadata: {
        correlationId: 'corr-2',
        actor: { kind: 'staff', staffId, role: 'support' },
        occurredAt: iso(T0 + at * 1000),
        schemaVersion: 1,
        clientIp: '10.0.0.9',
      },
      streamId: `staff-${staffId}`,
      revision: 0n,
      position: position(at),
      recordedAt: iso(T0 + at * 1000),
    },
  };
}

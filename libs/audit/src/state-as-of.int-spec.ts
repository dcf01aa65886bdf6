import { randomUUID } from 'node:crypto';
import { accountStreamId } from '@portal/domain';
import { ENVELOPE_FIELD, ERASED } from '@portal/vault';
import { toAuditView } from './account-view';
import { auditJson } from './json';
import { accountStateAsOf } from './state-as-of';
import {
  at,
  type AuditFixture,
  CANARY,
  erasedAccount,
  liveAccount,
  openFixture,
  PROFILE,
} from './testing/audit-fixture';

function keysOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('accountStateAsOf on the SQLite event store', () => {
  let f: AuditFixture;
  let live: string;
  let erased: string;
  const deps = () => ({ store: f.store, vault: f.vault });

  beforeAll(async () => {
    f = await openFixture();
    live = await liveAccount(f);
    erased = await erasedAccount(f);
  });
  afterAll(() => f.close());

  it('as of each revision equals folding exactly the events up to it', async () => {
    const events = await f.store.readStream(accountStreamId(live));
    for (const e of events) {
      const result = await accountStateAsOf(deps(), live, { revision: e.revision }, { pageSize: 3 });
      expect(result.revision).toBe(e.revision);
      expect(result.lastEvent).toEqual({ id: e.id, type: e.type, occurredAt: e.metadata.occurredAt });
      expect(result.asOf).toBe(e.metadata.occurredAt);
      expect(result.state).toEqual(toAuditView(await f.fold(live, Number(e.revision) + 1)));
      expect(result.chainBreak).toBeUndefined();
    }
  });

  it('as of a time folds every event that happened at or before it, and none after', async () => {
    // Minute 2 holds revisions 3 and 4 (PasswordAccepted, OtpIssued); minute 3 starts at 5.
    for (const when of [new Date(at(2)), new Date(at(2) + 59_999)]) {
      const result = await accountStateAsOf(deps(), live, { at: when }, { pageSize: 2 });
      expect(result.revision).toBe(4n);
      expect(result.asOf).toBe(when.toISOString());
      expect(result.state).toEqual(toAuditView(await f.fold(live, 5)));
      expect(result.state.login).toMatchObject({ verified: false, otp: { attempts: 0 } });
    }
    const atRegistration = await accountStateAsOf(deps(), live, { at: new Date(at(0)) });
    expect(atRegistration.revision).toBe(1n);
    expect(atRegistration.state).toMatchObject({
      status: 'active',
      username: 'quentin.audit',
      sessionsStarted: 0,
    });
  });

  it('without a time or revision gives the account as it stands', async () => {
    const result = await accountStateAsOf(deps(), live);
    expect(result.revision).toBe(9n);
    expect(result.state).toEqual(toAuditView(await f.fold(live)));
    expect(result.state).toMatchObject({
      hasPassword: true,
      hasSecurityQuestion: true,
      hasSecurityAnswer: true,
      authenticator: { hasSecret: true, lastTimeStep: 59_000_000 },
      recoveryCodes: { issued: 2, unused: 2 },
      sessionsStarted: 1,
      consecutiveFailures: 0,
    });
  });

  it('shows personal data opened and no secret: hashes, sealed values and codes are presence flags', async () => {
    const result = await accountStateAsOf(deps(), live, { revision: 8n });
    expect(result.state.profile).toEqual(PROFILE);
    const json = auditJson(result);
    for (const secret of [
      CANARY.passwordHash,
      CANARY.newPasswordHash,
      CANARY.answerHash,
      CANARY.otpHash,
      CANARY.otp,
      CANARY.totpSecret,
      CANARY.securityQuestion,
      ...CANARY.recoveryHashes,
      'CANARY',
      '"v1.',
    ])
      expect(json).not.toContain(secret);
    const midLogin = await accountStateAsOf(deps(), live, { revision: 4n });
    for (const view of [result, midLogin]) {
      expect(
        keysOf(view).filter((k) => /(hash|hashes|sealed|secret|question)$/i.test(k) && !/^has/.test(k)),
      ).toEqual([]);
      expect(auditJson(view)).not.toContain(CANARY.otpHash);
    }
    expect(midLogin.state.login).toEqual({
      otp: {
        id: expect.any(String),
        hasCodeHash: true,
        expiresAt: new Date(at(12)).toISOString(),
        attempts: 0,
      },
      codesSentExpiringAt: [new Date(at(12)).toISOString()],
      verified: false,
    });
  });

  it('reads an erased account’s personal data as erased, and the erasure itself', async () => {
    const before = await accountStateAsOf(deps(), erased, { revision: 1n });
    expect(before.state.profile).toEqual({
      firstName: ERASED,
      lastName: ERASED,
      dateOfBirth: ERASED,
      email: ERASED,
      phone: ERASED,
    });
    expect(before.state.username).toBe(ERASED);
    expect(auditJson(before)).not.toContain('Erasmus');
    const now = await accountStateAsOf(deps(), erased);
    expect(now.state).toMatchObject({ erased: true, hasPassword: true });
    expect(now.state.profile).toBeUndefined();
  });

  it('reports a broken link among the events folded', async () => {
    const g = await openFixture();
    try {
      const id = await liveAccount(g);
      await g.tamper(
        `UPDATE events SET data = json_set(data, '$.consecutive', 4) WHERE stream_id = ? AND revision = 2`,
        accountStreamId(id),
      );
      const altered = await accountStateAsOf({ store: g.store, vault: g.vault }, id, { revision: 2n });
      expect(altered.state.consecutiveFailures).toBe(4);
      expect(altered.chainBreak).toMatchObject({ revision: 2n, reason: 'hash-mismatch' });
      expect(
        (await accountStateAsOf({ store: g.store, vault: g.vault }, id, { revision: 1n })).chainBreak,
      ).toBeUndefined();
    } finally {
      await g.close();
    }
  });

  it('refuses what it cannot answer with stable codes naming the option', async () => {
    const nobody = randomUUID();
    await expect(accountStateAsOf(deps(), nobody)).rejects.toMatchObject({
      code: 'AUDIT_ACCOUNT_NOT_FOUND',
      fields: { accountId: expect.any(String) },
    });
    await expect(accountStateAsOf(deps(), 'account-1')).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
      fields: { accountId: expect.any(String) },
    });
    await expect(accountStateAsOf(deps(), live, { revision: 10n })).rejects.toMatchObject({
      code: 'AUDIT_REVISION_NOT_FOUND',
      fields: { revision: expect.any(String) },
    });
    await expect(accountStateAsOf(deps(), live, { revision: -1n })).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
      fields: { revision: expect.any(String) },
    });
    await expect(accountStateAsOf(deps(), live, { at: new Date(at(0) - 1) })).rejects.toMatchObject({
      code: 'AUDIT_BEFORE_FIRST_EVENT',
      fields: { at: expect.any(String) },
    });
    await expect(accountStateAsOf(deps(), live, { at: new Date('nonsense') })).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
      fields: { at: expect.any(String) },
    });
    await expect(
      accountStateAsOf(deps(), live, { at: new Date(at(1)), revision: 1n } as never),
    ).rejects.toMatchObject({ code: 'AUDIT_INVALID_OPTIONS' });
  });

  it('names the event it cannot decode when its sealed personal data was altered', async () => {
    const g = await openFixture();
    try {
      const id = await liveAccount(g);
      const registered = (await g.store.readStream(accountStreamId(id), { maxCount: 1 }))[0];
      const sealed = registered.data[ENVELOPE_FIELD] as string;
      // The second-last character carries six whole bits of the GCM tag: any other letter alters it.
      const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.slice(-1);
      expect(flipped).not.toBe(sealed);
      await g.tamper(
        `UPDATE events SET data = json_set(data, '$.${ENVELOPE_FIELD}', ?) WHERE event_id = ?`,
        flipped,
        registered.id,
      );
      const error = await accountStateAsOf({ store: g.store, vault: g.vault }, id).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'AUDIT_EVENT_UNREADABLE' });
      expect((error as Error).message).toContain(registered.id);
      expect((error as Error).message).not.toContain(PROFILE.lastName);
    } finally {
      await g.close();
    }
  });
});

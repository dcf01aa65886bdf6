import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandContext, verifyChain } from '@portal/command';
import { type EventStore, SqliteEventStore } from '@portal/event-store';
import { parseStaffToken } from './credential';
import { StaffDirectory } from './staff-directory';
import { ssoStaffId } from './staff-id';

const hmacKey = Buffer.alloc(32, 3);
const ctx = (): CommandContext => ({
  correlationId: 'corr-staff-cli',
  actor: { kind: 'system', component: 'staff-cli' },
  occurredAt: new Date('2026-11-22T10:00:00Z'),
});

/** A day after ctx()'s instant: the tokens it creates are fresh, whatever today's date. */
const NOW = Date.parse('2026-11-23T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('StaffDirectory on the SQLite event store', () => {
  let dir: string;
  let file: string;
  let store: EventStore;
  let directory: StaffDirectory;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staff-'));
    file = join(dir, 'events.sqlite');
    store = SqliteEventStore.open(file);
    directory = new StaffDirectory({ store, hmacKey, now: () => NOW });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a staff member whose token authenticates, and stores only a keyed hash of it', async () => {
    const { token, member } = await directory.create('jdoe', ['support', 'auditor'], ctx());
    expect(member).toEqual({
      staffId: 'jdoe',
      roles: ['support', 'auditor'],
      status: 'active',
      createdAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2027-02-20T10:00:00.000Z',
      token: 'valid',
    });
    expect(await directory.authenticate(token)).toEqual({
      ok: true,
      staffId: 'jdoe',
      roles: ['support', 'auditor'],
    });
    const events = await store.readStream('staff-jdoe');
    expect(events.map((e) => e.type)).toEqual(['StaffCreated']);
    expect(events[0].metadata.actor).toEqual({ kind: 'system', component: 'staff-cli' });
    expect(verifyChain(events)).toBeUndefined();
    const secret = parseStaffToken(token)!.secret;
    const everything = JSON.stringify((await store.readAll()).map((e) => [e.data, e.metadata]));
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(token);
  });

  it('tells missing, malformed, unknown, wrong-secret and disabled credentials apart (for the record)', async () => {
    const { token } = await directory.create('jdoe', ['support'], ctx());
    const secret = parseStaffToken(token)!.secret;
    expect(await directory.authenticate(undefined)).toEqual({ ok: false, why: 'missing' });
    expect(await directory.authenticate('')).toEqual({ ok: false, why: 'missing' });
    expect(await directory.authenticate('not-a-token')).toEqual({ ok: false, why: 'malformed' });
    expect(await directory.authenticate(`stf_nobody_${secret}`)).toEqual({ ok: false, why: 'unknown' });
    const wrong = `stf_jdoe_${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    expect(await directory.authenticate(wrong)).toEqual({ ok: false, why: 'wrong-secret', staffId: 'jdoe' });
    // Another staff member's secret does not open this id (the hash is bound to the id).
    const other = await directory.create('asmith', ['support'], ctx());
    expect(await directory.authenticate(`stf_jdoe_${parseStaffToken(other.token)!.secret}`)).toMatchObject({
      why: 'wrong-secret',
    });
    await directory.disable('jdoe', 'left the team', ctx());
    expect(await directory.authenticate(token)).toEqual({ ok: false, why: 'disabled', staffId: 'jdoe' });
  });

  it('rotates: the old token stops working, the new one works', async () => {
    const first = await directory.create('jdoe', ['support'], ctx());
    const second = await directory.rotateSecret('jdoe', ctx());
    expect(second.token).not.toBe(first.token);
    expect(await directory.authenticate(first.token)).toMatchObject({ ok: false, why: 'wrong-secret' });
    expect(await directory.authenticate(second.token)).toMatchObject({ ok: true });
  });

  it('a token expires after the configured days; rotating issues one whose time starts again', async () => {
    let now = NOW;
    const dated = new StaffDirectory({ store, hmacKey, credentialDays: 30, now: () => now });
    const { token } = await dated.create('jdoe', ['support'], ctx());
    expect((await dated.get('jdoe'))?.expiresAt).toBe('2026-12-22T10:00:00.000Z');
    now = Date.parse('2026-12-22T09:59:59Z');
    expect(await dated.authenticate(token)).toMatchObject({ ok: true });
    now = Date.parse('2026-12-22T10:00:00Z');
    expect(await dated.authenticate(token)).toEqual({ ok: false, why: 'expired', staffId: 'jdoe' });
    expect(await dated.get('jdoe')).toMatchObject({
      token: 'expired',
      expiresAt: '2026-12-22T10:00:00.000Z',
    });
    // A wrong secret is still told as such: an expired token does not tell a guess it was right.
    const rotated = await dated.rotateSecret('jdoe', { ...ctx(), occurredAt: new Date(now) });
    expect(rotated.member).toMatchObject({
      token: 'valid',
      expiresAt: new Date(now + 30 * DAY).toISOString(),
    });
    expect(await dated.authenticate(rotated.token)).toMatchObject({ ok: true });
    expect(await dated.authenticate(token)).toMatchObject({ ok: false, why: 'wrong-secret' });
    expect(() => new StaffDirectory({ store, hmacKey, credentialDays: 0 })).toThrow(/credentialDays/);
  });

  it('revokes: the token stops working at once with no new one; the roles stay and rotate issues a new token', async () => {
    const { token } = await directory.create('jdoe', ['support'], ctx());
    expect(await directory.revokeSecret('jdoe', ctx())).toMatchObject({
      changed: true,
      member: { status: 'active', roles: ['support'], token: 'revoked' },
    });
    expect((await directory.get('jdoe'))?.expiresAt).toBeUndefined();
    expect(await directory.authenticate(token)).toEqual({ ok: false, why: 'revoked', staffId: 'jdoe' });
    expect(await directory.revokeSecret('jdoe', ctx())).toMatchObject({ changed: false });
    const next = await directory.rotateSecret('jdoe', ctx());
    expect(await directory.authenticate(next.token)).toMatchObject({ ok: true, roles: ['support'] });
    expect(await directory.authenticate(token)).toMatchObject({ ok: false, why: 'wrong-secret' });
    await expect(directory.revokeSecret('nobody', ctx())).rejects.toMatchObject({ code: 'STAFF_UNKNOWN' });
  });

  it('changes roles, and says when nothing changed', async () => {
    const { token } = await directory.create('jdoe', ['support'], ctx());
    expect(await directory.changeRoles('jdoe', ['auditor'], ctx())).toMatchObject({
      changed: true,
      member: { roles: ['auditor'] },
    });
    expect(await directory.changeRoles('jdoe', ['auditor'], ctx())).toMatchObject({ changed: false });
    expect(await directory.authenticate(token)).toMatchObject({ roles: ['auditor'] });
    expect((await store.readStream('staff-jdoe')).map((e) => e.type)).toEqual([
      'StaffCreated',
      'StaffRolesChanged',
    ]);
  });

  it("records each single sign-on on :sign-ins, and on the member's own stream only what the guard needs", async () => {
    const staffId = ssoStaffId('https://idp.example', 'u-1');
    const signInAt = (minute: number, roles: string[]) =>
      directory.recordSsoSignIn(
        { staffId, issuer: 'https://idp.example', subject: 'u-1', roles },
        {
          correlationId: `corr-sso-${minute}`,
          actor: { kind: 'staff', staffId },
          occurredAt: new Date(Date.parse('2026-11-22T10:00:00Z') + minute * 60_000),
          clientIp: '203.0.113.9',
          userAgent: 'test-browser',
        },
      );
    for (let i = 0; i < 5; i++) await signInAt(i, ['support']);
    expect((await store.readStream(`staff-${staffId}`)).map((e) => e.type)).toEqual(['StaffSsoSignedIn']);
    const records = await store.readStream(`staff-${staffId}:sign-ins`);
    expect(records.map((e) => [e.type, e.data])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [
        'StaffSignedIn',
        {
          method: 'sso',
          signedInAt: new Date(Date.parse('2026-11-22T10:00:00Z') + i * 60_000).toISOString(),
        },
      ]),
    );
    expect(records[4].metadata).toMatchObject({
      actor: { kind: 'staff', staffId },
      clientIp: '203.0.113.9',
      userAgent: 'test-browser',
      correlationId: 'corr-sso-4',
    });
    expect(verifyChain(records)).toBeUndefined();

    // The provider now says otherwise: one event, and the member (as the guard reads it) has the new roles.
    expect(await signInAt(5, ['auditor', 'support'])).toMatchObject({ roles: ['support', 'auditor'] });
    await signInAt(6, ['support', 'auditor']);
    const own = await store.readStream(`staff-${staffId}`);
    expect(own.map((e) => [e.type, e.data.roles])).toEqual([
      ['StaffSsoSignedIn', ['support']],
      ['StaffRolesChanged', ['support', 'auditor']],
    ]);
    expect(verifyChain(own)).toBeUndefined();
    expect(await directory.get(staffId)).toMatchObject({ roles: ['support', 'auditor'], status: 'active' });
    expect(await store.readStream(`staff-${staffId}:sign-ins`)).toHaveLength(7);
  });

  it('refuses a disabled single sign-on member without recording a sign-in', async () => {
    const staffId = ssoStaffId('https://idp.example', 'u-2');
    const identity = { staffId, issuer: 'https://idp.example', subject: 'u-2', roles: ['support'] };
    await directory.recordSsoSignIn(identity, ctx());
    await directory.disable(staffId, 'left the team', ctx());
    await expect(directory.recordSsoSignIn(identity, ctx())).rejects.toMatchObject({
      code: 'STAFF_DISABLED',
    });
    await expect(
      directory.recordSsoSignIn({ ...identity, subject: 'someone-else' }, ctx()),
    ).rejects.toMatchObject({ code: 'STAFF_SSO_CONFLICT' });
    expect(await store.readStream(`staff-${staffId}:sign-ins`)).toHaveLength(1);
  });

  it('sees a disable written by another process on the next check', async () => {
    const { token } = await directory.create('jdoe', ['support'], ctx());
    expect(await directory.authenticate(token)).toMatchObject({ ok: true });
    const otherProcess = SqliteEventStore.open(file);
    try {
      await new StaffDirectory({ store: otherProcess, hmacKey }).disable('jdoe', 'token leaked', ctx());
    } finally {
      await otherProcess.close();
    }
    expect(await directory.authenticate(token)).toMatchObject({ ok: false, why: 'disabled' });
  });

  it('refuses with stable codes', async () => {
    await directory.create('jdoe', ['support'], ctx());
    await expect(directory.create('jdoe', ['admin'], ctx())).rejects.toMatchObject({ code: 'STAFF_EXISTS' });
    await expect(directory.rotateSecret('nobody', ctx())).rejects.toMatchObject({ code: 'STAFF_UNKNOWN' });
    await expect(directory.changeRoles('jdoe', ['root'], ctx())).rejects.toMatchObject({
      code: 'STAFF_ROLE_INVALID',
    });
    await expect(directory.get('Not An Id')).rejects.toMatchObject({ code: 'STAFF_ID_INVALID' });
    await directory.disable('jdoe', 'left', ctx());
    await expect(directory.rotateSecret('jdoe', ctx())).rejects.toMatchObject({ code: 'STAFF_DISABLED' });
    expect(await directory.disable('jdoe', 'again', ctx())).toMatchObject({ changed: false });
  });

  it('lists every staff member, across pages of the store, and nothing else', async () => {
    await directory.create('zed', ['admin'], ctx());
    await directory.create('amy', ['support'], ctx());
    await directory.disable('zed', 'left', ctx());
    // Access records and refusals live in other streams and must not look like staff members.
    await store.append(
      'staff-amy:access',
      [
        {
          id: '0193a3c4-0000-7000-8000-000000000001',
          type: 'StaffAccessed',
          data: {},
          metadata: {
            correlationId: 'c',
            actor: { kind: 'anonymous' },
            occurredAt: ctx().occurredAt.toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      'no_stream',
    );
    for (let i = 0; i < 3; i++) await directory.create(`bulk${i}`, ['auditor'], ctx());
    const listed = await new StaffDirectory({ store, hmacKey, pageSize: 2 }).list();
    expect(listed.map((m) => [m.staffId, m.status, m.roles.join('+')])).toEqual([
      ['amy', 'active', 'support'],
      ['bulk0', 'active', 'auditor'],
      ['bulk1', 'active', 'auditor'],
      ['bulk2', 'active', 'auditor'],
      ['zed', 'disabled', 'admin'],
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/secretHash/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { type CommandContext, KeyedMutex, verifyChain } from '@portal/command';
import { type EventStore, SqliteEventStore } from '@portal/event-store';
import { matchTimeStep, newTotpSecret, otpauthUri, PasswordHasher } from '@portal/security';
import { StaffDirectory } from './staff-directory';
import { StaffPasswordError, StaffSignInService } from './staff-sign-in';

const hmacKey = Buffer.alloc(32, 3);
const now = new Date('2026-11-22T10:00:00Z');
const ctx = (): CommandContext => ({
  correlationId: 'corr-staff-cli',
  actor: { kind: 'system', component: 'staff-cli' },
  occurredAt: now,
});
/** A sign-in request's context at `when`, from 203.0.113.7. */
const at = (when: Date): CommandContext => ({
  correlationId: `corr-sign-in-${when.getTime()}`,
  actor: { kind: 'anonymous' },
  occurredAt: when,
  clientIp: '203.0.113.7',
  userAgent: 'test-browser',
});
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

describe('StaffSignInService on the SQLite event store', () => {
  let dir: string;
  let store: EventStore;
  let signIn: StaffSignInService;
  let directory: StaffDirectory;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'staff-sign-in-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    directory = new StaffDirectory({ store, hmacKey });
    signIn = new StaffSignInService({
      store,
      hmacKey,
      passwords: new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
      totp: { newSecret: newTotpSecret, uri: otpauthUri, matchTimeStep },
    });
    await directory.create('jdoe', ['support'], ctx());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with password and code once both are enrolled, and stores neither in clear', async () => {
    expect(await signIn.signIn('jdoe', 'correct horse battery', '000000', at(now))).toEqual({
      ok: false,
      why: 'not-enrolled',
      staffId: 'jdoe',
    });
    await signIn.setPassword('jdoe', 'correct horse battery', ctx());
    const { uri, secret } = await signIn.enrolTotp('jdoe', ctx());
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*jdoe\?.*secret=/);

    expect(await signIn.signIn('jdoe', 'correct horse battery', await codeAt(secret, now), at(now))).toEqual({
      ok: true,
      staffId: 'jdoe',
      roles: ['support'],
    });
    const stored = (await store.readStream('staff-jdoe'))
      .map((e) => `${e.type} ${JSON.stringify(e.data)}`)
      .join('\n');
    expect(stored).not.toContain('correct horse battery');
    expect(stored).not.toContain(secret);
    expect(stored).toContain('StaffTotpEnrolled');
    expect(verifyChain(await store.readStream('staff-jdoe'))).toBeUndefined();
  });

  it('names which part was wrong (for the record), and takes a code once', async () => {
    await signIn.setPassword('jdoe', 'correct horse battery', ctx());
    const { secret } = await signIn.enrolTotp('jdoe', ctx());
    const code = await codeAt(secret, now);
    expect(await signIn.signIn('nobody', 'correct horse battery', code, at(now))).toMatchObject({
      why: 'unknown',
    });
    expect(await signIn.signIn('jdoe', 'wrong horse battery', code, at(now))).toMatchObject({
      why: 'wrong-password',
    });
    expect(await signIn.signIn('jdoe', 'correct horse battery', '12345', at(now))).toMatchObject({
      why: 'wrong-code',
    });
    const later = new Date(now.getTime() + 5 * 60_000);
    expect(await signIn.signIn('jdoe', 'correct horse battery', code, at(later))).toMatchObject({
      why: 'wrong-code',
    });
    expect(await signIn.signIn('jdoe', 'correct horse battery', code, at(now))).toMatchObject({ ok: true });
    expect(await signIn.signIn('jdoe', 'correct horse battery', code, at(now))).toMatchObject({
      why: 'wrong-code',
    });
    await directory.disable('jdoe', 'left the team', ctx());
    const next = new Date(now.getTime() + 60_000);
    expect(
      await signIn.signIn('jdoe', 'correct horse battery', await codeAt(secret, next), at(next)),
    ).toMatchObject({
      why: 'disabled',
    });
  });

  it('records each sign-in on staff-<id>:sign-ins with the address, and never the password or code', async () => {
    await signIn.setPassword('jdoe', 'correct horse battery', ctx());
    const { secret } = await signIn.enrolTotp('jdoe', ctx());
    const code = await codeAt(secret, now);
    expect(await signIn.signIn('jdoe', 'correct horse battery', code, at(now))).toMatchObject({ ok: true });
    await signIn.recordSignOut('jdoe', now, at(new Date(now.getTime() + 60_000)));

    const records = await store.readStream('staff-jdoe:sign-ins');
    expect(records.map((e) => ({ type: e.type, data: e.data, actor: e.metadata.actor }))).toEqual([
      {
        type: 'StaffSignedIn',
        data: {
          method: 'password+totp',
          totpStep: Math.floor(now.getTime() / 30_000),
          signedInAt: now.toISOString(),
        },
        actor: { kind: 'staff', staffId: 'jdoe' },
      },
      {
        type: 'StaffSignedOut',
        data: { signedOutAt: '2026-11-22T10:01:00.000Z', sessionStartedAt: now.toISOString() },
        actor: { kind: 'staff', staffId: 'jdoe' },
      },
    ]);
    expect(records[0].metadata).toMatchObject({ clientIp: '203.0.113.7', userAgent: 'test-browser' });
    expect(verifyChain(records)).toBeUndefined();
    const everything = (await store.readAll({}))
      .map((e) => JSON.stringify({ data: e.data, metadata: e.metadata }))
      .join('\n');
    expect(everything).not.toContain('correct horse battery');
    expect(everything).not.toContain(`"${code}"`);
    // The lifecycle stream, read on every request, does not grow with sign-ins.
    expect((await store.readStream('staff-jdoe')).map((e) => e.type)).toEqual([
      'StaffCreated',
      'StaffPasswordSet',
      'StaffTotpEnrolled',
    ]);
  });

  it('takes one code once when it arrives twice at once, on one process or on two', async () => {
    await signIn.setPassword('jdoe', 'correct horse battery', ctx());
    const { secret } = await signIn.enrolTotp('jdoe', ctx());

    // Twice at once on one service.
    const first = await codeAt(secret, now);
    const both = await Promise.all([
      signIn.signIn('jdoe', 'correct horse battery', first, at(now)),
      signIn.signIn('jdoe', 'correct horse battery', first, at(now)),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, why: 'wrong-code', staffId: 'jdoe' }]);

    // Twice at once on two "processes": each its own store handle on the file, its own lock.
    const otherStore = SqliteEventStore.open(join(dir, 'events.sqlite'));
    try {
      const service = (s: EventStore) =>
        new StaffSignInService({
          store: s,
          hmacKey,
          mutex: new KeyedMutex(),
          passwords: new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
          totp: { newSecret: newTotpSecret, uri: otpauthUri, matchTimeStep },
        });
      const next = new Date(now.getTime() + 30_000);
      const second = await codeAt(secret, next);
      const racing = await Promise.all([
        service(store).signIn('jdoe', 'correct horse battery', second, at(next)),
        service(otherStore).signIn('jdoe', 'correct horse battery', second, at(next)),
      ]);
      expect(racing.filter((r) => r.ok)).toHaveLength(1);
      // And a third process later, with the same code: refused.
      expect(
        await service(otherStore).signIn('jdoe', 'correct horse battery', second, at(next)),
      ).toMatchObject({ ok: false, why: 'wrong-code' });
    } finally {
      await otherStore.close();
    }
    expect((await store.readStream('staff-jdoe:sign-ins')).map((e) => e.type)).toEqual([
      'StaffSignedIn',
      'StaffSignedIn',
    ]);
  });

  it('refuses the code of an earlier step once a later one was used, though both are in the window', async () => {
    await signIn.setPassword('jdoe', 'correct horse battery', ctx());
    const { secret } = await signIn.enrolTotp('jdoe', ctx());
    const next = new Date(now.getTime() + 30_000);
    const earlier = await codeAt(secret, now);
    const later = await codeAt(secret, next);
    expect(await signIn.signIn('jdoe', 'correct horse battery', later, at(next))).toMatchObject({ ok: true });
    expect(await signIn.signIn('jdoe', 'correct horse battery', earlier, at(next))).toEqual({
      ok: false,
      why: 'wrong-code',
      staffId: 'jdoe',
    });
    // A fresh service (a restart) remembers it too: the step is in the store, not in the process.
    const restarted = new StaffSignInService({
      store,
      hmacKey,
      passwords: new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
      totp: { newSecret: newTotpSecret, uri: otpauthUri, matchTimeStep },
    });
    expect(await restarted.signIn('jdoe', 'correct horse battery', later, at(next))).toMatchObject({
      why: 'wrong-code',
    });
  });

  it('refuses a short password before hashing it', async () => {
    await expect(signIn.setPassword('jdoe', 'short', ctx())).rejects.toBeInstanceOf(StaffPasswordError);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { type CommandContext, verifyChain } from '@portal/command';
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
    expect(await signIn.signIn('jdoe', 'correct horse battery', '000000', now)).toEqual({
      ok: false,
      why: 'not-enrolled',
      staffId: 'jdoe',
    });
    await signIn.setPassword('jdoe', 'correct horse battery', ctx());
    const { uri, secret } = await signIn.enrolTotp('jdoe', ctx());
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*jdoe\?.*secret=/);

    expect(await signIn.signIn('jdoe', 'correct horse battery', await codeAt(secret, now), now)).toEqual({
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
    expect(await signIn.signIn('nobody', 'correct horse battery', code, now)).toMatchObject({
      why: 'unknown',
    });
    expect(await signIn.signIn('jdoe', 'wrong horse battery', code, now)).toMatchObject({
      why: 'wrong-password',
    });
    expect(await signIn.signIn('jdoe', 'correct horse battery', '12345', now)).toMatchObject({
      why: 'wrong-code',
    });
    const later = new Date(now.getTime() + 5 * 60_000);
    expect(await signIn.signIn('jdoe', 'correct horse battery', code, later)).toMatchObject({
      why: 'wrong-code',
    });
    expect(await signIn.signIn('jdoe', 'correct horse battery', code, now)).toMatchObject({ ok: true });
    expect(await signIn.signIn('jdoe', 'correct horse battery', code, now)).toMatchObject({
      why: 'wrong-code',
    });
    await directory.disable('jdoe', 'left the team', ctx());
    const next = new Date(now.getTime() + 60_000);
    expect(
      await signIn.signIn('jdoe', 'correct horse battery', await codeAt(secret, next), next),
    ).toMatchObject({
      why: 'disabled',
    });
  });

  it('refuses a short password before hashing it', async () => {
    await expect(signIn.setPassword('jdoe', 'short', ctx())).rejects.toBeInstanceOf(StaffPasswordError);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoSessionStore, SqliteSessionStore } from '@portal/accounts';
import { FakeSessionCollection } from '../../../../libs/accounts/src/testing/fake-session-collection';
import { cookieOf, sessionCookie, StaffSessions } from './staff-sessions';

/**
 * Over the SQLite session store, as `npm start` keeps them: two stores opened on one file
 * stand for two API processes sharing DATA_DIR (the Mongo adapter passes the same port
 * contract, libs/accounts/src/testing/session-store.contract.ts).
 */
describe('StaffSessions', () => {
  let dir: string;
  let now = 0;
  const clock = () => now;
  const timeouts = { idleMs: 60_000, absoluteMs: 300_000 };
  const opened: SqliteSessionStore[] = [];
  /** One API process's sessions: its own store on the shared file. */
  const instance = () => {
    const store = new SqliteSessionStore(join(dir, 'staff-sessions.sqlite'), timeouts);
    opened.push(store);
    return { sessions: new StaffSessions(store, clock), store };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staff-sessions-'));
    now = 1_000_000;
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a session started on one instance is used and ended on another, and outlives a restart', async () => {
    const a = instance();
    const b = instance();
    const token = await a.sessions.start('sam.support');
    expect(await b.sessions.use(token)).toMatchObject({ ok: true, session: { staffId: 'sam.support' } });
    // Use on b restarts the idle clock a reads.
    now += 50_000;
    expect((await b.sessions.use(token)).ok).toBe(true);
    now += 50_000;
    expect((await a.sessions.use(token)).ok).toBe(true);

    // Both processes stop; a new one finds the session.
    await a.store.close();
    await b.store.close();
    const restarted = instance();
    expect(await restarted.sessions.use(token)).toMatchObject({
      ok: true,
      session: { staffId: 'sam.support', startedAt: 1_000_000 },
    });

    // Sign-out on one instance ends it for every other.
    const c = instance();
    expect(await restarted.sessions.end(token)).toMatchObject({ staffId: 'sam.support' });
    expect(await c.sessions.use(token)).toEqual({ ok: false, why: 'ended' });
    expect(await c.sessions.end(token)).toBeUndefined();
  });

  it('keeps a session in use, and ends it after the idle timeout', async () => {
    const s = instance().sessions;
    const token = await s.start('sam.support');
    now += 59_000;
    expect(await s.use(token)).toMatchObject({ ok: true, session: { staffId: 'sam.support' } });
    now += 59_000;
    expect((await s.use(token)).ok).toBe(true);
    now += 60_000;
    expect(await s.use(token)).toEqual({ ok: false, why: 'ended' });
    // Not revived by a later use.
    now += 1;
    expect(await s.use(token)).toEqual({ ok: false, why: 'ended' });
  });

  it('ends a session at the absolute timeout however busy it is, on sign-out, and all of a disabled member', async () => {
    const s = instance().sessions;
    const token = await s.start('sam.support');
    for (let i = 0; i < 9; i++) {
      now += 30_000;
      expect((await s.use(token)).ok).toBe(true);
    }
    now += 30_000;
    expect(await s.use(token)).toEqual({ ok: false, why: 'ended' });
    const other = await s.start('sam.support');
    expect(await s.end(other)).toMatchObject({ staffId: 'sam.support' });
    expect(await s.use(other)).toEqual({ ok: false, why: 'ended' });
    expect(await s.use('made-up')).toEqual({ ok: false, why: 'ended' });
    expect(await s.use('')).toEqual({ ok: false, why: 'ended' });

    const first = await s.start('leo.leaving');
    const second = await instance().sessions.start('leo.leaving');
    const kept = await s.start('sam.support');
    expect(await s.endAllFor('leo.leaving')).toBe(2);
    expect((await s.use(first)).ok).toBe(false);
    expect((await s.use(second)).ok).toBe(false);
    expect((await s.use(kept)).ok).toBe(true);
  });

  it('keeps only a hash of the token, and the staff timeouts of its store', async () => {
    const { sessions } = instance();
    expect({ idle: sessions.idleSeconds, absolute: sessions.absoluteSeconds }).toEqual({
      idle: 60,
      absolute: 300,
    });
    const token = await sessions.start('sam.support');
    for (const store of opened) await store.close();
    const bytes = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    expect(bytes).toContain('sam.support');
    expect(bytes).not.toContain(token);
  });
});

describe('StaffSessions on the MongoDB adapter (a faked collection, as the driver behaves)', () => {
  it('is shared by two instances over one collection, and ends at the idle timeout', async () => {
    let now = 5_000_000;
    const collection = new FakeSessionCollection();
    const timeouts = { idleMs: 60_000, absoluteMs: 300_000 };
    const a = new StaffSessions(new MongoSessionStore(collection, { timeouts }), () => now);
    const b = new StaffSessions(new MongoSessionStore(collection, { timeouts }), () => now);
    const token = await a.start('sam.support');
    expect(await b.use(token)).toMatchObject({ ok: true, session: { staffId: 'sam.support' } });
    now += 60_000;
    expect(await a.use(token)).toEqual({ ok: false, why: 'ended' });
    const other = await b.start('sam.support');
    // Both: the store counts every session not revoked before, an expired one too.
    expect(await a.endAllFor('sam.support')).toBe(2);
    expect(await b.use(other)).toEqual({ ok: false, why: 'ended' });
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict and Secure, but for plain HTTP on a loopback address', () => {
    expect(sessionCookie('t', { protocol: 'https', hostname: 'staff.example.org' })).toBe(
      'staff_session=t; Path=/v1; HttpOnly; SameSite=Strict; Secure',
    );
    expect(sessionCookie('t', { protocol: 'http', hostname: 'staff.example.org' })).toMatch(/; Secure$/);
    expect(sessionCookie('t', { protocol: 'http', hostname: '127.0.0.1:3000' })).not.toMatch(/Secure/);
    expect(sessionCookie('', { protocol: 'http', hostname: 'localhost' }, 0)).toMatch(/Max-Age=0/);
  });

  it('is read from the Cookie header among others', () => {
    expect(cookieOf('a=1; staff_session=abc; b=2', 'staff_session')).toBe('abc');
    expect(cookieOf('staff_sessionx=1', 'staff_session')).toBeUndefined();
    expect(cookieOf(undefined, 'staff_session')).toBeUndefined();
  });
});

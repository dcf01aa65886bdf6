/**
 * The one contract every SessionStore adapter must pass (see the port). It runs against
 * a persistent server too, so every test uses token hashes, session ids and account ids
 * of its own, and times near the wall clock: a MongoDB TTL index deletes sessions whose
 * absolute timeout has passed by the wall clock, which the tests' `now` must not outrun.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_TIMEOUTS,
  type NewSession,
  SessionExistsError,
  SessionInputError,
  type SessionStore,
  type SessionTimeouts,
} from '../session-store.port';

export interface SessionStoreFixture {
  /** Opens another store (another API instance) over the same storage. */
  open(timeouts?: SessionTimeouts): Promise<SessionStore>;
  /** Closes every store it opened and removes what it created. */
  cleanup(): Promise<void>;
}

const IDLE = DEFAULT_TIMEOUTS.idleMs;
const ABSOLUTE = DEFAULT_TIMEOUTS.absoluteMs;

function newSession(overrides: Partial<NewSession> = {}): { tokenHash: string; session: NewSession } {
  return {
    tokenHash: `th-${randomUUID()}`,
    session: {
      sessionId: randomUUID(),
      accountId: `acc-${randomUUID()}`,
      createdAt: Date.now(),
      mustChangePassword: false,
      ...overrides,
    },
  };
}

async function errorOf(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
}

export function describeSessionStoreContract(
  name: string,
  makeFixture: () => Promise<SessionStoreFixture>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let fixture: SessionStoreFixture;
    let store: SessionStore;

    beforeEach(async () => {
      fixture = await makeFixture();
      store = await fixture.open();
    });
    afterEach(() => fixture.cleanup());

    it('finds a new session by its token hash, with everything it was created with', async () => {
      const { tokenHash, session } = newSession({ mustChangePassword: true });
      await store.create(tokenHash, session);
      expect(await store.touch(tokenHash, session.createdAt + 1_000)).toEqual({
        ...session,
        lastSeenAt: session.createdAt + 1_000,
      });
      const plain = newSession();
      await store.create(plain.tokenHash, plain.session);
      expect(await store.touch(plain.tokenHash, plain.session.createdAt)).toMatchObject({
        mustChangePassword: false,
        lastSeenAt: plain.session.createdAt,
      });
    });

    it('answers undefined for a token hash it does not hold', async () => {
      expect(await store.touch(`th-${randomUUID()}`, Date.now())).toBeUndefined();
    });

    it('ends a session idle for the idle timeout; each touch restarts the idle clock', async () => {
      const { tokenHash, session } = newSession();
      const t0 = session.createdAt;
      await store.create(tokenHash, session);
      expect(await store.touch(tokenHash, t0 + IDLE - 1)).toMatchObject({ lastSeenAt: t0 + IDLE - 1 });
      // Idle since the last touch, not since creation.
      expect(await store.touch(tokenHash, t0 + 2 * IDLE - 2)).toMatchObject({
        lastSeenAt: t0 + 2 * IDLE - 2,
      });
      expect(await store.touch(tokenHash, t0 + 3 * IDLE - 2)).toBeUndefined();
      // A touch that found nothing restarted nothing: the session stays ended.
      expect(await store.touch(tokenHash, t0 + 3 * IDLE - 1)).toBeUndefined();
    });

    it('ends a session at its absolute timeout however recently it was touched', async () => {
      const { tokenHash, session } = newSession();
      const t0 = session.createdAt;
      await store.create(tokenHash, session);
      for (let t = t0 + IDLE / 2; t < t0 + ABSOLUTE; t += IDLE / 2)
        expect(await store.touch(tokenHash, t)).toBeDefined();
      expect(await store.touch(tokenHash, t0 + ABSOLUTE - 1)).toBeDefined();
      expect(await store.touch(tokenHash, t0 + ABSOLUTE)).toBeUndefined();
    });

    it('honours the timeouts it was opened with', async () => {
      const custom = await fixture.open({ idleMs: 60_000, absoluteMs: 600_000 });
      const idle = newSession();
      await custom.create(idle.tokenHash, idle.session);
      const t0 = idle.session.createdAt;
      expect(await custom.touch(idle.tokenHash, t0 + 59_999)).toBeDefined();
      expect(await custom.touch(idle.tokenHash, t0 + 59_999 + 60_000)).toBeUndefined();
      const old = newSession();
      const t1 = old.session.createdAt;
      await custom.create(old.tokenHash, old.session);
      for (let t = t1 + 50_000; t < t1 + 600_000; t += 50_000)
        expect(await custom.touch(old.tokenHash, t)).toBeDefined();
      expect(await custom.touch(old.tokenHash, t1 + 600_000)).toBeUndefined();
      await expect(fixture.open({ idleMs: 0, absoluteMs: 1 })).rejects.toMatchObject({
        code: 'SESSION_INPUT_INVALID',
        field: 'timeouts.idleMs',
      });
    });

    it('revokes one session for good, leaving the account’s others; revoking again or an unknown hash changes nothing', async () => {
      const a = newSession();
      const b = newSession({ accountId: a.session.accountId });
      await store.create(a.tokenHash, a.session);
      await store.create(b.tokenHash, b.session);
      const now = a.session.createdAt + 1_000;
      await store.revoke(a.tokenHash, now);
      await store.revoke(a.tokenHash, now + 1);
      await store.revoke(`th-${randomUUID()}`, now);
      expect(await store.touch(a.tokenHash, now + 2)).toBeUndefined();
      expect(await store.touch(b.tokenHash, now + 2)).toMatchObject({ sessionId: b.session.sessionId });
      // The revoked session does not count as still open.
      expect(await store.revokeAllFor(a.session.accountId, now + 3)).toBe(1);
    });

    it('revokes every session of one account and no other, counting those not revoked before', async () => {
      const accountId = `acc-${randomUUID()}`;
      const mine = [newSession({ accountId }), newSession({ accountId }), newSession({ accountId })];
      const other = newSession();
      for (const s of [...mine, other]) await store.create(s.tokenHash, s.session);
      const now = other.session.createdAt + 1_000;
      await store.revoke(mine[2].tokenHash, now);
      expect(await store.revokeAllFor(accountId, now + 1)).toBe(2);
      expect(await store.revokeAllFor(accountId, now + 2)).toBe(0);
      expect(await store.revokeAllFor(`acc-${randomUUID()}`, now + 2)).toBe(0);
      for (const s of mine) expect(await store.touch(s.tokenHash, now + 3)).toBeUndefined();
      expect(await store.touch(other.tokenHash, now + 3)).toBeDefined();
    });

    it('shares sessions between stores over the same storage (two API instances)', async () => {
      const other = await fixture.open();
      const { tokenHash, session } = newSession();
      await store.create(tokenHash, session);
      const now = session.createdAt + 1_000;
      expect(await other.touch(tokenHash, now)).toMatchObject({ sessionId: session.sessionId });
      // The idle clock restarted by one instance holds for the other.
      expect(await store.touch(tokenHash, now + IDLE - 1)).toBeDefined();
      await other.revokeAllFor(session.accountId, now + IDLE);
      expect(await store.touch(tokenHash, now + IDLE + 1)).toBeUndefined();
    });

    it('lets racing touches of a live session all find it, and none revive one that has ended', async () => {
      const other = await fixture.open();
      const live = newSession();
      const ended = newSession();
      await store.create(live.tokenHash, live.session);
      await store.create(ended.tokenHash, ended.session);
      const t0 = live.session.createdAt;
      const touches = (tokenHash: string, now: number) =>
        Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).touch(tokenHash, now + i)));
      expect(
        (await touches(live.tokenHash, t0 + 1_000)).every((s) => s?.sessionId === live.session.sessionId),
      ).toBe(true);
      const late = ended.session.createdAt + IDLE;
      expect(await touches(ended.tokenHash, late)).toEqual(Array.from({ length: 20 }, () => undefined));
      // Had any of them revived it, its idle clock would have restarted near `late`.
      expect(await store.touch(ended.tokenHash, late + 20)).toBeUndefined();
    });

    it('refuses a second session with the same token hash or session id, quoting neither', async () => {
      const first = newSession();
      await store.create(first.tokenHash, first.session);
      const sameHash = await errorOf(store.create(first.tokenHash, newSession().session));
      expect(sameHash).toBeInstanceOf(SessionExistsError);
      expect(sameHash).toMatchObject({ code: 'SESSION_EXISTS' });
      expect((sameHash as Error).message).not.toContain(first.tokenHash);
      const sameId = await errorOf(
        store.create(newSession().tokenHash, newSession({ sessionId: first.session.sessionId }).session),
      );
      expect(sameId).toMatchObject({ code: 'SESSION_EXISTS' });
      expect((sameId as Error).message).not.toContain(first.session.sessionId);
      // The first session is untouched.
      expect(await store.touch(first.tokenHash, first.session.createdAt + 1)).toMatchObject({
        sessionId: first.session.sessionId,
        accountId: first.session.accountId,
      });
    });

    it('refuses bad input with an error naming the argument, not quoting it', async () => {
      const { tokenHash, session } = newSession();
      const cases: Array<[Promise<unknown>, string]> = [
        [store.create('', session), 'tokenHash'],
        [store.create(tokenHash, { ...session, sessionId: '' }), 'sessionId'],
        [store.create(tokenHash, { ...session, accountId: 42 as unknown as string }), 'accountId'],
        [store.create(tokenHash, { ...session, createdAt: 1.5 }), 'createdAt'],
        [
          store.create(tokenHash, { ...session, mustChangePassword: 'no' as unknown as boolean }),
          'mustChangePassword',
        ],
        [store.touch(tokenHash, Number.NaN), 'now'],
        [store.revoke('', Date.now()), 'tokenHash'],
        [store.revokeAllFor('', Date.now()), 'accountId'],
      ];
      for (const [attempt, field] of cases) {
        const error = await errorOf(attempt);
        expect(error).toBeInstanceOf(SessionInputError);
        expect(error).toMatchObject({ code: 'SESSION_INPUT_INVALID', field });
      }
      // Nothing half-made: the valid session can still be created.
      await store.create(tokenHash, session);
      expect(await store.touch(tokenHash, session.createdAt)).toBeDefined();
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

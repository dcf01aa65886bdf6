/**
 * The one contract every DocumentStore adapter must pass (see the port). It also
 * runs against a persistent server, so every test uses collection names, meta keys
 * and checkpoint names of its own.
 */
import { randomBytes } from 'node:crypto';
import type { Position } from '@portal/event-store';
import {
  type CollectionSpec,
  type Doc,
  type DocumentStore,
  DocumentStoreUnavailableError,
  LeaseLostError,
  type Write,
} from '../document-store.port';
import { DocumentRequestError, type DocumentRequestErrorCode } from '../validation';

export interface DocumentStoreFixture {
  /** Opens an adapter on this fixture's storage; every call is a new instance on the same storage. */
  open(): Promise<DocumentStore>;
  /** Removes what the fixture stored. The suite has closed every instance first. */
  cleanup(): Promise<void>;
}

export interface DocumentStoreContractOptions {
  testTimeoutMs?: number;
}

/** A name no other test (or earlier run against a persistent server) has used. */
export function uniqueName(base = 'c'): string {
  return `${base}_${randomBytes(5).toString('hex')}`;
}

export function pos(commit: bigint | number, prepare: bigint | number = commit): Position {
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

function ids(docs: ReadonlyArray<{ id: string }>): string[] {
  return docs.map((d) => d.id);
}

async function refusal(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (error: unknown) => error,
  );
}

async function expectRefused(attempt: Promise<unknown>, code: DocumentRequestErrorCode): Promise<void> {
  const error = await refusal(attempt);
  expect(error).toBeInstanceOf(DocumentRequestError);
  expect(error).toMatchObject({ code });
}

/** A tiny deterministic generator, so the shuffled-replay test is the same on every run and adapter. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function describeDocumentStoreContract(
  name: string,
  makeFixture: () => Promise<DocumentStoreFixture>,
  contractOptions: DocumentStoreContractOptions = {},
): void {
  const timeout = contractOptions.testTimeoutMs ?? 30_000;

  describe(`DocumentStore contract: ${name}`, () => {
    let fixture: DocumentStoreFixture;
    let opened: DocumentStore[];
    let store: DocumentStore;
    let accounts: CollectionSpec;
    let history: CollectionSpec;
    const G = 1;

    const open = async (): Promise<DocumentStore> => {
      const instance = await fixture.open();
      opened.push(instance);
      return instance;
    };

    beforeEach(async () => {
      fixture = await makeFixture();
      opened = [];
      store = await open();
      accounts = { name: uniqueName('accounts'), indexes: ['username', 'emails', 'status'] };
      history = { name: uniqueName('history'), indexes: [] };
      await store.ensure(G, [accounts, history]);
    }, timeout);

    afterEach(async () => {
      for (const instance of opened) await instance.close();
      await fixture.cleanup();
    }, timeout);

    function put(id: string, doc: Doc | null, position: Position, collection = accounts.name): Write {
      return { collection, id, doc, position };
    }

    describe('write and get', () => {
      it(
        'stores a document with its position and reads it back; an unknown id reads as undefined',
        async () => {
          const doc = {
            username: 'alpha',
            emails: ['a@example.test'],
            status: 'active',
            nested: { n: 1, t: [true] },
          };
          expect(await store.write(G, [put('acc-1', doc, pos(10, 9))])).toBe(1);
          const stored = await store.get(G, accounts.name, 'acc-1');
          expect(stored).toEqual({ id: 'acc-1', position: pos(10, 9), doc });
          expect(typeof stored!.position.commit).toBe('bigint');
          expect(await store.get(G, accounts.name, 'acc-2')).toBeUndefined();
        },
        timeout,
      );

      it(
        'applies a write only when its position is strictly after the stored one',
        async () => {
          await store.write(G, [put('acc-1', { v: 1 }, pos(100, 50))]);
          // Older commit, equal pair, and same commit with an older prepare: all skipped.
          expect(
            await store.write(G, [
              put('acc-1', { v: 2 }, pos(99, 500)),
              put('acc-1', { v: 3 }, pos(100, 50)),
              put('acc-1', { v: 4 }, pos(100, 49)),
            ]),
          ).toBe(0);
          expect((await store.get(G, accounts.name, 'acc-1'))?.doc).toEqual({ v: 1 });
          // Same commit with a later prepare, then a later commit with an earlier prepare: both applied.
          expect(await store.write(G, [put('acc-1', { v: 5 }, pos(100, 51))])).toBe(1);
          expect(await store.write(G, [put('acc-1', { v: 6 }, pos(101, 0))])).toBe(1);
          expect(await store.get(G, accounts.name, 'acc-1')).toEqual({
            id: 'acc-1',
            position: pos(101, 0),
            doc: { v: 6 },
          });
        },
        timeout,
      );

      it(
        'compares positions above 2^53 exactly',
        async () => {
          const big = 2n ** 53n;
          await store.write(G, [put('acc-1', { v: 1 }, pos(big + 1n, big + 1n))]);
          expect(await store.write(G, [put('acc-1', { v: 2 }, pos(big + 1n, big))])).toBe(0);
          expect(await store.write(G, [put('acc-1', { v: 3 }, pos(big + 2n, big + 2n))])).toBe(1);
          const max = 2n ** 63n - 1n;
          expect(await store.write(G, [put('acc-1', { v: 4 }, pos(max, max))])).toBe(1);
          expect((await store.get(G, accounts.name, 'acc-1'))?.position).toEqual(pos(max, max));
        },
        timeout,
      );

      it(
        'replaces the whole body, so fields missing from the new one are gone',
        async () => {
          await store.write(G, [put('acc-1', { username: 'alpha', extra: 'x', status: 'active' }, pos(1))]);
          await store.write(G, [put('acc-1', { username: 'alpha' }, pos(2))]);
          expect((await store.get(G, accounts.name, 'acc-1'))?.doc).toEqual({ username: 'alpha' });
          expect(await store.find(G, accounts.name, 'status', 'active', { limit: 10 })).toEqual([]);
        },
        timeout,
      );

      it(
        'changes nothing when a batch is replayed, and counts what each call applied',
        async () => {
          const batch = [
            put('acc-1', { username: 'one' }, pos(1)),
            put('acc-2', { username: 'two' }, pos(2)),
            put('acc-1', { username: 'uno' }, pos(3)),
            put('h-1', { text: 'first' }, pos(3), history.name),
          ];
          expect(await store.write(G, batch)).toBe(4);
          expect(await store.write(G, batch)).toBe(0);
          expect(await store.write(G, [])).toBe(0);
          expect((await store.get(G, accounts.name, 'acc-1'))?.doc).toEqual({ username: 'uno' });
          expect((await store.get(G, history.name, 'h-1'))?.doc).toEqual({ text: 'first' });
          expect(await store.count(G, accounts.name)).toBe(2);
        },
        timeout,
      );

      it(
        'applies the writes to one document in one call in order: a later older one is skipped',
        async () => {
          expect(
            await store.write(G, [
              put('acc-1', { v: 1 }, pos(5)),
              put('acc-1', { v: 3 }, pos(7)),
              put('acc-1', { v: 2 }, pos(6)),
            ]),
          ).toBe(2);
          expect(await store.get(G, accounts.name, 'acc-1')).toEqual({
            id: 'acc-1',
            position: pos(7),
            doc: { v: 3 },
          });
        },
        timeout,
      );

      it(
        'ends in the same state whatever the order and repetition of the writes (a replay is harmless)',
        async () => {
          const random = seeded(42);
          const writes: Write[] = [];
          for (let i = 0; i < 120; i++) {
            const id = `acc-${Math.floor(random() * 12)}`;
            const deleted = random() < 0.2;
            const doc = deleted ? null : { username: `user-${i}`, emails: [`e${i % 3}@example.test`], n: i };
            writes.push(put(id, doc, pos(1_000 + i, i)));
          }
          const expected = new Map<string, Write>();
          for (const w of writes) expected.set(w.id, w);
          const shuffled = [...writes, ...writes.slice(0, 40)].sort(() => random() - 0.5);
          for (let i = 0; i < shuffled.length; i += 25) await store.write(G, shuffled.slice(i, i + 25));
          const stored = await store.getMany(G, accounts.name, [...expected.keys()]);
          for (const [id, w] of expected)
            expect(stored.get(id)).toEqual({ position: w.position, doc: w.doc });
          const live = [...expected.values()].filter((w) => w.doc !== null);
          expect(await store.count(G, accounts.name)).toBe(live.length);
          const byEmail = await store.find(G, accounts.name, 'emails', 'e1@example.test', { limit: 100 });
          expect(ids(byEmail)).toEqual(
            live
              .filter((w) => (w.doc!.emails as string[]).includes('e1@example.test'))
              .map((w) => w.id)
              .sort(),
          );
        },
        timeout,
      );

      it(
        'writes to several collections in one call',
        async () => {
          expect(
            await store.write(G, [
              put('acc-1', { username: 'one' }, pos(1)),
              put('h-1', { text: 'a' }, pos(1), history.name),
              put('h-2', { text: 'b' }, pos(2), history.name),
            ]),
          ).toBe(3);
          expect(await store.count(G, history.name)).toBe(2);
          expect(await store.count(G, accounts.name)).toBe(1);
        },
        timeout,
      );
    });

    describe('tombstones', () => {
      it(
        'hides a deleted document from get, find, list and count, and keeps its position',
        async () => {
          await store.write(G, [
            put('acc-1', { username: 'one', status: 'active' }, pos(1)),
            put('acc-2', { username: 'two', status: 'active' }, pos(2)),
          ]);
          expect(await store.write(G, [put('acc-1', null, pos(3))])).toBe(1);
          expect(await store.get(G, accounts.name, 'acc-1')).toBeUndefined();
          expect(ids(await store.find(G, accounts.name, 'status', 'active', { limit: 10 }))).toEqual([
            'acc-2',
          ]);
          expect(await store.find(G, accounts.name, 'username', 'one', { limit: 10 })).toEqual([]);
          expect(ids(await store.list(G, accounts.name, { limit: 10 }))).toEqual(['acc-2']);
          expect(await store.count(G, accounts.name)).toBe(1);
          const many = await store.getMany(G, accounts.name, ['acc-1']);
          expect(many.get('acc-1')).toEqual({ position: pos(3), doc: null });
        },
        timeout,
      );

      it(
        'skips an older write after a tombstone, and revives the document with a newer one',
        async () => {
          await store.write(G, [put('acc-1', { username: 'one' }, pos(1)), put('acc-1', null, pos(5))]);
          expect(await store.write(G, [put('acc-1', { username: 'late' }, pos(4))])).toBe(0);
          expect(await store.write(G, [put('acc-1', null, pos(5))])).toBe(0);
          expect(await store.get(G, accounts.name, 'acc-1')).toBeUndefined();
          expect(await store.count(G, accounts.name)).toBe(0);

          expect(await store.write(G, [put('acc-1', { username: 'again' }, pos(6))])).toBe(1);
          expect(await store.get(G, accounts.name, 'acc-1')).toEqual({
            id: 'acc-1',
            position: pos(6),
            doc: { username: 'again' },
          });
          expect(ids(await store.find(G, accounts.name, 'username', 'again', { limit: 10 }))).toEqual([
            'acc-1',
          ]);
          expect(await store.find(G, accounts.name, 'username', 'one', { limit: 10 })).toEqual([]);
          expect(await store.count(G, accounts.name)).toBe(1);
        },
        timeout,
      );

      it(
        'stores a tombstone for a document never seen, which then blocks older writes',
        async () => {
          expect(await store.write(G, [put('acc-9', null, pos(10))])).toBe(1);
          expect(await store.write(G, [put('acc-9', { username: 'ghost' }, pos(9))])).toBe(0);
          expect(await store.get(G, accounts.name, 'acc-9')).toBeUndefined();
          expect((await store.getMany(G, accounts.name, ['acc-9'])).get('acc-9')).toEqual({
            position: pos(10),
            doc: null,
          });
          expect(await store.count(G, accounts.name)).toBe(0);
        },
        timeout,
      );
    });

    describe('getMany', () => {
      it(
        'returns the stored ids with their positions, tombstones included, and leaves out the missing',
        async () => {
          await store.write(G, [
            put('acc-1', { username: 'one' }, pos(1)),
            put('acc-2', { username: 'two' }, pos(2)),
            put('acc-2', null, pos(4)),
          ]);
          const many = await store.getMany(G, accounts.name, ['acc-1', 'acc-2', 'acc-3']);
          expect([...many.keys()].sort()).toEqual(['acc-1', 'acc-2']);
          expect(many.get('acc-1')).toEqual({ position: pos(1), doc: { username: 'one' } });
          expect(many.get('acc-2')).toEqual({ position: pos(4), doc: null });
          expect((await store.getMany(G, accounts.name, [])).size).toBe(0);
        },
        timeout,
      );
    });

    describe('find', () => {
      it(
        'finds by an indexed field, ordered by id, paged with limit and afterId',
        async () => {
          await store.write(G, [
            put('acc-c', { status: 'locked' }, pos(1)),
            put('acc-a', { status: 'locked' }, pos(2)),
            put('acc-d', { status: 'active' }, pos(3)),
            put('acc-b', { status: 'locked' }, pos(4)),
          ]);
          const first = await store.find(G, accounts.name, 'status', 'locked', { limit: 2 });
          expect(ids(first)).toEqual(['acc-a', 'acc-b']);
          expect(first[0]).toEqual({ id: 'acc-a', position: pos(2), doc: { status: 'locked' } });
          const next = await store.find(G, accounts.name, 'status', 'locked', { limit: 2, afterId: 'acc-b' });
          expect(ids(next)).toEqual(['acc-c']);
          expect(
            await store.find(G, accounts.name, 'status', 'locked', { limit: 2, afterId: 'acc-c' }),
          ).toEqual([]);
          expect(await store.find(G, accounts.name, 'status', 'locked', { limit: 0 })).toEqual([]);
          expect(await store.find(G, accounts.name, 'status', 'gone', { limit: 5 })).toEqual([]);
        },
        timeout,
      );

      it(
        'follows updates: a document leaves the old value and joins the new one',
        async () => {
          await store.write(G, [put('acc-1', { username: 'old', status: 'active' }, pos(1))]);
          await store.write(G, [put('acc-1', { username: 'new', status: 'active' }, pos(2))]);
          expect(await store.find(G, accounts.name, 'username', 'old', { limit: 10 })).toEqual([]);
          expect(ids(await store.find(G, accounts.name, 'username', 'new', { limit: 10 }))).toEqual([
            'acc-1',
          ]);
          // A skipped write leaves the index alone.
          await store.write(G, [put('acc-1', { username: 'stale', status: 'active' }, pos(1))]);
          expect(await store.find(G, accounts.name, 'username', 'stale', { limit: 10 })).toEqual([]);
          expect(ids(await store.find(G, accounts.name, 'username', 'new', { limit: 10 }))).toEqual([
            'acc-1',
          ]);
        },
        timeout,
      );

      it(
        'matches any element of an array field, once per document, and follows element changes',
        async () => {
          await store.write(G, [
            put('acc-1', { emails: ['a@example.test', 'b@example.test', 'a@example.test'] }, pos(1)),
            put('acc-2', { emails: ['b@example.test'] }, pos(2)),
            put('acc-3', { emails: [] }, pos(3)),
            put('acc-4', { emails: null }, pos(4)),
            put('acc-5', {}, pos(5)),
          ]);
          expect(ids(await store.find(G, accounts.name, 'emails', 'a@example.test', { limit: 10 }))).toEqual([
            'acc-1',
          ]);
          expect(ids(await store.find(G, accounts.name, 'emails', 'b@example.test', { limit: 10 }))).toEqual([
            'acc-1',
            'acc-2',
          ]);
          await store.write(G, [put('acc-1', { emails: ['c@example.test', 'b@example.test'] }, pos(6))]);
          expect(await store.find(G, accounts.name, 'emails', 'a@example.test', { limit: 10 })).toEqual([]);
          expect(ids(await store.find(G, accounts.name, 'emails', 'c@example.test', { limit: 10 }))).toEqual([
            'acc-1',
          ]);
          expect(ids(await store.find(G, accounts.name, 'emails', 'b@example.test', { limit: 10 }))).toEqual([
            'acc-1',
            'acc-2',
          ]);
        },
        timeout,
      );

      it(
        'refuses a field that is not indexed, and an indexed value that is not a string',
        async () => {
          await expectRefused(
            store.find(G, accounts.name, 'nickname', 'x', { limit: 1 }),
            'DOCUMENT_FIELD_NOT_INDEXED',
          );
          await expectRefused(store.write(G, [put('acc-1', { status: 3 }, pos(1))]), 'DOCUMENT_INVALID_BODY');
          await expectRefused(
            store.write(G, [put('acc-1', { emails: ['a@example.test', 7] }, pos(1))]),
            'DOCUMENT_INVALID_BODY',
          );
          await expectRefused(
            store.write(G, [put('acc-1', { username: { x: 'y' } }, pos(1))]),
            'DOCUMENT_INVALID_BODY',
          );
          expect(await store.count(G, accounts.name)).toBe(0);
        },
        timeout,
      );
    });

    describe('list', () => {
      beforeEach(async () => {
        await store.write(G, [
          put('acc-2', { n: 2 }, pos(1)),
          put('acc-1', { n: 1 }, pos(2)),
          put('acc', { n: 0 }, pos(3)),
          put('acd-1', { n: 4 }, pos(4)),
          put('ac', { n: 5 }, pos(5)),
          put('acc-3', { n: 3 }, pos(6)),
          put('acc-3', null, pos(7)),
          put('acc-4', { n: 6 }, pos(8)),
        ]);
      });

      it(
        'lists live documents ordered by id, paged with limit and afterId',
        async () => {
          expect(ids(await store.list(G, accounts.name, { limit: 100 }))).toEqual([
            'ac',
            'acc',
            'acc-1',
            'acc-2',
            'acc-4',
            'acd-1',
          ]);
          expect(ids(await store.list(G, accounts.name, { limit: 2 }))).toEqual(['ac', 'acc']);
          expect(ids(await store.list(G, accounts.name, { limit: 2, afterId: 'acc' }))).toEqual([
            'acc-1',
            'acc-2',
          ]);
          expect(ids(await store.list(G, accounts.name, { limit: 2, afterId: 'acc-3' }))).toEqual([
            'acc-4',
            'acd-1',
          ]);
          expect(await store.list(G, accounts.name, { limit: 0 })).toEqual([]);
          const [first] = await store.list(G, accounts.name, { limit: 1 });
          expect(first).toEqual({ id: 'ac', position: pos(5), doc: { n: 5 } });
        },
        timeout,
      );

      it(
        'lists only ids starting with a prefix, with or without a cursor',
        async () => {
          expect(ids(await store.list(G, accounts.name, { prefix: 'acc', limit: 100 }))).toEqual([
            'acc',
            'acc-1',
            'acc-2',
            'acc-4',
          ]);
          expect(ids(await store.list(G, accounts.name, { prefix: 'acc-', limit: 2 }))).toEqual([
            'acc-1',
            'acc-2',
          ]);
          expect(
            ids(await store.list(G, accounts.name, { prefix: 'acc-', limit: 2, afterId: 'acc-2' })),
          ).toEqual(['acc-4']);
          // A cursor before the prefix starts at the prefix; one past it ends the list.
          expect(ids(await store.list(G, accounts.name, { prefix: 'acd', limit: 5, afterId: 'a' }))).toEqual([
            'acd-1',
          ]);
          expect(await store.list(G, accounts.name, { prefix: 'acc', limit: 5, afterId: 'acd' })).toEqual([]);
          expect(await store.list(G, accounts.name, { prefix: 'b', limit: 5 })).toEqual([]);
        },
        timeout,
      );

      it(
        'orders ids by code point (UTF-8 byte order) in both list and find, beyond ASCII',
        async () => {
          const odd = ['z', 'é', '\uffee', '😀', 'Z', 'ä'];
          await store.write(
            G,
            odd.map((id, i) => put(id, { status: 'odd' }, pos(100 + i))),
          );
          // JavaScript's < compares UTF-16 units and would put 😀 (a surrogate pair) before U+FFEE.
          const expected = ['Z', 'z', 'ä', 'é', '\uffee', '😀'];
          expect(ids(await store.find(G, accounts.name, 'status', 'odd', { limit: 10 }))).toEqual(expected);
          expect(ids(await store.list(G, accounts.name, { limit: 100, afterId: 'acd-1' }))).toEqual([
            'z',
            ...expected.slice(2),
          ]);
          expect(ids(await store.list(G, accounts.name, { prefix: '\uffee', limit: 10 }))).toEqual([
            '\uffee',
          ]);
          expect(
            ids(await store.find(G, accounts.name, 'status', 'odd', { limit: 2, afterId: '\uffee' })),
          ).toEqual(['😀']);
        },
        timeout,
      );
    });

    describe('collections and generations', () => {
      it(
        'keeps generations apart and drops one without touching the other',
        async () => {
          await store.ensure(2, [accounts, history]);
          await store.write(1, [put('acc-1', { username: 'gen1' }, pos(1))]);
          await store.write(2, [
            put('acc-1', { username: 'gen2' }, pos(1)),
            put('acc-2', { username: 'x' }, pos(2)),
          ]);
          expect((await store.get(1, accounts.name, 'acc-1'))?.doc).toEqual({ username: 'gen1' });
          expect((await store.get(2, accounts.name, 'acc-1'))?.doc).toEqual({ username: 'gen2' });
          expect(await store.count(1, accounts.name)).toBe(1);
          expect(await store.count(2, accounts.name)).toBe(2);
          expect(ids(await store.find(2, accounts.name, 'username', 'gen1', { limit: 5 }))).toEqual([]);

          await store.drop(1, [accounts, history]);
          expect(await store.get(1, accounts.name, 'acc-1')).toBeUndefined();
          expect(await store.count(1, accounts.name)).toBe(0);
          expect((await store.getMany(1, accounts.name, ['acc-1'])).size).toBe(0);
          expect(await store.list(1, accounts.name, { limit: 5 })).toEqual([]);
          expect(await store.find(1, accounts.name, 'username', 'gen1', { limit: 5 })).toEqual([]);
          await expectRefused(
            store.write(1, [put('acc-1', { username: 'x' }, pos(9))]),
            'DOCUMENT_COLLECTION_UNKNOWN',
          );
          expect(await store.count(2, accounts.name)).toBe(2);

          // Dropping again is harmless; ensuring again starts empty, positions forgotten.
          await store.drop(1, [accounts, history]);
          await store.ensure(1, [accounts, history]);
          expect(await store.count(1, accounts.name)).toBe(0);
          expect(await store.write(1, [put('acc-1', { username: 'fresh' }, pos(1))])).toBe(1);
          expect(ids(await store.find(1, accounts.name, 'username', 'fresh', { limit: 5 }))).toEqual([
            'acc-1',
          ]);
        },
        timeout,
      );

      it(
        'ensure is idempotent, and an added index covers documents already stored',
        async () => {
          await store.write(G, [
            put('acc-1', { username: 'one', region: 'north' }, pos(1)),
            put('acc-2', { username: 'two', region: 'south' }, pos(2)),
            put('acc-3', { username: 'three', region: 'north' }, pos(3)),
            put('acc-3', null, pos(4)),
          ]);
          await store.ensure(G, [accounts, history]);
          expect(await store.count(G, accounts.name)).toBe(2);
          expect(ids(await store.find(G, accounts.name, 'username', 'one', { limit: 5 }))).toEqual(['acc-1']);

          await store.ensure(G, [{ name: accounts.name, indexes: ['region'] }]);
          expect(ids(await store.find(G, accounts.name, 'region', 'north', { limit: 5 }))).toEqual(['acc-1']);
          // Indexes only grow: the fields of the first spec are still indexed.
          expect(ids(await store.find(G, accounts.name, 'username', 'two', { limit: 5 }))).toEqual(['acc-2']);
          await store.write(G, [put('acc-4', { username: 'four', region: 'north' }, pos(5))]);
          expect(ids(await store.find(G, accounts.name, 'region', 'north', { limit: 5 }))).toEqual([
            'acc-1',
            'acc-4',
          ]);
        },
        timeout,
      );

      it(
        'refuses a call that writes to a collection never ensured, storing none of it',
        async () => {
          await expectRefused(
            store.write(G, [
              put('acc-1', { username: 'one' }, pos(1)),
              put('x', {}, pos(2), uniqueName('nope')),
            ]),
            'DOCUMENT_COLLECTION_UNKNOWN',
          );
          expect(await store.count(G, accounts.name)).toBe(0);
          await expectRefused(
            store.write(3, [put('acc-1', { username: 'one' }, pos(1))]),
            'DOCUMENT_COLLECTION_UNKNOWN',
          );
        },
        timeout,
      );

      it(
        'reads a collection never ensured as empty',
        async () => {
          const missing = uniqueName('missing');
          expect(await store.get(G, missing, 'a')).toBeUndefined();
          expect((await store.getMany(G, missing, ['a'])).size).toBe(0);
          expect(await store.find(G, missing, 'username', 'a', { limit: 5 })).toEqual([]);
          expect(await store.list(G, missing, { limit: 5 })).toEqual([]);
          expect(await store.count(G, missing)).toBe(0);
        },
        timeout,
      );

      it(
        'serves a second instance on the same storage, and keeps everything across a reopen',
        async () => {
          await store.write(G, [put('acc-1', { username: 'one' }, pos(1))]);
          await store.setMeta(`active-${accounts.name}`, 7);
          await store.saveCheckpoint(`cp-${accounts.name}`, pos(12, 11));
          const other = await open();
          expect((await other.get(G, accounts.name, 'acc-1'))?.doc).toEqual({ username: 'one' });
          // Indexes added through one instance are used by the other.
          await other.ensure(G, [{ name: accounts.name, indexes: ['tier'] }]);
          await store.write(G, [put('acc-2', { username: 'two', tier: 'gold' }, pos(2))]);
          expect(ids(await other.find(G, accounts.name, 'tier', 'gold', { limit: 5 }))).toEqual(['acc-2']);
          expect(ids(await store.find(G, accounts.name, 'tier', 'gold', { limit: 5 }))).toEqual(['acc-2']);
          // A generation dropped through one instance is gone for the other, reads and writes alike,
          // even for an instance that wrote to it before.
          await store.write(G, [put('h-0', { text: 'x' }, pos(2), history.name)]);
          await other.drop(G, [history]);
          expect(await store.get(G, history.name, 'h-0')).toBeUndefined();
          await expectRefused(
            store.write(G, [put('h-1', { text: 'x' }, pos(3), history.name)]),
            'DOCUMENT_COLLECTION_UNKNOWN',
          );

          await store.close();
          const reopened = await open();
          expect(await reopened.get(G, accounts.name, 'acc-1')).toEqual({
            id: 'acc-1',
            position: pos(1),
            doc: { username: 'one' },
          });
          expect(await reopened.getMeta(`active-${accounts.name}`)).toBe(7);
          expect(await reopened.loadCheckpoint(`cp-${accounts.name}`)).toEqual(pos(12, 11));
          expect(await reopened.count(G, accounts.name)).toBe(2);
        },
        timeout,
      );
    });

    describe('insert-only collections and fills', () => {
      /** The same calls into any generation: updates of indexed fields, a tombstone, inserts and their replays. */
      async function fillWith(g: number, events: CollectionSpec): Promise<void> {
        await store.write(g, [
          put(
            'acc-1',
            { username: 'one', emails: ['a@example.test', 'b@example.test'], status: 'active' },
            pos(1),
          ),
          put('acc-2', { username: 'two', emails: ['b@example.test'], status: 'active' }, pos(2)),
          put('acc-1/1', { text: 'first' }, pos(1), events.name),
          put('acc-2/2', { text: 'second' }, pos(2), events.name),
        ]);
        await store.write(g, [
          put('acc-1', { username: 'uno', emails: ['a@example.test'], status: 'locked' }, pos(3)),
          put('acc-3', { username: 'three', status: 'active' }, pos(4)),
          put('acc-1/3', { text: 'third' }, pos(3), events.name),
          put('acc-3/4', { text: 'fourth' }, pos(4), events.name),
          // Replays: skipped.
          put('acc-2', { username: 'stale' }, pos(2)),
          put('acc-1/1', { text: 'first' }, pos(1), events.name),
        ]);
        await store.write(g, [
          put('acc-3', null, pos(5)),
          put('acc-3/5', { text: 'fifth' }, pos(5), events.name),
        ]);
      }

      async function expectFilled(g: number, events: CollectionSpec): Promise<void> {
        const found = async (field: string, value: string) =>
          ids(await store.find(g, accounts.name, field, value, { limit: 10 }));
        expect(await found('username', 'one')).toEqual([]);
        expect(await found('username', 'uno')).toEqual(['acc-1']);
        expect(await found('username', 'stale')).toEqual([]);
        expect(await found('emails', 'a@example.test')).toEqual(['acc-1']);
        expect(await found('emails', 'b@example.test')).toEqual(['acc-2']);
        expect(await found('status', 'active')).toEqual(['acc-2']);
        expect(await found('username', 'three')).toEqual([]);
        expect(await store.count(g, accounts.name)).toBe(2);
        expect(await store.count(g, events.name)).toBe(5);
        expect(ids(await store.list(g, events.name, { prefix: 'acc-1/', limit: 10 }))).toEqual([
          'acc-1/1',
          'acc-1/3',
        ]);
        expect(await store.get(g, events.name, 'acc-1/1')).toEqual({
          id: 'acc-1/1',
          position: pos(1),
          doc: { text: 'first' },
        });
      }

      it(
        'an insert-only collection skips a write to an id already stored',
        async () => {
          const events = { name: uniqueName('events'), indexes: ['kind'], insertOnly: true };
          await store.ensure(G, [events]);
          await store.ensure(G, [events]);
          expect(await store.write(G, [put('e-1', { kind: 'login' }, pos(1), events.name)])).toBe(1);
          // The replay of the event that wrote it, in the same call as a new document and in a call of its own.
          expect(
            await store.write(G, [
              put('e-1', { kind: 'login' }, pos(1), events.name),
              put('e-2', { kind: 'login' }, pos(2), events.name),
            ]),
          ).toBe(1);
          expect(await store.write(G, [put('e-1', { kind: 'other' }, pos(1), events.name)])).toBe(0);
          expect((await store.get(G, events.name, 'e-1'))?.doc).toEqual({ kind: 'login' });
          expect(await store.count(G, events.name)).toBe(2);
          expect(ids(await store.find(G, events.name, 'kind', 'login', { limit: 5 }))).toEqual([
            'e-1',
            'e-2',
          ]);
          expect(await store.find(G, events.name, 'kind', 'other', { limit: 5 })).toEqual([]);
          // A reopened store (another process) knows the collection is insert-only.
          const other = await open();
          expect(await other.write(G, [put('e-2', { kind: 'other' }, pos(2), events.name)])).toBe(0);
          expect(await other.write(G, [put('e-3', { kind: 'login' }, pos(3), events.name)])).toBe(1);
          expect(await other.count(G, events.name)).toBe(3);
        },
        timeout,
      );

      it(
        'a generation filled then finished reads as one written without a fill',
        async () => {
          const events = { name: uniqueName('events'), indexes: [], insertOnly: true };
          await store.ensure(2, [accounts, events], { fill: true });
          await fillWith(2, events);
          // While filling, reads answer as usual (an insert-only collection may show a replay twice until the
          // fill ends); find answers correctly or is refused.
          expect((await store.get(2, accounts.name, 'acc-1'))?.doc).toMatchObject({ username: 'uno' });
          expect(
            [...(await store.getMany(2, accounts.name, ['acc-1', 'acc-3', 'acc-9'])).keys()].sort(),
          ).toEqual(['acc-1', 'acc-3']);
          expect((await store.get(2, events.name, 'acc-1/3'))?.doc).toEqual({ text: 'third' });
          const during = await store.find(2, accounts.name, 'username', 'uno', { limit: 5 }).then(
            (docs) => ids(docs),
            (error: unknown) => error,
          );
          if (Array.isArray(during)) expect(during).toEqual(['acc-1']);
          else expect(during).toMatchObject({ code: 'DOCUMENT_GENERATION_FILLING' });

          await store.finishFill(2);
          await expectFilled(2, events);
          await store.finishFill(2);
          await expectFilled(2, events);

          // The same calls into a generation never filled.
          await store.ensure(3, [accounts, events]);
          await fillWith(3, events);
          await expectFilled(3, events);

          // After the fill: replays still skipped, updates still move the terms, on any connection.
          const other = await open();
          expect(await other.write(2, [put('acc-1/3', { text: 'again' }, pos(3), events.name)])).toBe(0);
          expect(await other.write(2, [put('acc-2', { username: 'deux', status: 'active' }, pos(6))])).toBe(
            1,
          );
          expect(ids(await other.find(2, accounts.name, 'username', 'deux', { limit: 5 }))).toEqual([
            'acc-2',
          ]);
          expect(await other.find(2, accounts.name, 'username', 'two', { limit: 5 })).toEqual([]);
          expect(await other.count(2, events.name)).toBe(5);
        },
        timeout,
      );

      it(
        'finishFill of a generation that is not filling changes nothing',
        async () => {
          await store.write(G, [put('acc-1', { username: 'one' }, pos(1))]);
          await store.finishFill(G);
          await store.finishFill(41);
          expect(ids(await store.find(G, accounts.name, 'username', 'one', { limit: 5 }))).toEqual(['acc-1']);
          // Ensuring an existing generation with fill leaves it as it was.
          await store.ensure(G, [accounts, history], { fill: true });
          await store.write(G, [put('acc-2', { username: 'one' }, pos(2))]);
          expect(ids(await store.find(G, accounts.name, 'username', 'one', { limit: 5 }))).toEqual([
            'acc-1',
            'acc-2',
          ]);
        },
        timeout,
      );
    });

    describe('meta and checkpoints', () => {
      it(
        'stores meta values of any JSON shape, bigints included, and forgets one set to undefined',
        async () => {
          const key = uniqueName('meta');
          expect(await store.getMeta(key)).toBeUndefined();
          const value = {
            active: 3,
            state: 'rebuilding',
            target: { commit: 2n ** 60n + 1n, prepare: -1n },
            list: [1, 'two', null, true, [9007199254740993n]],
          };
          await store.setMeta(key, value);
          expect(await store.getMeta(key)).toEqual(value);
          await store.setMeta(key, 4);
          expect(await store.getMeta(key)).toBe(4);
          await store.setMeta(key, null);
          expect(await store.getMeta(key)).toBeNull();
          await store.setMeta(key, 12345678901234567890n);
          expect(await store.getMeta(key)).toBe(12345678901234567890n);
          await store.setMeta(key, undefined);
          expect(await store.getMeta(key)).toBeUndefined();
          await expectRefused(store.setMeta(key, { $bigint: '1' }), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(store.setMeta('', 1), 'DOCUMENT_INVALID_ARGUMENT');
        },
        timeout,
      );

      it(
        'saves and loads checkpoints exactly, above 2^53 too, and overwrites them',
        async () => {
          const name = uniqueName('projector');
          expect(await store.loadCheckpoint(name)).toBeUndefined();
          await store.saveCheckpoint(name, pos(2n ** 53n + 1n, 2n ** 53n - 1n));
          expect(await store.loadCheckpoint(name)).toEqual(pos(2n ** 53n + 1n, 2n ** 53n - 1n));
          await store.saveCheckpoint(name, pos(2n ** 63n - 1n, 0n));
          expect(await store.loadCheckpoint(name)).toEqual(pos(2n ** 63n - 1n, 0n));
          await store.saveCheckpoint(name, pos(5));
          expect(await store.loadCheckpoint(name)).toEqual(pos(5));
          expect(await store.loadCheckpoint(uniqueName('other'))).toBeUndefined();
          await expectRefused(store.saveCheckpoint(name, pos(2n ** 63n)), 'DOCUMENT_INVALID_POSITION');
          await expectRefused(
            store.saveCheckpoint(name, { commit: 1, prepare: 1 } as unknown as Position),
            'DOCUMENT_INVALID_POSITION',
          );
        },
        timeout,
      );
    });

    describe('leases and fencing', () => {
      const T0 = 1_800_000_000_000;

      it(
        'gives a lease to one holder until it expires, renews it with the same token, and hands it on with a greater one',
        async () => {
          const name = uniqueName('lease');
          expect(await store.getLease(name)).toBeUndefined();
          const a = await store.acquireLease(name, 'holder-a', 1000, { now: T0 });
          expect(a).toEqual({ name, holder: 'holder-a', token: 1, expiresAt: T0 + 1000, since: T0 });
          // Another instance on the same storage sees it held.
          const other = await open();
          expect(await other.acquireLease(name, 'holder-b', 1000, { now: T0 + 999 })).toBeUndefined();
          const renewed = await store.acquireLease(name, 'holder-a', 1000, { now: T0 + 500 });
          expect(renewed).toEqual({ name, holder: 'holder-a', token: 1, expiresAt: T0 + 1500, since: T0 });
          expect(await other.acquireLease(name, 'holder-b', 1000, { now: T0 + 1499 })).toBeUndefined();
          const b = await other.acquireLease(name, 'holder-b', 1000, { now: T0 + 1500 });
          expect(b).toEqual({ name, holder: 'holder-b', token: 2, expiresAt: T0 + 2500, since: T0 + 1500 });
          expect(await store.acquireLease(name, 'holder-a', 1000, { now: T0 + 1600 })).toBeUndefined();
          expect(await store.getLease(name)).toEqual(b);
        },
        timeout,
      );

      it(
        'refuses fenced writes and checkpoints of an older holder once a newer one took over, and stores none of them',
        async () => {
          const name = uniqueName('lease');
          const checkpoint = uniqueName('projector');
          const a = (await store.acquireLease(name, 'holder-a', 1000, { now: T0 }))!;
          const fenceA = { lease: name, token: a.token };
          expect(await store.write(G, [put('u1', { username: 'a' }, pos(1))], { fence: fenceA })).toBe(1);
          await store.saveCheckpoint(checkpoint, pos(1), { fence: fenceA });
          // A's lease expires while it is paused; B takes over and writes first.
          const other = await open();
          const b = (await other.acquireLease(name, 'holder-b', 1000, { now: T0 + 2000 }))!;
          expect(b.token).toBeGreaterThan(a.token);
          const fenceB = { lease: name, token: b.token };
          // A wakes up: refused even before B wrote anything.
          expect(
            await refusal(store.write(G, [put('u1', { username: 'stale' }, pos(5))], { fence: fenceA })),
          ).toBeInstanceOf(LeaseLostError);
          expect(await refusal(store.saveCheckpoint(checkpoint, pos(5), { fence: fenceA }))).toMatchObject({
            code: 'DOCUMENT_LEASE_LOST',
          });
          expect((await store.get(G, accounts.name, 'u1'))?.doc).toEqual({ username: 'a' });
          expect(await store.loadCheckpoint(checkpoint)).toEqual(pos(1));
          expect(await other.write(G, [put('u1', { username: 'b' }, pos(3))], { fence: fenceB })).toBe(1);
          await other.saveCheckpoint(checkpoint, pos(3), { fence: fenceB });
          expect(await refusal(store.saveCheckpoint(checkpoint, pos(9), { fence: fenceA }))).toBeInstanceOf(
            LeaseLostError,
          );
          expect(await store.loadCheckpoint(checkpoint)).toEqual(pos(3));
          expect((await store.get(G, accounts.name, 'u1'))?.doc).toEqual({ username: 'b' });
          // An expired lease nobody took keeps its holder's token valid.
          expect(await other.write(G, [put('u2', { username: 'c' }, pos(4))], { fence: fenceB })).toBe(1);
          await expectRefused(
            store.write(G, [], { fence: { lease: name, token: 0 } }),
            'DOCUMENT_INVALID_ARGUMENT',
          );
        },
        timeout,
      );

      it(
        'frees a released lease at once, and takes over an unexpired lease only from the dead holder it names',
        async () => {
          const name = uniqueName('lease');
          await store.acquireLease(name, 'run-1', 60_000, { now: T0 });
          expect(
            await store.acquireLease(name, 'run-2', 60_000, { now: T0 + 1, replacing: 'someone-else' }),
          ).toBeUndefined();
          const replaced = await store.acquireLease(name, 'run-2', 60_000, {
            now: T0 + 1,
            replacing: 'run-1',
          });
          expect(replaced).toMatchObject({ holder: 'run-2', token: 2 });
          await store.releaseLease(name, 'run-1'); // not the holder: changes nothing
          expect(await store.acquireLease(name, 'run-3', 60_000, { now: T0 + 2 })).toBeUndefined();
          await store.releaseLease(name, 'run-2');
          expect(await store.acquireLease(name, 'run-3', 60_000, { now: T0 + 2 })).toMatchObject({
            holder: 'run-3',
            token: 3,
          });
        },
        timeout,
      );

      it(
        'gives a free lease to exactly one of many racing callers',
        async () => {
          const name = uniqueName('lease');
          const instances = [store, await open(), await open()];
          const results = await Promise.all(
            Array.from({ length: 12 }, (_, i) =>
              instances[i % instances.length].acquireLease(name, `racer-${i}`, 60_000, { now: T0 }),
            ),
          );
          const winners = results.filter((r) => r !== undefined);
          expect(winners).toHaveLength(1);
          expect(await store.getLease(name)).toEqual(winners[0]);
        },
        timeout,
      );

      it(
        'refuses malformed lease requests',
        async () => {
          await expectRefused(store.acquireLease('', 'h', 1000), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(store.acquireLease('l', '', 1000), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(store.acquireLease('l', 'h', 0), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(store.acquireLease('l', 'h', 1.5), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(
            store.acquireLease('l', 'h', 1000, { now: Number.NaN }),
            'DOCUMENT_INVALID_ARGUMENT',
          );
        },
        timeout,
      );
    });

    describe('refusals', () => {
      it(
        'refuses body keys starting with _ or $, storing nothing of the call',
        async () => {
          for (const key of ['_id', '_pos', '_del', '_anything', '$set']) {
            const error = await refusal(
              store.write(G, [put('acc-1', { username: 'ok' }, pos(1)), put('acc-2', { [key]: 1 }, pos(2))]),
            );
            expect(error).toBeInstanceOf(DocumentRequestError);
            expect(error).toMatchObject({ code: 'DOCUMENT_RESERVED_KEY' });
            expect((error as Error).message).toContain('write #1');
          }
          expect(await store.count(G, accounts.name)).toBe(0);
          // Below the top level, such keys are ordinary data.
          expect(await store.write(G, [put('acc-1', { profile: { _note: 'x' } }, pos(1))])).toBe(1);
        },
        timeout,
      );

      it(
        'refuses malformed names, ids, positions, bodies and options with a code',
        async () => {
          await expectRefused(store.ensure(G, [{ name: 'Bad-Name', indexes: [] }]), 'DOCUMENT_INVALID_NAME');
          await expectRefused(store.ensure(G, [{ name: 'sqlite_x', indexes: [] }]), 'DOCUMENT_INVALID_NAME');
          await expectRefused(store.ensure(G, [{ name: 'ok', indexes: ['a.b'] }]), 'DOCUMENT_INVALID_NAME');
          await expectRefused(store.ensure(G, [{ name: 'ok', indexes: ['_id'] }]), 'DOCUMENT_INVALID_NAME');
          await expectRefused(store.ensure(-1, [accounts]), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(store.ensure(1.5, [accounts]), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(
            store.ensure(G, [{ name: 'ok', indexes: [], insertOnly: 'yes' as unknown as boolean }]),
            'DOCUMENT_INVALID_ARGUMENT',
          );
          await expectRefused(store.finishFill(-1), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(store.write(G, [put('', { a: 'x' }, pos(1))]), 'DOCUMENT_INVALID_ID');
          await expectRefused(store.write(G, [put('\ud800', { a: 'x' }, pos(1))]), 'DOCUMENT_INVALID_ID');
          await expectRefused(
            store.write(G, [put('acc-1', { a: 'x' }, { commit: 1, prepare: 1 } as unknown as Position)]),
            'DOCUMENT_INVALID_POSITION',
          );
          await expectRefused(
            store.write(G, [put('acc-1', [1] as unknown as Doc, pos(1))]),
            'DOCUMENT_INVALID_BODY',
          );
          await expectRefused(store.write(G, [put('acc-1', { big: 1n }, pos(1))]), 'DOCUMENT_INVALID_BODY');
          await expectRefused(store.write(G, [put('acc-1', {}, pos(1), 'No')]), 'DOCUMENT_INVALID_NAME');
          await expectRefused(store.list(G, accounts.name, { limit: -1 }), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(store.list(G, accounts.name, { limit: 1.5 }), 'DOCUMENT_INVALID_ARGUMENT');
          await expectRefused(
            store.find(G, accounts.name, 'username', 'x', { limit: NaN }),
            'DOCUMENT_INVALID_ARGUMENT',
          );
          expect(await store.count(G, accounts.name)).toBe(0);
        },
        timeout,
      );

      it(
        'names neither ids nor values in its refusals',
        async () => {
          const secretish = 'jane.doe@example.test';
          const errors = await Promise.all([
            refusal(store.write(G, [put(secretish, { _x: secretish }, pos(1))])),
            refusal(store.write(G, [put(secretish, { username: 7 }, pos(1))])),
            refusal(store.find(G, accounts.name, 'nickname', secretish, { limit: 1 })),
          ]);
          for (const error of errors) expect((error as Error).message).not.toContain('jane');
        },
        timeout,
      );
    });

    describe('lifecycle', () => {
      it(
        'answers ping while open and refuses every call once closed, as not retryable',
        async () => {
          await expect(store.ping()).resolves.toBeUndefined();
          await store.close();
          await store.close();
          for (const attempt of [
            store.ping(),
            store.get(G, accounts.name, 'a'),
            store.write(G, [put('a', {}, pos(1))]),
            store.getMeta('k'),
            store.saveCheckpoint('k', pos(1)),
          ]) {
            const error = await refusal(attempt);
            expect(error).toBeInstanceOf(DocumentStoreUnavailableError);
            expect(error).toMatchObject({ code: 'DOCUMENT_STORE_UNAVAILABLE', retryable: false });
          }
        },
        timeout,
      );
    });
  });
}

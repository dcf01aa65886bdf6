import {
  type BulkWriteResult,
  type Document,
  Long,
  MongoBulkWriteError,
  MongoNetworkError,
  MongoServerError,
} from 'mongodb';
import { DocumentStoreUnavailableError, type Write } from '../document-store.port';
import { DocumentRequestError } from '../validation';
import { describeDocumentStoreContract, pos } from '../testing/document-store.contract';
import { FakeMongoDb } from '../testing/fake-mongo-db';
import { MAJORITY_WRITE_CONCERN, MAJORITY_WTIMEOUT_MS } from './mongo-client';
import { META_COLLECTION, MongoDbDocumentStore } from './mongodb-document-store';

describeDocumentStoreContract('MongoDB over a faked driver', async () => {
  const db = new FakeMongoDb();
  return { open: async () => new MongoDbDocumentStore(db), cleanup: async () => undefined };
});

describe('MongoDbDocumentStore', () => {
  let db: FakeMongoDb;
  let store: MongoDbDocumentStore;
  const accounts = { name: 'accounts', indexes: ['username', 'emails'] };
  const put = (id: string, doc: Write['doc'], commit: bigint, prepare = commit): Write => ({
    collection: 'accounts',
    id,
    doc,
    position: { commit, prepare },
  });

  beforeEach(async () => {
    db = new FakeMongoDb();
    store = new MongoDbDocumentStore(db);
    await store.ensure(1, [accounts]);
    db.calls.length = 0;
  });

  async function failure(attempt: Promise<unknown>): Promise<unknown> {
    return attempt.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error,
    );
  }

  describe('storage shape', () => {
    it('stores { _id, _pos: { c: Long, p: Long }, _del, ...body }, Longs even for small positions', async () => {
      await store.write(1, [put('a', { username: 'ann', emails: ['x@t'] }, 7n, 6n)]);
      const raw = db.raw('accounts_v1', 'a')!;
      expect(Object.keys(raw)).toEqual(['_id', '_pos', '_del', 'username', 'emails']);
      expect(raw._pos.c).toBeInstanceOf(Long);
      expect(raw._pos.p).toBeInstanceOf(Long);
      expect([raw._pos.c.toBigInt(), raw._pos.p.toBigInt()]).toEqual([7n, 6n]);
      expect(raw).toMatchObject({ _id: 'a', _del: false, username: 'ann', emails: ['x@t'] });
    });

    it('reads positions back whether the driver hands over a number or a Long', async () => {
      // BSON promotes an int64 that fits 53 bits to a number and leaves a larger one a Long.
      await store.write(1, [
        put('small', { username: 's' }, 5n),
        put('large', { username: 'l' }, 2n ** 62n + 3n, 1n),
      ]);
      expect((await store.get(1, 'accounts', 'small'))?.position).toEqual(pos(5));
      expect((await store.get(1, 'accounts', 'large'))?.position).toEqual(pos(2n ** 62n + 3n, 1n));
    });

    it('keeps only _id, _pos and _del: true in a tombstone', async () => {
      await store.write(1, [put('a', { username: 'ann' }, 1n), put('a', null, 2n)]);
      const raw = db.raw('accounts_v1', 'a')!;
      expect(Object.keys(raw)).toEqual(['_id', '_pos', '_del']);
      expect(raw._del).toBe(true);
    });

    it('stores the body as its JSON form, as SQLite does', async () => {
      const when = new Date('2025-01-02T03:04:05.000Z');
      await store.write(1, [put('a', { username: 'ann', when, gone: undefined }, 1n)]);
      expect((await store.get(1, 'accounts', 'a'))?.doc).toEqual({
        username: 'ann',
        when: when.toISOString(),
      });
    });

    it('keeps checkpoints as Longs and meta values as JSON text in readmodel_meta', async () => {
      await store.saveCheckpoint('projector', pos(2n ** 60n, 3n));
      await store.setMeta('active', { generation: 4, at: 9n });
      const checkpoint = db.raw(META_COLLECTION, 'checkpoint:projector')!;
      expect(checkpoint.c).toBeInstanceOf(Long);
      expect(checkpoint.c.toBigInt()).toBe(2n ** 60n);
      expect(checkpoint.p.toBigInt()).toBe(3n);
      expect(db.raw(META_COLLECTION, 'meta:active')).toEqual({
        _id: 'meta:active',
        json: '{"generation":4,"at":{"$bigint":"9"}}',
      });
      expect(db.raw(META_COLLECTION, 'collection:accounts_v1')).toMatchObject({
        name: 'accounts',
        generation: 1,
        indexes: ['username', 'emails'],
      });
    });
  });

  describe('conditional upserts', () => {
    it('sends one unordered bulkWrite of replaceOne upserts filtered on an older or missing _pos', async () => {
      await store.write(1, [put('a', { username: 'ann' }, 10n, 4n), put('b', null, 11n)]);
      const bulk = db.calls.filter((c) => c.method === 'bulkWrite');
      expect(bulk).toHaveLength(1);
      const [operations, options] = bulk[0].args as [Array<{ replaceOne: Record<string, unknown> }>, unknown];
      expect(options).toEqual({ ordered: false, writeConcern: MAJORITY_WRITE_CONCERN });
      expect(operations[0].replaceOne).toEqual({
        filter: {
          _id: 'a',
          $or: [
            { _pos: { $exists: false } },
            { '_pos.c': { $lt: Long.fromBigInt(10n) } },
            { '_pos.c': Long.fromBigInt(10n), '_pos.p': { $lt: Long.fromBigInt(4n) } },
          ],
        },
        replacement: {
          _pos: { c: Long.fromBigInt(10n), p: Long.fromBigInt(4n) },
          _del: false,
          username: 'ann',
        },
        upsert: true,
      });
      expect(operations[1].replaceOne.replacement).toEqual({
        _pos: { c: Long.fromBigInt(11n), p: Long.fromBigInt(11n) },
        _del: true,
      });
    });

    it('reads a duplicate key (11000) as "not older": skipped, and the rest of the call still counts', async () => {
      await store.write(1, [put('a', { username: 'ann' }, 5n)]);
      const applied = await store.write(1, [
        put('a', { username: 'older' }, 4n),
        put('b', { username: 'bob' }, 6n),
        put('a', { username: 'same' }, 5n),
        put('a', { username: 'newer' }, 7n),
      ]);
      expect(applied).toBe(2);
      expect(db.bulkErrors).toEqual([[11000, 11000]]);
      expect((await store.get(1, 'accounts', 'a'))?.doc).toEqual({ username: 'newer' });
    });

    it('is the duplicate key the fake raises, as the server does, when the _id exists with a newer position', async () => {
      await store.write(1, [put('a', { username: 'ann' }, 5n)]);
      const collection = db.collection('accounts_v1');
      const error = await failure(
        collection.bulkWrite(
          [
            {
              replaceOne: {
                filter: { _id: 'a', '_pos.c': { $lt: Long.fromBigInt(1n) } } as Document,
                replacement: { _pos: { c: Long.fromBigInt(1n), p: Long.fromBigInt(1n) }, _del: false },
                upsert: true,
              },
            },
          ],
          { ordered: false },
        ),
      );
      expect(error).toBeInstanceOf(MongoBulkWriteError);
      const writeErrors = (error as MongoBulkWriteError).writeErrors;
      expect(Array.isArray(writeErrors) ? writeErrors.map((e) => [e.index, e.code]) : []).toEqual([
        [0, 11000],
      ]);
    });

    describe('two writers racing to create one _id', () => {
      /**
       * Store A writes `a` at `mine`; between A's query (no document yet) and A's insert,
       * store B's write of `a` at `theirs` lands, so A's insert meets the duplicate key.
       */
      async function race(mine: bigint, theirs: bigint, more: Write[] = []) {
        const other = new MongoDbDocumentStore(db);
        db.beforeInsert = async () => {
          await other.write(1, [put('a', { username: `at ${theirs}` }, theirs)]);
        };
        const applied = await store.write(1, [put('a', { username: `at ${mine}` }, mine), ...more]);
        expect(db.beforeInsert).toBeUndefined();
        return { applied, stored: await store.get(1, 'accounts', 'a') };
      }

      it('keeps the newer document when the newer writer is the one refused', async () => {
        const { applied, stored } = await race(7n, 5n);
        expect(stored).toEqual({ id: 'a', position: pos(7), doc: { username: 'at 7' } });
        expect(applied).toBe(1);
      });

      it('keeps the newer document when the older writer is the one refused', async () => {
        const { applied, stored } = await race(5n, 7n);
        expect(stored).toEqual({ id: 'a', position: pos(7), doc: { username: 'at 7' } });
        expect(applied).toBe(0);
      });

      it('retries only the refused writes, as replaces without upsert, guarded by position', async () => {
        await store.write(1, [put('b', { username: 'bob' }, 3n)]);
        db.calls.length = 0;
        const { applied, stored } = await race(7n, 5n, [put('b', { username: 'old' }, 1n), put('c', {}, 2n)]);
        expect(applied).toBe(2);
        expect(stored?.position).toEqual(pos(7));
        expect((await store.get(1, 'accounts', 'b'))?.doc).toEqual({ username: 'bob' });
        const mine = db.calls.filter((c) => c.method === 'bulkWrite' && c.args[0] !== undefined);
        const retry = mine.at(-1)!.args as [Array<{ replaceOne: Record<string, unknown> }>, unknown];
        expect(retry[1]).toEqual({ ordered: false, writeConcern: MAJORITY_WRITE_CONCERN });
        expect(retry[0].map((op) => [op.replaceOne.filter, op.replaceOne.upsert])).toEqual([
          [expect.objectContaining({ _id: 'a' }), false],
          [expect.objectContaining({ _id: 'b' }), false],
        ]);
      });
    });

    it('needs no retry for meta values and checkpoints: the server retries an upsert on _id alone', async () => {
      const other = new MongoDbDocumentStore(db);
      db.beforeInsert = async () => {
        await other.setMeta('owner', 'other');
      };
      await store.setMeta('owner', 'this');
      expect(await other.getMeta('owner')).toBe('this');
      db.beforeInsert = async () => {
        await other.saveCheckpoint('projector', pos(9));
      };
      await store.saveCheckpoint('projector', pos(10));
      expect(await other.loadCheckpoint('projector')).toEqual(pos(10));
    });

    it('lets any other write error through as the driver reported it', async () => {
      db.failWrites({ 1: { code: 2, errmsg: 'BadValue' } });
      const error = await failure(
        store.write(1, [put('a', { username: 'ann' }, 1n), put('b', { username: 'b' }, 2n)]),
      );
      expect(error).toBeInstanceOf(MongoBulkWriteError);
      expect(error).toMatchObject({ code: 2 });
    });

    it('tells a failure of the whole command, which the driver wraps without write errors, by its own code', async () => {
      // The driver wraps any failure of a bulk's command (network, election, refusal) in a
      // MongoBulkWriteError without write errors, copying the failure's code and labels.
      const wrapped = (cause: Error) =>
        new MongoBulkWriteError(cause, { matchedCount: 0, upsertedCount: 0 } as unknown as BulkWriteResult);
      const refused = new MongoServerError({
        message:
          'not authorized on portal to execute command { update: "accounts_v1", updates: [ { q: { _id: "a" }, u: { username: "ann" } } ] }',
        code: 13,
        codeName: 'Unauthorized',
      });
      db.failNext('bulkWrite', wrapped(refused));
      const permanent = await failure(store.write(1, [put('a', { username: 'ann' }, 1n)]));
      expect(permanent).toBeInstanceOf(DocumentStoreUnavailableError);
      expect(permanent).toMatchObject({ retryable: false });
      expect((permanent as Error).message).toBe('MongoDB write failed (MongoBulkWriteError code 13)');

      for (const cause of [
        new MongoNetworkError('connection 4 to 10.0.0.5:27017 closed'),
        new MongoServerError({ message: 'not primary', code: 10107 }),
      ]) {
        db.failNext('bulkWrite', wrapped(cause));
        await expect(store.write(1, [put('a', { username: 'ann' }, 1n)])).rejects.toMatchObject({
          name: 'DocumentStoreUnavailableError',
          retryable: true,
        });
      }
    });

    it('turns a retryable write error into a retryable DocumentStoreUnavailableError', async () => {
      db.failWrites({ 0: { code: 11000, errmsg: 'dup' }, 1: { code: 91, errmsg: 'ShutdownInProgress' } });
      const error = await failure(
        store.write(1, [put('a', { username: 'ann' }, 1n), put('b', { username: 'b' }, 2n)]),
      );
      expect(error).toBeInstanceOf(DocumentStoreUnavailableError);
      expect(error).toMatchObject({ retryable: true, code: 'DOCUMENT_STORE_UNAVAILABLE' });
    });

    it('fails as retryable when majority was not confirmed, with or without skipped writes', async () => {
      const concern = () => ({ code: 64, errmsg: 'waiting for replication timed out' });
      db.failWrites({}, concern());
      await expect(store.write(1, [put('a', { username: 'ann' }, 1n)])).rejects.toMatchObject({
        name: 'DocumentStoreUnavailableError',
        retryable: true,
      });
      db.failWrites({ 0: { code: 11000, errmsg: 'dup' } }, concern());
      await expect(
        store.write(1, [put('a', { username: 'ann' }, 1n), put('b', { username: 'b' }, 2n)]),
      ).rejects.toMatchObject({
        name: 'DocumentStoreUnavailableError',
        retryable: true,
      });
    });

    it('sends nothing when any write of the call is refused', async () => {
      await expect(
        store.write(1, [put('a', { username: 'ann' }, 1n), put('b', { _id: 'x' }, 2n)]),
      ).rejects.toMatchObject({ code: 'DOCUMENT_RESERVED_KEY' });
      expect(db.calls.filter((c) => c.method === 'bulkWrite')).toEqual([]);
    });

    it('settles every collection of a call before reporting a failure', async () => {
      await store.ensure(1, [{ name: 'history', indexes: [] }]);
      let release!: () => void;
      db.gate = new Promise((resolve) => (release = resolve));
      db.failNext('bulkWrite', new MongoNetworkError('connection reset'));
      let settled = false;
      const call = store
        .write(1, [
          put('a', { username: 'ann' }, 1n),
          { collection: 'history', id: 'h', doc: { t: 'x' }, position: pos(1) },
        ])
        .finally(() => (settled = true));
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
      // The accounts bulk has failed, but the history bulk is still in flight: the call waits for it.
      expect(settled).toBe(false);
      release();
      const error = await failure(call);
      expect(error).toBeInstanceOf(DocumentStoreUnavailableError);
      expect(db.raw('history_v1', 'h')).toBeDefined();
    });
  });

  describe('list', () => {
    it('sends one lower bound on _id: the prefix, or the cursor once it is past the prefix', async () => {
      await store.list(1, 'accounts', { prefix: 'acc/', limit: 5 });
      await store.list(1, 'accounts', { prefix: 'acc/', afterId: 'a', limit: 5 });
      await store.list(1, 'accounts', { prefix: 'acc/', afterId: 'acc/9', limit: 5 });
      await store.list(1, 'accounts', { limit: 5 });
      const filters = db.calls.filter((c) => c.method === 'find').map((c) => c.args[0]);
      expect(filters).toEqual([
        { _del: false, _id: { $gte: 'acc/', $lt: 'acc0' } },
        { _del: false, _id: { $gte: 'acc/', $lt: 'acc0' } },
        { _del: false, _id: { $gt: 'acc/9', $lt: 'acc0' } },
        { _del: false },
      ]);
    });
  });

  describe('write concern', () => {
    it('asks for majority, with a bound on the wait, on every write', async () => {
      await store.ensure(2, [accounts]);
      await store.write(2, [put('a', { username: 'ann' }, 1n)]);
      await store.setMeta('k', 1);
      await store.setMeta('k', undefined);
      await store.saveCheckpoint('c', pos(1));
      await store.drop(2, [accounts]);
      const writes = db.calls.filter((c) =>
        ['bulkWrite', 'updateOne', 'deleteOne', 'createCollection', 'dropCollection'].includes(c.method),
      );
      expect(new Set(writes.map((c) => c.method))).toEqual(
        new Set(['bulkWrite', 'updateOne', 'deleteOne', 'createCollection', 'dropCollection']),
      );
      for (const call of writes) {
        const options = call.args[call.args.length - 1] as { writeConcern?: unknown };
        expect([call.method, options.writeConcern]).toEqual([
          call.method,
          { w: 'majority', wtimeoutMS: MAJORITY_WTIMEOUT_MS },
        ]);
      }
    });
  });

  describe('ensure and drop', () => {
    it('creates a compound index per field, and a second ensure is harmless', async () => {
      await store.ensure(1, [accounts]);
      const created = db.calls.filter((c) => c.method === 'createIndex').map((c) => c.args[0]);
      expect(created).toEqual([
        { username: 1, _id: 1 },
        { emails: 1, _id: 1 },
      ]);
      expect(db.indexes('accounts_v1')).toEqual(new Set(['username_1__id_1', 'emails_1__id_1']));
    });

    it('drops the collection and forgets its spec', async () => {
      await store.write(1, [put('a', { username: 'ann' }, 1n)]);
      await store.drop(1, [accounts]);
      expect(db.collectionNames()).toEqual([META_COLLECTION]);
      expect(db.raw(META_COLLECTION, 'collection:accounts_v1')).toBeUndefined();
    });
  });

  describe('a generation dropped by another process', () => {
    const history = { name: 'history', indexes: ['kind'] };
    const event = (id: string, commit: bigint): Write => ({
      collection: 'history',
      id,
      doc: { kind: 'login' },
      position: pos(commit),
    });

    /** This store has written generation 1 (so knows its collections); another process rebuilds to 2 and drops 1. */
    async function rebuiltElsewhere(): Promise<MongoDbDocumentStore> {
      await store.ensure(1, [history]);
      await store.write(1, [put('a', { username: 'ann' }, 1n), event('a/1', 1n)]);
      const other = new MongoDbDocumentStore(db);
      await other.ensure(2, [accounts, history]);
      await other.drop(1, [accounts, history]);
      return other;
    }

    it('refuses the next write of a process that still knows it, and does not recreate it', async () => {
      await rebuiltElsewhere();
      expect(db.collectionNames()).toEqual(['accounts_v2', 'history_v2', META_COLLECTION]);
      db.calls.length = 0;
      const error = await failure(store.write(1, [put('b', { username: 'bob' }, 2n), event('b/2', 2n)]));
      expect(error).toBeInstanceOf(DocumentRequestError);
      expect(error).toMatchObject({ code: 'DOCUMENT_COLLECTION_UNKNOWN' });
      expect((error as Error).message).toMatch(/generation 1 has no such collection/);
      expect(db.calls.filter((c) => c.method === 'bulkWrite')).toEqual([]);
      expect(db.collectionNames()).toEqual(['accounts_v2', 'history_v2', META_COLLECTION]);
      // The generation that replaced it takes the same write.
      expect(await store.write(2, [put('b', { username: 'bob' }, 2n), event('b/2', 2n)])).toBe(2);
    });

    it('removes what a write racing the drop created, and fails that write', async () => {
      await store.ensure(1, [history]);
      await store.write(1, [put('a', { username: 'ann' }, 1n)]);
      let release!: () => void;
      db.gate = new Promise((resolve) => (release = resolve));
      // Past its check of the generation, the write waits in the driver while the other process drops it.
      const call = failure(store.write(1, [put('b', { username: 'bob' }, 2n), event('b/2', 2n)]));
      while (db.calls.filter((c) => c.method === 'bulkWrite').length < 2) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      await new MongoDbDocumentStore(db).drop(1, [accounts, history]);
      release();
      db.gate = undefined;
      const error = await call;
      expect(error).toMatchObject({ code: 'DOCUMENT_COLLECTION_UNKNOWN' });
      expect((error as Error).message).toMatch(/dropped/);
      expect(db.collectionNames()).toEqual([META_COLLECTION]);
    });
  });

  describe('failures', () => {
    it('turns a network error into a retryable DocumentStoreUnavailableError that keeps the cause', async () => {
      const cause = new MongoNetworkError('connection 3 to 10.0.0.5:27017 closed');
      db.failNext('findOne', cause);
      const error = await failure(store.get(1, 'accounts', 'a'));
      expect(error).toBeInstanceOf(DocumentStoreUnavailableError);
      expect(error).toMatchObject({ retryable: true, cause });
      expect((error as Error).message).toBe('MongoDB get failed (MongoNetworkError)');
    });

    it('treats elections and shutdowns as retryable, by code or by label', async () => {
      db.failNext('updateOne', new MongoServerError({ message: 'not primary', code: 10107 }));
      await expect(store.saveCheckpoint('c', pos(1))).rejects.toMatchObject({ retryable: true });
      const labelled = new MongoServerError({ message: 'x', code: 999 });
      labelled.addErrorLabel('RetryableWriteError');
      db.failNext('find', labelled);
      await expect(store.list(1, 'accounts', { limit: 5 })).rejects.toMatchObject({ retryable: true });
    });

    it('lets other server errors through unchanged, without quoting them in a wrapper', async () => {
      const bad = new MongoServerError({ message: 'unknown operator', code: 2 });
      db.failNext('countDocuments', bad);
      await expect(store.count(1, 'accounts')).rejects.toBe(bad);
    });

    it('ignores NamespaceExists from createCollection but not other errors', async () => {
      await store.ensure(1, [accounts]);
      db.failNext('createCollection', new MongoServerError({ message: 'Unauthorized', code: 13 }));
      await expect(store.ensure(3, [accounts])).rejects.toMatchObject({ code: 13 });
    });
  });

  it('pings with { ping: 1 } and closes the client once', async () => {
    const close = jest.fn(async () => undefined);
    const closing = new MongoDbDocumentStore(db, { close });
    await closing.ping();
    expect(db.calls.at(-1)).toEqual({ collection: '', method: 'command', args: [{ ping: 1 }] });
    await closing.close();
    await closing.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('MongoDbDocumentStore leases', () => {
  it('refuses an old holder’s checkpoint in its write filter even when its lease read raced the takeover', async () => {
    const db = new FakeMongoDb();
    const a = new MongoDbDocumentStore(db);
    const b = new MongoDbDocumentStore(db);
    const old = (await a.acquireLease('projector', 'a', 1000, { now: 1 }))!;
    const taken = (await b.acquireLease('projector', 'b', 1000, { now: 5000 }))!;
    await b.saveCheckpoint('projector-v1', pos(7), { fence: { lease: 'projector', token: taken.token } });
    // A read the lease just before B took it: its own check passes, the filter must not.
    jest.spyOn(a, 'getLease').mockResolvedValue(old);
    await expect(
      a.saveCheckpoint('projector-v1', pos(3), { fence: { lease: 'projector', token: old.token } }),
    ).rejects.toMatchObject({ name: 'LeaseLostError', code: 'DOCUMENT_LEASE_LOST' });
    expect(await b.loadCheckpoint('projector-v1')).toEqual(pos(7));
    const stored = await db.collection(META_COLLECTION).findOne({ _id: 'checkpoint:projector-v1' });
    expect(stored).toMatchObject({ 'fence:projector': taken.token });
  });

  it('takes a lease with one findOneAndUpdate filtered on expiry, and reads a racing insert (11000) as held', async () => {
    const db = new FakeMongoDb();
    const store = new MongoDbDocumentStore(db);
    expect(await store.acquireLease('l', 'a', 1000, { now: 10 })).toMatchObject({ holder: 'a', token: 1 });
    const takeover = db.calls.filter((c) => c.method === 'findOneAndUpdate').at(-1)!;
    expect(takeover.args[0]).toEqual({ _id: 'lease:l', $or: [{ expiresAt: { $lte: 10 } }] });
    expect(takeover.args[2]).toMatchObject({
      upsert: true,
      returnDocument: 'after',
      writeConcern: { w: 'majority' },
    });
    // Held and unexpired: the filter misses, the upsert collides on _id.
    expect(await store.acquireLease('l', 'b', 1000, { now: 500 })).toBeUndefined();
  });
});

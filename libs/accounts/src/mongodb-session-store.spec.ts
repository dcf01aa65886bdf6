import { type Db, MongoNetworkError, MongoServerError } from 'mongodb';
import { MongoSessionStore, SessionDocumentError } from './mongodb-session-store';
import { DEFAULT_TIMEOUTS, SessionExistsError } from './session-store.port';
import { FakeSessionCollection } from './testing/fake-session-collection';
import { describeSessionStoreContract } from './testing/session-store.contract';

describeSessionStoreContract('MongoDB on a faked collection', async () => {
  const collection = new FakeSessionCollection();
  return {
    open: async (timeouts) => new MongoSessionStore(collection, { timeouts }),
    cleanup: async () => undefined,
  };
});

describe('MongoSessionStore', () => {
  const t0 = Date.UTC(2026, 10, 22, 10, 0, 0);
  const session = { sessionId: 'sess-1', accountId: 'acc-1', createdAt: t0, mustChangePassword: true };
  let collection: FakeSessionCollection;
  let store: MongoSessionStore;

  beforeEach(() => {
    collection = new FakeSessionCollection();
    store = new MongoSessionStore(collection, { revokeAttempts: 3 });
  });

  it('stores one document under the token hash, with dates and an expiry at the absolute timeout', async () => {
    await store.create('hash-1', session);
    expect(collection.read('hash-1')).toEqual({
      _id: 'hash-1',
      sessionId: 'sess-1',
      accountId: 'acc-1',
      createdAt: new Date(t0),
      lastSeenAt: new Date(t0),
      expiresAt: new Date(t0 + DEFAULT_TIMEOUTS.absoluteMs),
      mustChangePassword: true,
      revokedAt: null,
    });
  });

  it('creates its indexes once, before the first write: by account, unique session id, TTL on the expiry', async () => {
    await store.create('hash-1', session);
    await store.create('hash-2', { ...session, sessionId: 'sess-2' });
    await store.revokeAllFor('acc-1', t0 + 1);
    expect(collection.calls.filter((c) => c === 'createIndexes')).toHaveLength(1);
    expect(collection.calls[0]).toBe('createIndexes');
    expect(collection.indexes).toEqual([
      { key: { accountId: 1 } },
      { key: { sessionId: 1 }, unique: true },
      { key: { expiresAt: 1 }, expireAfterSeconds: 0 },
    ]);
  });

  it('tries the indexes again on the next write after they failed, and writes nothing meanwhile', async () => {
    collection.failNext('createIndexes', new MongoNetworkError('connection reset'));
    await expect(store.create('hash-1', session)).rejects.toBeInstanceOf(MongoNetworkError);
    expect(collection.size).toBe(0);
    await store.create('hash-1', session);
    expect(collection.indexes).toHaveLength(3);
    expect(collection.size).toBe(1);
  });

  it('lets the TTL monitor delete a session once its absolute timeout has passed, and not before', async () => {
    await store.create('hash-1', session);
    expect(collection.runTtlMonitor(new Date(t0 + DEFAULT_TIMEOUTS.absoluteMs - 1))).toBe(0);
    expect(collection.runTtlMonitor(new Date(t0 + DEFAULT_TIMEOUTS.absoluteMs))).toBe(1);
    expect(await store.touch('hash-1', t0 + 1)).toBeUndefined();
  });

  it('touches with one findOneAndUpdate whose filter admits only a live session', async () => {
    await store.create('hash-1', session);
    collection.calls.length = 0;
    const now = t0 + 60_000;
    expect(await store.touch('hash-1', now)).toEqual({ ...session, lastSeenAt: now });
    expect(collection.calls).toEqual(['findOneAndUpdate']);
    expect(collection.filters.at(-1)).toEqual({
      _id: 'hash-1',
      revokedAt: null,
      lastSeenAt: { $gt: new Date(now - DEFAULT_TIMEOUTS.idleMs) },
      createdAt: { $gt: new Date(now - DEFAULT_TIMEOUTS.absoluteMs) },
    });
    expect(collection.read('hash-1')?.lastSeenAt).toEqual(new Date(now));
  });

  it('ends a session for every instance once one instance revoked it', async () => {
    const other = new MongoSessionStore(collection);
    await store.create('hash-1', session);
    const [touched] = await Promise.all([store.touch('hash-1', t0 + 1), other.revoke('hash-1', t0 + 1)]);
    expect(touched).toBeDefined();
    expect(await store.touch('hash-1', t0 + 2)).toBeUndefined();
    expect(collection.read('hash-1')?.revokedAt).toEqual(new Date(t0 + 1));
  });

  it('revokes with one updateMany, and retries it when it fails, since running it twice ends the same sessions', async () => {
    await store.create('hash-1', session);
    await store.create('hash-2', { ...session, sessionId: 'sess-2' });
    collection.calls.length = 0;
    collection.failNext('updateMany', new MongoNetworkError('connection reset'));
    expect(await store.revokeAllFor('acc-1', t0 + 5)).toBe(2);
    expect(collection.calls).toEqual(['updateMany', 'updateMany']);
    expect(collection.filters.at(-1)).toEqual({ accountId: 'acc-1', revokedAt: null });
    expect(collection.read('hash-2')?.revokedAt).toEqual(new Date(t0 + 5));
  });

  it('throws the last error once its attempts are spent, and never reports a revocation it did not make', async () => {
    await store.create('hash-1', session);
    const notPrimary = new MongoServerError({ errmsg: 'not primary', code: 10107 });
    collection.failNext(
      'updateMany',
      new MongoNetworkError('reset'),
      new MongoNetworkError('reset'),
      notPrimary,
    );
    await expect(store.revokeAllFor('acc-1', t0 + 5)).rejects.toBe(notPrimary);
    expect(collection.calls.filter((c) => c === 'updateMany')).toHaveLength(3);
    expect(await store.touch('hash-1', t0 + 6)).toBeDefined();
  });

  it('turns a duplicate key into SESSION_EXISTS and passes any other error through', async () => {
    await store.create('hash-1', session);
    await expect(store.create('hash-1', { ...session, sessionId: 'sess-2' })).rejects.toBeInstanceOf(
      SessionExistsError,
    );
    await expect(store.create('hash-2', session)).rejects.toMatchObject({ code: 'SESSION_EXISTS' });
    const refused = new MongoServerError({ errmsg: 'not primary', code: 10107 });
    collection.failNext('insertOne', refused);
    await expect(store.create('hash-3', { ...session, sessionId: 'sess-3' })).rejects.toBe(refused);
  });

  it('refuses a stored session with a field of the wrong type, naming the field and not the token hash', async () => {
    collection.put({
      _id: 'hash-bad',
      sessionId: 'sess-1',
      accountId: 'acc-1',
      createdAt: new Date(t0),
      lastSeenAt: new Date(t0),
      expiresAt: new Date(t0 + 1),
      mustChangePassword: 'yes',
      revokedAt: null,
    });
    const error = await store.touch('hash-bad', t0 + 1).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SessionDocumentError);
    expect(error).toMatchObject({ code: 'SESSION_DOCUMENT_INVALID', field: 'mustChangePassword' });
    expect((error as Error).message).not.toContain('hash-bad');
  });

  it('pings through the collection when it was given no database command', async () => {
    await store.ping();
    expect(collection.calls).toEqual(['findOne']);
  });

  it('opens the collection with majority write and read concerns, pings the database, closes what it was given', async () => {
    const opened: unknown[] = [];
    const commands: unknown[] = [];
    const db = {
      collection: (name: string, options: unknown) => {
        opened.push([name, options]);
        return collection;
      },
      command: async (command: unknown) => {
        commands.push(command);
        return { ok: 1 };
      },
    } as unknown as Db;
    let closed = 0;
    const fromDb = MongoSessionStore.fromDb(db, { close: async () => void closed++ });
    expect(opened).toEqual([
      [
        'sessions',
        { writeConcern: { w: 'majority' }, readConcern: { level: 'majority' }, readPreference: 'primary' },
      ],
    ]);
    await fromDb.ping();
    expect(commands).toEqual([{ ping: 1 }]);
    await fromDb.close();
    expect(closed).toBe(1);
    MongoSessionStore.fromDb(db, { collection: 'sessions_other' });
    expect(opened.at(-1)).toEqual([
      'sessions_other',
      expect.objectContaining({ writeConcern: { w: 'majority' } }),
    ]);
  });

  it("carries the client's bound on a majority write's wait over to its collection", () => {
    // The collection's own write concern replaces the client's whole, so the bound must be copied.
    const opened: unknown[] = [];
    const bounded = {
      writeConcern: { w: 'majority', wtimeoutMS: 1234 },
      collection: (name: string, options: unknown) => {
        opened.push([name, options]);
        return {};
      },
      command: async () => ({ ok: 1 }),
    } as unknown as Db;
    MongoSessionStore.fromDb(bounded);
    expect(opened).toEqual([
      [
        'sessions',
        {
          writeConcern: { w: 'majority', wtimeoutMS: 1234 },
          readConcern: { level: 'majority' },
          readPreference: 'primary',
        },
      ],
    ]);
  });
});

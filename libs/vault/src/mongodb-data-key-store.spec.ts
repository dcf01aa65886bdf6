import { randomBytes } from 'node:crypto';
import { BSON, type Db, MongoServerError } from 'mongodb';
import { KeyErasedError } from './data-key-store';
import { MasterKeyRing, masterKeyId } from './master-keys';
import {
  type DataKeyCollection,
  type DataKeyDocument,
  DataKeyRaceError,
  MongoDataKeyStore,
  type PendingFilter,
} from './mongodb-data-key-store';
import { describeDataKeyStoreContract } from './testing/data-key-store.contract';

type Update = Parameters<DataKeyCollection['updateOne']>[1];

function duplicateKey(id: string): MongoServerError {
  // The shape the server sends and the driver (mongodb 7) throws from insertOne and upserts.
  return new MongoServerError({
    errmsg: `E11000 duplicate key error collection: portal.data_keys index: _id_ dup key: { _id: "${id}" }`,
    code: 11000,
    codeName: 'DuplicateKey',
  });
}

/**
 * An in-memory `data_keys` collection that behaves as the driver documents for the
 * calls the adapter makes: documents round-trip through BSON (a Buffer comes back as a
 * Binary, or a Buffer with promoteBuffers), a second insert of one _id throws
 * MongoServerError 11000, `$ne` matches a missing field, updates report matched and
 * modified counts. Any other operator throws, so the fake cannot silently accept a
 * query the adapter was never tested with.
 */
class FakeDataKeyCollection implements DataKeyCollection {
  readonly docs = new Map<string, Uint8Array>();
  /** Documents a majority read does not see yet (inserted by a racing process, not yet replicated). */
  readonly notYetVisible = new Map<string, number>();
  readonly calls: string[] = [];
  beforeInsert: (() => Promise<void>) | undefined;
  afterFind: (() => Promise<void>) | undefined;
  failNextUpdate: Error | undefined;

  constructor(private readonly promoteBuffers = false) {}

  private read(id: string): DataKeyDocument | undefined {
    const raw = this.docs.get(id);
    return raw && (BSON.deserialize(raw, { promoteBuffers: this.promoteBuffers }) as DataKeyDocument);
  }

  private write(doc: DataKeyDocument): void {
    this.docs.set(doc._id, BSON.serialize(doc));
  }

  private visible(id: string): boolean {
    const hidden = this.notYetVisible.get(id) ?? 0;
    if (hidden === 0) return true;
    this.notYetVisible.set(id, hidden - 1);
    return false;
  }

  async findOne(filter: { _id: string }): Promise<DataKeyDocument | null> {
    this.calls.push('findOne');
    expectKeys(filter, ['_id']);
    if (!this.visible(filter._id)) return null;
    return this.read(filter._id) ?? null;
  }

  async insertOne(doc: DataKeyDocument & { wrapped: Buffer }): Promise<unknown> {
    this.calls.push('insertOne');
    await this.beforeInsert?.();
    if (this.docs.has(doc._id)) throw duplicateKey(doc._id);
    this.write(doc);
    return { acknowledged: true, insertedId: doc._id };
  }

  async updateOne(
    filter: { _id: string; masterKeyId?: string },
    update: Update,
    options: { upsert?: boolean } = {},
  ): Promise<{ matchedCount: number; modifiedCount: number; upsertedCount: number }> {
    this.calls.push('updateOne');
    expectKeys(filter, ['_id', 'masterKeyId']);
    expectKeys(update, ['$set', '$unset', '$min']);
    if (this.failNextUpdate) {
      const error = this.failNextUpdate;
      this.failNextUpdate = undefined;
      throw error;
    }
    const found = this.read(filter._id);
    const matches =
      found !== undefined && (!('masterKeyId' in filter) || found.masterKeyId === filter.masterKeyId);
    if (!matches && !options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
    if (!matches && found) throw duplicateKey(filter._id);
    const doc: DataKeyDocument = found ? { ...found } : { _id: filter._id };
    Object.assign(doc, update.$set ?? {});
    for (const field of Object.keys(update.$unset ?? {})) delete doc[field as keyof DataKeyDocument];
    if (update.$min && (doc.erasedAt === undefined || update.$min.erasedAt < doc.erasedAt))
      doc.erasedAt = update.$min.erasedAt;
    const before = this.docs.get(filter._id);
    this.write(doc);
    const modified = before !== undefined && !Buffer.from(before).equals(this.docs.get(filter._id)!);
    return found
      ? { matchedCount: 1, modifiedCount: modified ? 1 : 0, upsertedCount: 0 }
      : { matchedCount: 0, modifiedCount: 0, upsertedCount: 1 };
  }

  private pending(filter: PendingFilter): DataKeyDocument[] {
    expectKeys(filter, ['wrapped', 'masterKeyId', '_id']);
    expect(filter.wrapped).toEqual({ $exists: true });
    return [...this.docs.keys()]
      .map((id) => this.read(id)!)
      .filter(
        (d) =>
          d.wrapped !== undefined &&
          d.masterKeyId !== filter.masterKeyId.$ne &&
          (filter._id === undefined || d._id > filter._id.$gt),
      );
  }

  find(filter: PendingFilter, options: { sort: { _id: 1 }; limit: number }) {
    this.calls.push('find');
    expect(options.sort).toEqual({ _id: 1 });
    const page = this.pending(filter)
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .slice(0, options.limit);
    return {
      toArray: async () => {
        await this.afterFind?.();
        return page;
      },
    };
  }

  async countDocuments(filter: PendingFilter): Promise<number> {
    return this.pending(filter).length;
  }

  aggregate(pipeline: [{ $group: { _id: '$masterKeyId'; count: { $sum: 1 } } }]) {
    expect(pipeline).toEqual([{ $group: { _id: '$masterKeyId', count: { $sum: 1 } } }]);
    const groups = new Map<string | null, number>();
    for (const id of this.docs.keys()) {
      const key = this.read(id)!.masterKeyId ?? null;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    return { toArray: async () => [...groups].map(([_id, count]) => ({ _id, count })) };
  }

  async createIndex(spec: { masterKeyId: 1 }): Promise<string> {
    expect(spec).toEqual({ masterKeyId: 1 });
    return 'masterKeyId_1';
  }
}

function expectKeys(value: object, allowed: string[]): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new Error(`The fake does not support ${unknown.join(', ')}`);
}

describeDataKeyStoreContract('MongoDB on a faked collection', async () => {
  const collection = new FakeDataKeyCollection();
  return { open: async (keys) => new MongoDataKeyStore(collection, keys), cleanup: async () => undefined };
});

describeDataKeyStoreContract('MongoDB on a faked collection with promoteBuffers', async () => {
  const collection = new FakeDataKeyCollection(true);
  return { open: async (keys) => new MongoDataKeyStore(collection, keys), cleanup: async () => undefined };
});

describe('MongoDataKeyStore', () => {
  const master = randomBytes(32);
  let collection: FakeDataKeyCollection;
  let store: MongoDataKeyStore;

  beforeEach(() => {
    collection = new FakeDataKeyCollection();
    store = new MongoDataKeyStore(collection, master, { raceAttempts: 4 });
  });

  it('stores the key wrapped, with its master-key id, as a BSON Binary under the account id', async () => {
    const key = await store.getOrCreate('acc-1');
    const raw = collection.docs.get('acc-1')!;
    expect(Buffer.from(raw).includes(key)).toBe(false);
    const doc = BSON.deserialize(raw);
    expect(doc).toMatchObject({ _id: 'acc-1', masterKeyId: masterKeyId(master) });
    expect(doc.wrapped).toBeInstanceOf(BSON.Binary);
    expect(doc.createdAt).toBeInstanceOf(Date);
  });

  it('reads the key of the process that won the insert race, without making another', async () => {
    const rival = new MongoDataKeyStore(collection, master);
    let rivalKey: Buffer | undefined;
    collection.beforeInsert = async () => {
      collection.beforeInsert = undefined;
      rivalKey = await rival.getOrCreate('acc-1');
    };
    const key = await store.getOrCreate('acc-1');
    expect(key.equals(rivalKey!)).toBe(true);
    expect(collection.calls.filter((c) => c === 'insertOne')).toHaveLength(2);
  });

  it("keeps reading after a duplicate key until the winner's key is visible to majority reads", async () => {
    const winner = await new MongoDataKeyStore(collection, master).getOrCreate('acc-1');
    collection.notYetVisible.set('acc-1', 2);
    expect((await store.getOrCreate('acc-1')).equals(winner)).toBe(true);
  });

  it('gives up with a coded error, never a second key, when the winner never shows', async () => {
    await new MongoDataKeyStore(collection, master).getOrCreate('acc-1');
    const stored = collection.docs.get('acc-1');
    collection.notYetVisible.set('acc-1', 100);
    const attempt = store.getOrCreate('acc-1');
    await expect(attempt).rejects.toBeInstanceOf(DataKeyRaceError);
    await expect(attempt).rejects.toMatchObject({ code: 'DATA_KEY_RACE_UNRESOLVED' });
    expect(collection.docs.get('acc-1')).toBe(stored);
  });

  it('refuses when the race was lost to an erasure', async () => {
    collection.beforeInsert = async () => {
      collection.beforeInsert = undefined;
      await new MongoDataKeyStore(collection, master).erase('acc-1');
    };
    await expect(store.getOrCreate('acc-1')).rejects.toBeInstanceOf(KeyErasedError);
  });

  it('retries an erasure whose upsert lost a race to insert the same account', async () => {
    await store.getOrCreate('acc-1');
    collection.failNextUpdate = duplicateKey('acc-1');
    await store.erase('acc-1');
    expect(await store.get('acc-1')).toBe('erased');
    collection.failNextUpdate = new MongoServerError({ errmsg: 'not primary', code: 10107 });
    await expect(store.erase('acc-2')).rejects.toMatchObject({ code: 10107 });
  });

  it('keeps the time of the first erasure', async () => {
    await store.erase('acc-1');
    const first = BSON.deserialize(collection.docs.get('acc-1')!).erasedAt as Date;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.erase('acc-1');
    expect(BSON.deserialize(collection.docs.get('acc-1')!).erasedAt).toEqual(first);
  });

  it('rewrap leaves alone a key erased between reading its page and updating it', async () => {
    await store.getOrCreate('acc-1');
    await store.getOrCreate('acc-2');
    const rotated = new MongoDataKeyStore(collection, new MasterKeyRing(randomBytes(32), [master]));
    collection.afterFind = async () => {
      collection.afterFind = undefined;
      await store.erase('acc-1');
    };
    expect(await rotated.rewrap()).toEqual({ rewrapped: 1, skipped: 1, total: 2 });
    expect(await rotated.get('acc-1')).toBe('erased');
    expect(BSON.deserialize(collection.docs.get('acc-1')!)).not.toHaveProperty('wrapped');
  });

  it('opens the collection with majority write and read concerns, and pings the database', async () => {
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
    const fromDb = MongoDataKeyStore.fromDb(db, master);
    expect(opened).toEqual([
      [
        'data_keys',
        { writeConcern: { w: 'majority' }, readConcern: { level: 'majority' }, readPreference: 'primary' },
      ],
    ]);
    await fromDb.ping();
    expect(commands).toEqual([{ ping: 1 }]);
    await fromDb.close();
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
    MongoDataKeyStore.fromDb(bounded, master);
    expect(opened).toEqual([
      [
        'data_keys',
        {
          writeConcern: { w: 'majority', wtimeoutMS: 1234 },
          readConcern: { level: 'majority' },
          readPreference: 'primary',
        },
      ],
    ]);
  });
});

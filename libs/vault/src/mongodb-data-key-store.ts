/**
 * The production key store: one document per account in a MongoDB collection,
 * `{ _id: accountId, wrapped, masterKeyId, createdAt }`, or a tombstone
 * `{ _id: accountId, erasedAt }` once erased. Written against the narrow
 * `DataKeyCollection` below, which the driver's `Collection` (mongodb 7) satisfies;
 * unit tests hand it a fake that behaves as the driver documents.
 *
 * Writes use majority write concern and reads majority read concern, so a key a
 * caller was given survives a failover and every process reads the same one.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import {
  type DataKeyStore,
  KeyErasedError,
  type KeyStatus,
  type RewrapOptions,
  type RewrapResult,
  rewrapBatchSize,
} from './data-key-store';
import { MasterKeyRing } from './master-keys';

/** A BSON Binary as the driver returns it (bson 7: bytes in `buffer`, their length in `position`). */
export interface BinaryLike {
  _bsontype: 'Binary';
  value(): Uint8Array;
}

export interface DataKeyDocument {
  _id: string;
  /** A Buffer when written; the driver reads it back as a BSON Binary (a Buffer with `promoteBuffers`). */
  wrapped?: Buffer | Uint8Array | BinaryLike;
  masterKeyId?: string;
  createdAt?: Date;
  rewrappedAt?: Date;
  erasedAt?: Date;
}

/** What the adapter asks of `Collection<DataKeyDocument>`; nothing else. */
export interface DataKeyCollection {
  findOne(filter: { _id: string }): Promise<DataKeyDocument | null>;
  /** Throws a MongoServerError with code 11000 when the `_id` exists. */
  insertOne(doc: DataKeyDocument & { wrapped: Buffer }): Promise<unknown>;
  updateOne(
    filter: { _id: string; masterKeyId?: string },
    update: {
      $set?: { wrapped: Buffer; masterKeyId: string; rewrappedAt: Date };
      $unset?: { wrapped: ''; masterKeyId: '' };
      $min?: { erasedAt: Date };
    },
    options?: { upsert?: boolean },
  ): Promise<{ matchedCount: number; modifiedCount: number; upsertedCount: number }>;
  find(
    filter: PendingFilter,
    options: { sort: { _id: 1 }; limit: number },
  ): { toArray(): Promise<DataKeyDocument[]> };
  countDocuments(filter: PendingFilter): Promise<number>;
  aggregate(pipeline: [{ $group: { _id: '$masterKeyId'; count: { $sum: 1 } } }]): {
    toArray(): Promise<Array<{ _id?: string | null; count?: number }>>;
  };
  createIndex(spec: { masterKeyId: 1 }): Promise<string>;
}

/** Live keys not under the current master key, after a given account id. */
export interface PendingFilter {
  wrapped: { $exists: true };
  masterKeyId: { $ne: string };
  _id?: { $gt: string };
}

export interface MongoDataKeyStoreOptions {
  /** Runs a round trip to the server for `ping()`; by default a read of the collection. */
  ping?: () => Promise<unknown>;
  /** Called by `close()`: the store does not own a client it was handed. */
  close?: () => Promise<void>;
  /** How long to keep looking for a racing creator's key after a duplicate-key error. */
  raceAttempts?: number;
}

/** A creator lost the insert race yet could not read the winner's key in time: retry the request. */
export class DataKeyRaceError extends Error {
  readonly code = 'DATA_KEY_RACE_UNRESOLVED';
  constructor(readonly accountId: string) {
    super(`Another process created the data key of account ${accountId}, but it could not be read back yet`);
    this.name = 'DataKeyRaceError';
  }
}

export const DATA_KEYS_COLLECTION = 'data_keys';
const DUPLICATE_KEY = 11000;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

function bytes(value: DataKeyDocument['wrapped']): Buffer | undefined {
  if (value === undefined || value === null) return undefined;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value._bsontype === 'Binary') {
    const v = value.value();
    return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  throw new TypeError('wrapped is neither a Buffer nor a BSON Binary');
}

export class MongoDataKeyStore implements DataKeyStore {
  private readonly keys: MasterKeyRing;
  private indexed: Promise<string> | undefined;

  constructor(
    private readonly collection: DataKeyCollection,
    masterKeys: Buffer | MasterKeyRing,
    private readonly options: MongoDataKeyStoreOptions = {},
  ) {
    this.keys = MasterKeyRing.from(masterKeys);
  }

  /** The collection `data_keys` of a database, with majority read and write concerns (the write's wait bounded as the client's). */
  static fromDb(
    db: Db,
    masterKeys: Buffer | MasterKeyRing,
    options: MongoDataKeyStoreOptions & { collection?: string } = {},
  ): MongoDataKeyStore {
    const collection = db.collection<DataKeyDocument>(options.collection ?? DATA_KEYS_COLLECTION, {
      // Majority, with the client's own bound on the wait (an operation's or a collection's write
      // concern replaces the client's whole, so the bound is carried over).
      writeConcern: { ...db.writeConcern, w: 'majority' },
      readConcern: { level: 'majority' },
      readPreference: 'primary',
    });
    return new MongoDataKeyStore(collection, masterKeys, {
      ping: () => db.command({ ping: 1 }),
      ...options,
    });
  }

  async getOrCreate(accountId: string): Promise<Buffer> {
    const attempts = this.options.raceAttempts ?? 20;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const existing = await this.get(accountId);
      if (existing === 'erased') throw new KeyErasedError(accountId);
      if (existing !== undefined) return existing;
      const key = randomBytes(32);
      const { masterKeyId, wrapped } = this.keys.wrap(accountId, key);
      try {
        await this.collection.insertOne({ _id: accountId, wrapped, masterKeyId, createdAt: new Date() });
        return key;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Another process inserted first. Its key may not be majority-committed yet, so a
        // majority read can still miss it: read again, backing off, until it shows.
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 200)));
      }
    }
    throw new DataKeyRaceError(accountId);
  }

  async get(accountId: string): Promise<Buffer | 'erased' | undefined> {
    const doc = await this.collection.findOne({ _id: accountId });
    if (!doc) return undefined;
    const wrapped = bytes(doc.wrapped);
    if (doc.erasedAt != null || wrapped === undefined) return 'erased';
    if (doc.masterKeyId === undefined)
      throw new TypeError(`Data key of account ${accountId} lacks masterKeyId`);
    return this.keys.unwrap(accountId, { masterKeyId: doc.masterKeyId, wrapped });
  }

  async erase(accountId: string): Promise<void> {
    const shred = () =>
      this.collection.updateOne(
        { _id: accountId },
        // $min keeps the first erasure's time when erased twice.
        { $unset: { wrapped: '', masterKeyId: '' }, $min: { erasedAt: new Date() } },
        { upsert: true },
      );
    try {
      await shred();
    } catch (error) {
      // Two upserts of one new _id can race to insert; the loser's retry matches the winner's document.
      if (!isDuplicateKey(error)) throw error;
      await shred();
    }
  }

  async status(): Promise<KeyStatus> {
    await this.ensureIndex();
    const groups = await this.collection
      .aggregate([{ $group: { _id: '$masterKeyId', count: { $sum: 1 } } }])
      .toArray();
    const status: KeyStatus = { current: this.keys.current.id, byMasterKey: {}, unrecorded: 0, erased: 0 };
    for (const group of groups) {
      // Tombstones have no masterKeyId: they group under null.
      if (typeof group._id === 'string') status.byMasterKey[group._id] = group.count ?? 0;
      else status.erased += group.count ?? 0;
    }
    return status;
  }

  async rewrap(options?: RewrapOptions): Promise<RewrapResult> {
    const batchSize = rewrapBatchSize(options);
    await this.ensureIndex();
    const current = this.keys.current.id;
    const pending = (after?: string): PendingFilter => ({
      wrapped: { $exists: true },
      masterKeyId: { $ne: current },
      ...(after === undefined ? {} : { _id: { $gt: after } }),
    });
    const progress = { rewrapped: 0, skipped: 0, total: await this.collection.countDocuments(pending()) };
    let after: string | undefined;
    for (;;) {
      const page = await this.collection
        .find(pending(after), { sort: { _id: 1 }, limit: batchSize })
        .toArray();
      for (const doc of page) {
        const wrapped = bytes(doc.wrapped);
        if (wrapped === undefined || doc.masterKeyId === undefined) continue;
        const next = this.keys.wrap(
          doc._id,
          this.keys.unwrap(doc._id, { masterKeyId: doc.masterKeyId, wrapped }),
        );
        // Compare-and-set on the old master-key id: an erasure (which unsets it) or another
        // re-wrap since the page was read wins, and this update matches nothing.
        const result = await this.collection.updateOne(
          { _id: doc._id, masterKeyId: doc.masterKeyId },
          { $set: { wrapped: next.wrapped, masterKeyId: next.masterKeyId, rewrappedAt: new Date() } },
        );
        if (result.matchedCount === 1) progress.rewrapped++;
        else progress.skipped++;
      }
      if (page.length > 0) after = page[page.length - 1]._id;
      await options?.onProgress?.({ ...progress });
      if (page.length < batchSize) return progress;
    }
  }

  private ensureIndex(): Promise<string> {
    this.indexed ??= this.collection.createIndex({ masterKeyId: 1 }).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    return this.indexed;
  }

  async ping(): Promise<void> {
    if (this.options.ping) await this.options.ping();
    else await this.collection.findOne({ _id: '' });
  }

  async close(): Promise<void> {
    await this.options.close?.();
  }
}

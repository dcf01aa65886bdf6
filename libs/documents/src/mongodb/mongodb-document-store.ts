/**
 * The production read-model store on MongoDB (`mongodb` 7 driver).
 *
 * Layout: one collection per collection and generation (`accounts_v3`), documents
 * `{ _id, _pos: { c: Long, p: Long }, _del: boolean, ...body }`; a tombstone keeps
 * `_id`, `_pos` and `_del: true` only. `readmodel_meta` holds the meta values
 * (`meta:<key>`, JSON text so bigints read back exactly, as in SQLite), the
 * checkpoints (`checkpoint:<name>`, positions as Long) and each collection's indexed
 * fields (`collection:<table>`), which `find` checks and `write` validates against.
 *
 * A write is a conditional upsert: replace the document whose `_id` matches and
 * whose `_pos` is strictly before the new position (or missing). When the document
 * exists with a position that is not older, the filter matches nothing, the upsert
 * tries to insert the `_id` again and the server answers duplicate key (11000). The
 * same error comes when another writer inserted the `_id` between this upsert's query
 * and its insert, with a document that may be older (the server retries such an
 * upsert itself only when its query is an equality on `_id` alone). So every write
 * refused with 11000 is sent once more as a replace without upsert under the same
 * position filter: applied over an older document, skipped over one that is not. A
 * call is one unordered `bulkWrite` per collection (plus that retry), so skipped
 * writes do not stop the others; the position filter makes the end state independent
 * of the order in which mongod applies them.
 *
 * Leases (`lease:<name>` in `readmodel_meta`: holder, token, expiresAt, since) change
 * with one `findOneAndUpdate` each: a renewal filters on the holder; a takeover
 * filters on expiry (or the dead holder named by `replacing`), increments the token
 * and upserts, so that of two racing takers one inserts and the other gets duplicate
 * key (11000), read as "held". A fenced write reads the lease first and refuses an
 * older token; a fenced checkpoint also keeps its token (`fence`) and its filter
 * refuses an older one, so an old holder cannot move a checkpoint back once the new
 * holder saved one. The window left (between the lease read and a document write)
 * is harmless: the documents' own positions refuse older writes.
 *
 * MongoDB creates a missing collection at its first write, without indexes. So a
 * write reads its collections' specs afresh (one read per call) and refuses a
 * generation another process dropped, and when a drop lands between that read and
 * an insert, it reads them again, drops what the insert recreated, and fails.
 *
 * Every write uses `{ w: 'majority', wtimeoutMS }` (mongo-client.ts), so an
 * acknowledged write (and a checkpoint after it) survives a failover, and reads go to
 * the primary. Transport failures, elections and write-concern failures become a
 * retryable DocumentStoreUnavailableError; a bulk command the server refuses whole
 * becomes a non-retryable one (its message can quote the documents); anything else
 * is a bug or bad data and propagates as the driver reported it.
 */
import type {
  AnyBulkWriteOperation,
  Document,
  Long,
  MongoBulkWriteError,
  MongoClient,
  MongoClientOptions,
  WriteError,
} from 'mongodb';
import type { Position } from '@portal/event-store';
import {
  type CollectionSpec,
  type Doc,
  type DocumentStore,
  DocumentStoreUnavailableError,
  type AcquireLeaseOptions,
  type Fence,
  type FencedOptions,
  type FindOptions,
  type Lease,
  LeaseLostError,
  type ListOptions,
  type StoredDoc,
  type Write,
} from '../document-store.port';
import {
  bodyJson,
  decodeMeta,
  DocumentRequestError,
  encodeMeta,
  indexTerms,
  listRange,
  tableName,
  validateCollectionName,
  validateFence,
  validateField,
  validateLeaseRequest,
  validateFindOptions,
  validateGeneration,
  validateKey,
  validateListOptions,
  validatePosition,
  validateSpecs,
} from '../validation';
import { mongodbDriver } from './driver';
import {
  createMongoClient,
  dbNameFromUrl,
  MAJORITY_WRITE_CONCERN,
  type MongoBulkWriteResult,
  type MongoCollection,
  type MongoDatabase,
} from './mongo-client';

export interface MongoDbDocumentStoreOptions {
  /** The database; default: the one named in the URL, else `portal_read_models`. */
  dbName?: string;
  /** Passed to `createMongoClient` (TLS, pool size, stage timeouts); the read preference and `w` stay pinned. */
  clientOptions?: MongoClientOptions;
}

export const META_COLLECTION = 'readmodel_meta';
const DEFAULT_DB = 'portal_read_models';
const MAJORITY = MAJORITY_WRITE_CONCERN;
const DUPLICATE_KEY = 11000;
const NAMESPACE_EXISTS = 48;

/**
 * Server codes a retry can cure: the driver's retryable-read/write list (elections,
 * shutdowns, network), plus time limits and write-concern timeouts.
 */
const RETRYABLE_CODES = new Set([
  6, 7, 50, 64, 89, 91, 134, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436,
]);
const RETRYABLE_LABELS = [
  'RetryableWriteError',
  'RetryableError',
  'SystemOverloadedError',
  'TransientTransactionError',
];
/** Write-concern errors that a retry cannot cure: the deployment cannot satisfy `majority`. */
const MISCONFIGURED_WRITE_CONCERN = new Set([79, 100]);

function isRetryable(error: unknown): boolean {
  const {
    MongoError,
    MongoNetworkError,
    MongoOperationTimeoutError,
    MongoServerSelectionError,
    MongoWriteConcernError,
  } = mongodbDriver();
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoOperationTimeoutError
  ) {
    return true;
  }
  if (!(error instanceof MongoError)) return false;
  const code = Number(error.code);
  if (error instanceof MongoWriteConcernError) return !MISCONFIGURED_WRITE_CONCERN.has(code);
  return RETRYABLE_LABELS.some((label) => error.hasErrorLabel(label)) || RETRYABLE_CODES.has(code);
}

/**
 * The message names the operation and the driver's error class and code only: a
 * server message can quote a document (a duplicate key quotes the key). The
 * original stays in `cause`.
 */
function unavailable(what: string, error: unknown, retryable = true): DocumentStoreUnavailableError {
  const name = (error as { name?: unknown } | null)?.name;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = `${typeof name === 'string' ? name : 'error'}${code === undefined ? '' : ` code ${String(code)}`}`;
  return new DocumentStoreUnavailableError(`MongoDB ${what} failed (${detail})`, retryable, error);
}

function writeErrorsOf(error: MongoBulkWriteError): readonly WriteError[] {
  const errors = error.writeErrors;
  return Array.isArray(errors) ? errors : [errors as WriteError];
}

function hasWriteConcernError(error: MongoBulkWriteError): boolean {
  if (error.err) return true;
  const result = error.result as { getWriteConcernError?: () => unknown } | undefined;
  return typeof result?.getWriteConcernError === 'function' && result.getWriteConcernError() !== undefined;
}

function toLong(value: bigint): Long {
  return mongodbDriver().Long.fromBigInt(value);
}

/** Int64 values read back as Long, or as a number when they fit in 53 bits (the driver's `promoteLongs`). */
function toBigInt(value: unknown, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (mongodbDriver().Long.isLong(value)) return value.toBigInt();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new Error(`MongoDB document store: ${what} is not a 64-bit integer`);
}

function positionOf(pos: unknown, what: string): Position {
  const p = pos as { c?: unknown; p?: unknown } | null | undefined;
  if (!p || typeof p !== 'object') throw new Error(`MongoDB document store: ${what} has no _pos`);
  return { commit: toBigInt(p.c, `${what} _pos.c`), prepare: toBigInt(p.p, `${what} _pos.p`) };
}

function toStored<T extends Doc>(document: Document, collection: string): StoredDoc<T> {
  const { _id, _pos, _del, ...body } = document;
  void _del;
  return { id: _id as string, position: positionOf(_pos, `a document of ${collection}`), doc: body as T };
}

export class MongoDbDocumentStore implements DocumentStore {
  private readonly meta: MongoCollection;
  /** Indexed fields per table, as recorded by `ensure`; only known tables are cached. */
  private readonly specs = new Map<string, readonly string[]>();
  private closed = false;

  /**
   * Connects lazily (the driver connects on first use; `ping` for readiness). A URL the
   * driver cannot parse, or one asking for another read preference or `w`, throws
   * MongoUrlError here, without quoting the URL.
   * Positions round-trip as Long whatever the client's `promoteLongs`/`useBigInt64`.
   */
  static connect(url: string, options: MongoDbDocumentStoreOptions = {}): MongoDbDocumentStore {
    const client: MongoClient = createMongoClient(url, options.clientOptions);
    const db = client.db(options.dbName ?? dbNameFromUrl(url) ?? DEFAULT_DB);
    return new MongoDbDocumentStore(db, { close: () => client.close() });
  }

  constructor(
    private readonly db: MongoDatabase,
    private readonly options: { close?: () => Promise<void> } = {},
  ) {
    this.meta = db.collection(META_COLLECTION);
  }

  async ensure(generation: number, specs: readonly CollectionSpec[]): Promise<void> {
    this.assertOpen();
    validateSpecs(generation, specs);
    for (const spec of specs) {
      const table = tableName(spec.name, generation);
      await this.call('ensure', async () => {
        try {
          await this.db.createCollection(table, { writeConcern: MAJORITY });
        } catch (error) {
          if (!(error instanceof mongodbDriver().MongoError && Number(error.code) === NAMESPACE_EXISTS))
            throw error;
        }
        const collection = this.db.collection(table);
        for (const field of new Set(spec.indexes)) {
          // With `_id` second, one index serves the equality, the id order and the `afterId` cursor.
          // The driver takes no write concern per createIndexes call: the client's applies (majority,
          // bounded). A replica set finishes an index build only once its commit quorum (all voting
          // members by default) has built it.
          await collection.createIndex({ [field]: 1, _id: 1 }, {});
        }
        // Recorded last, so a collection is known only once its indexes exist. Indexes only grow,
        // as in SQLite: a model whose shape changes gets a new generation.
        await this.meta.updateOne(
          { _id: specId(table) },
          {
            $set: { name: spec.name, generation },
            $addToSet: { indexes: { $each: [...new Set(spec.indexes)] } },
          },
          { upsert: true, writeConcern: MAJORITY },
        );
      });
      this.specs.delete(table);
    }
  }

  /**
   * Nothing is deferred while a generation fills (EnsureOptions.fill), nor skipped for an
   * insert-only collection: a replayed insert fails the position filter as any replay does.
   */
  async finishFill(generation: number): Promise<void> {
    this.assertOpen();
    validateGeneration(generation);
  }

  async write(generation: number, writes: readonly Write[], options: FencedOptions = {}): Promise<number> {
    this.assertOpen();
    validateGeneration(generation);
    validateFence(options.fence);
    if (!Array.isArray(writes))
      throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'writes must be an array');
    if (writes.length === 0) return 0;

    // Every check runs before the first write is sent, so a refused call stores nothing.
    const tables = new Map<string, string>();
    for (let i = 0; i < writes.length; i++) {
      const write = writes[i];
      if (write === null || typeof write !== 'object') {
        throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', `write #${i} is not a write`);
      }
      if (!tables.has(write.collection)) {
        validateCollectionName(write.collection);
        tables.set(write.collection, tableName(write.collection, generation));
      }
    }
    // Read afresh, not from the cache: another process may have dropped the generation since
    // (a rebuild drops the old one), and MongoDB would recreate a dropped collection, without
    // its indexes, at the first write.
    const specs = await this.currentSpecs([...tables.values()]);
    const indexes = new Map<string, readonly string[]>();
    for (const [collection, table] of tables) {
      const fields = specs.get(table);
      if (!fields) {
        const index = writes.findIndex((w) => w.collection === collection);
        throw new DocumentRequestError(
          'DOCUMENT_COLLECTION_UNKNOWN',
          `write #${index} to ${collection}: generation ${generation} has no such collection (never ensured, or dropped)`,
        );
      }
      indexes.set(collection, fields);
    }
    await this.checkFence(options.fence);
    const batches = new Map<string, AnyBulkWriteOperation<Document>[]>();
    for (let i = 0; i < writes.length; i++) {
      const write = writes[i];
      const json = bodyJson(write, i);
      indexTerms(write.doc, indexes.get(write.collection)!, write.collection, i, true);
      const table = tables.get(write.collection)!;
      let operations = batches.get(table);
      if (!operations) batches.set(table, (operations = []));
      operations.push(conditionalUpsert(write, json));
    }

    // allSettled: a failed call returns only once none of its writes is still in flight,
    // so a caller's retry never races this call's own upserts.
    const outcomes = await Promise.allSettled(
      [...batches].map(([table, operations]) => this.bulkWrite(table, operations)),
    );
    // A drop between the check above and an insert recreated the collection: the drop removed
    // the spec first, so reading it again tells, and the collection goes again. Only an insert
    // (or a failure, whose effect is unknown) can create a collection.
    const created = [...batches.keys()].filter(
      (_, i) =>
        outcomes[i].status === 'rejected' || (outcomes[i] as PromiseFulfilledResult<Applied>).value.inserted,
    );
    if (created.length > 0) {
      const still = await this.currentSpecs(created);
      const gone = created.filter((table) => !still.has(table));
      if (gone.length > 0) {
        await this.call('drop', async () => {
          for (const table of gone) await this.db.dropCollection(table, { writeConcern: MAJORITY });
        });
        const [collection] = [...tables].find(([, table]) => table === gone[0])!;
        throw new DocumentRequestError(
          'DOCUMENT_COLLECTION_UNKNOWN',
          `write to ${collection}: generation ${generation} was dropped while this call wrote to it`,
        );
      }
    }
    let applied = 0;
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') throw outcome.reason;
      applied += outcome.value.applied;
    }
    return applied;
  }

  /** The indexed fields of these tables as recorded now (absent: not ensured, or dropped); refreshes the cache. */
  private async currentSpecs(tables: readonly string[]): Promise<Map<string, readonly string[]>> {
    const documents = await this.call('read the collection specs', () =>
      this.meta.find({ _id: { $in: tables.map(specId) } }, {}).toArray(),
    );
    const found = new Map<string, readonly string[]>();
    for (const document of documents) {
      const table = String(document._id).slice('collection:'.length);
      found.set(table, Array.isArray(document.indexes) ? (document.indexes as string[]) : []);
    }
    for (const table of tables) {
      const fields = found.get(table);
      if (fields) this.specs.set(table, fields);
      else this.specs.delete(table);
    }
    return found;
  }

  private async bulkWrite(table: string, operations: AnyBulkWriteOperation<Document>[]): Promise<Applied> {
    return this.call('write', async () => {
      const collection = this.db.collection(table);
      const first = await settle(() =>
        collection.bulkWrite(operations, { ordered: false, writeConcern: MAJORITY }),
      );
      if (first.refused.length === 0) return { applied: first.applied, inserted: first.inserted };
      // A refused upsert met a stored document: either one not older (skip it), or a racing
      // writer's insert of the same _id between this upsert's query and its insert, which may
      // be older. The document exists now and is never removed (a tombstone keeps its _id), so
      // one replace without upsert, under the same position filter, tells the two apart and
      // cannot meet the duplicate key again: one retry is the bound.
      const retry = first.refused.map((index) => asReplace(operations[index]));
      const second = await settle(() =>
        collection.bulkWrite(retry, { ordered: false, writeConcern: MAJORITY }),
      );
      return { applied: first.applied + second.applied, inserted: first.inserted };
    });
  }

  async get<T extends Doc = Doc>(
    generation: number,
    collection: string,
    id: string,
  ): Promise<StoredDoc<T> | undefined> {
    const table = this.readTable(generation, collection);
    const document = await this.call('get', () =>
      this.db.collection(table).findOne({ _id: id, _del: false }),
    );
    return document ? toStored<T>(document, collection) : undefined;
  }

  async getMany(
    generation: number,
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, { position: Position; doc: Doc | null }>> {
    const table = this.readTable(generation, collection);
    if (!Array.isArray(ids))
      throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'ids must be an array');
    const found = new Map<string, { position: Position; doc: Doc | null }>();
    if (ids.length === 0) return found;
    const documents = await this.call('getMany', () =>
      this.db
        .collection(table)
        .find({ _id: { $in: [...ids] } }, {})
        .toArray(),
    );
    for (const document of documents) {
      const stored = toStored(document, collection);
      found.set(stored.id, { position: stored.position, doc: document._del === true ? null : stored.doc });
    }
    return found;
  }

  async find<T extends Doc = Doc>(
    generation: number,
    collection: string,
    field: string,
    value: string,
    options: FindOptions,
  ): Promise<StoredDoc<T>[]> {
    const table = this.readTable(generation, collection);
    validateField(collection, field);
    validateFindOptions(options);
    if (typeof value !== 'string') {
      throw new DocumentRequestError(
        'DOCUMENT_INVALID_ARGUMENT',
        `find in ${collection}: value must be a string`,
      );
    }
    let fields = await this.indexesOf(table);
    if (!fields) return [];
    if (!fields.includes(field)) {
      // Another process may have added the index since this one read the collection's spec.
      this.specs.delete(table);
      fields = (await this.indexesOf(table)) ?? [];
      if (!fields.includes(field)) {
        throw new DocumentRequestError(
          'DOCUMENT_FIELD_NOT_INDEXED',
          `find in ${collection}: field ${field} is not indexed (indexes: ${fields.join(', ') || 'none'})`,
        );
      }
    }
    if (options.limit === 0) return [];
    const filter: Document = { [field]: value, _del: false };
    if (options.afterId !== undefined) filter._id = { $gt: options.afterId };
    const documents = await this.call('find', () =>
      this.db
        .collection(table)
        .find(filter, { sort: { _id: 1 }, limit: options.limit })
        .toArray(),
    );
    return documents.map((document) => toStored<T>(document, collection));
  }

  async list<T extends Doc = Doc>(
    generation: number,
    collection: string,
    options: ListOptions,
  ): Promise<StoredDoc<T>[]> {
    const table = this.readTable(generation, collection);
    validateListOptions(options);
    if (options.limit === 0) return [];
    // One lower bound, as in SQLite: the tightest of the cursor and the prefix.
    const { lower, inclusive, upper } = listRange(options);
    const filter: Document = { _del: false };
    if (lower !== '' || upper !== undefined) {
      filter._id = { [inclusive ? '$gte' : '$gt']: lower, ...(upper === undefined ? {} : { $lt: upper }) };
    }
    const documents = await this.call('list', () =>
      this.db
        .collection(table)
        .find(filter, { sort: { _id: 1 }, limit: options.limit })
        .toArray(),
    );
    return documents.map((document) => toStored<T>(document, collection));
  }

  async count(generation: number, collection: string): Promise<number> {
    const table = this.readTable(generation, collection);
    return this.call('count', () => this.db.collection(table).countDocuments({ _del: false }));
  }

  async drop(generation: number, specs: readonly CollectionSpec[]): Promise<void> {
    this.assertOpen();
    validateSpecs(generation, specs);
    for (const spec of specs) {
      const table = tableName(spec.name, generation);
      // Forgotten first: a writer that misses the spec refuses to write rather than recreate the collection.
      this.specs.delete(table);
      await this.call('drop', async () => {
        await this.meta.deleteOne({ _id: specId(table) }, { writeConcern: MAJORITY });
        await this.db.dropCollection(table, { writeConcern: MAJORITY });
      });
    }
  }

  async getMeta(key: string): Promise<unknown> {
    this.assertOpen();
    validateKey(key, 'meta key');
    const document = await this.call('getMeta', () => this.meta.findOne({ _id: `meta:${key}` }));
    return document ? decodeMeta(String(document.json)) : undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this.assertOpen();
    validateKey(key, 'meta key');
    const json = encodeMeta(key, value);
    await this.call('setMeta', async () => {
      if (json === undefined) {
        await this.meta.deleteOne({ _id: `meta:${key}` }, { writeConcern: MAJORITY });
      } else {
        await this.meta.updateOne(
          { _id: `meta:${key}` },
          { $set: { json } },
          { upsert: true, writeConcern: MAJORITY },
        );
      }
    });
  }

  async loadCheckpoint(name: string): Promise<Position | undefined> {
    this.assertOpen();
    validateKey(name, 'checkpoint name');
    const document = await this.call('loadCheckpoint', () =>
      this.meta.findOne({ _id: `checkpoint:${name}` }),
    );
    return document
      ? {
          commit: toBigInt(document.c, 'checkpoint commit'),
          prepare: toBigInt(document.p, 'checkpoint prepare'),
        }
      : undefined;
  }

  async saveCheckpoint(name: string, position: Position, options: FencedOptions = {}): Promise<void> {
    this.assertOpen();
    validateKey(name, 'checkpoint name');
    validatePosition(position, `checkpoint ${name}`);
    validateFence(options.fence);
    if (options.fence) {
      await this.saveFencedCheckpoint(name, position, options.fence);
      return;
    }
    await this.call('saveCheckpoint', () =>
      this.meta.updateOne(
        { _id: `checkpoint:${name}` },
        { $set: { c: toLong(position.commit), p: toLong(position.prepare) } },
        { upsert: true, writeConcern: MAJORITY },
      ),
    );
  }

  private async saveFencedCheckpoint(name: string, position: Position, fence: Fence): Promise<void> {
    await this.checkFence(fence);
    const field = `fence:${fence.lease}`;
    await this.call('saveCheckpoint', async () => {
      try {
        await this.meta.updateOne(
          {
            _id: `checkpoint:${name}`,
            $or: [{ [field]: { $exists: false } }, { [field]: { $lte: fence.token } }],
          },
          { $set: { c: toLong(position.commit), p: toLong(position.prepare), [field]: fence.token } },
          { upsert: true, writeConcern: MAJORITY },
        );
      } catch (error) {
        // The filter missed an existing checkpoint: a newer holder saved it.
        if (isDuplicateKey(error)) throw new LeaseLostError(fence.lease, fence.token);
        throw error;
      }
    });
  }

  /** Refuses when the fence's lease passed to a newer holder. */
  private async checkFence(fence: Fence | undefined): Promise<void> {
    if (!fence) return;
    const lease = await this.getLease(fence.lease);
    if (lease && lease.token > fence.token) throw new LeaseLostError(fence.lease, fence.token);
  }

  async acquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    options: AcquireLeaseOptions = {},
  ): Promise<Lease | undefined> {
    this.assertOpen();
    const now = validateLeaseRequest(name, holder, ttlMs, options);
    const _id = `lease:${name}`;
    const expiresAt = now + ttlMs;
    return this.call('acquireLease', async () => {
      // A renewal: the same holder keeps its token.
      const renewed = await this.meta.findOneAndUpdate(
        { _id, holder },
        { $set: { expiresAt } },
        { returnDocument: 'after', writeConcern: MAJORITY },
      );
      if (renewed) return leaseOf(name, renewed);
      const free: Document[] = [{ expiresAt: { $lte: now } }];
      if (options.replacing !== undefined) free.push({ holder: options.replacing });
      try {
        const taken = await this.meta.findOneAndUpdate(
          { _id, $or: free },
          { $set: { holder, expiresAt, since: now }, $inc: { token: 1 } },
          { upsert: true, returnDocument: 'after', writeConcern: MAJORITY },
        );
        return taken ? leaseOf(name, taken) : undefined;
      } catch (error) {
        // The lease exists and is held (or another caller inserted it first).
        if (isDuplicateKey(error)) return undefined;
        throw error;
      }
    });
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.assertOpen();
    validateKey(name, 'lease name');
    validateKey(holder, 'lease holder');
    await this.call('releaseLease', () =>
      this.meta.updateOne(
        { _id: `lease:${name}`, holder },
        { $set: { expiresAt: 0 } },
        { writeConcern: MAJORITY },
      ),
    );
  }

  async getLease(name: string): Promise<Lease | undefined> {
    this.assertOpen();
    validateKey(name, 'lease name');
    const document = await this.call('getLease', () => this.meta.findOne({ _id: `lease:${name}` }));
    return document ? leaseOf(name, document) : undefined;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.call('ping', () => this.db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.specs.clear();
    await this.options.close?.();
  }

  private async indexesOf(table: string): Promise<readonly string[] | undefined> {
    const cached = this.specs.get(table);
    if (cached) return cached;
    const document = await this.call('read the collection spec', () =>
      this.meta.findOne({ _id: specId(table) }),
    );
    if (!document) return undefined;
    const fields = Array.isArray(document.indexes) ? (document.indexes as string[]) : [];
    this.specs.set(table, fields);
    return fields;
  }

  private readTable(generation: number, collection: string): string {
    this.assertOpen();
    validateGeneration(generation);
    validateCollectionName(collection);
    return tableName(collection, generation);
  }

  private async call<R>(what: string, fn: () => Promise<R>): Promise<R> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof DocumentStoreUnavailableError) throw error;
      if (isRetryable(error)) throw unavailable(what, error);
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new DocumentStoreUnavailableError('MongoDB document store is closed', false);
  }
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof mongodbDriver().MongoServerError && Number(error.code) === DUPLICATE_KEY;
}

function leaseOf(name: string, document: Document): Lease {
  return {
    name,
    holder: String(document.holder),
    token: Number(toBigInt(document.token, 'lease token')),
    expiresAt: Number(toBigInt(document.expiresAt, 'lease expiresAt')),
    since: Number(toBigInt(document.since, 'lease since')),
  };
}

function specId(table: string): string {
  return `collection:${table}`;
}

/** What one collection's writes of a call did: how many were applied, and whether any inserted a document. */
interface Applied {
  applied: number;
  inserted: boolean;
}

/**
 * One unordered bulkWrite's outcome: how many of its writes were applied, and the indexes
 * of those refused with duplicate key (11000). Any other write error propagates (as a
 * retryable DocumentStoreUnavailableError when a retry can cure it), and so does a bulk
 * whose majority was not confirmed, since none of it is known to be durable.
 */
async function settle(send: () => Promise<MongoBulkWriteResult>): Promise<Applied & { refused: number[] }> {
  try {
    const result = await send();
    return {
      applied: result.matchedCount + result.upsertedCount,
      inserted: result.upsertedCount > 0,
      refused: [],
    };
  } catch (error) {
    if (!(error instanceof mongodbDriver().MongoBulkWriteError)) throw error;
    const writeErrors = writeErrorsOf(error);
    const other = writeErrors.find((e) => e.code !== DUPLICATE_KEY);
    if (other) {
      if (RETRYABLE_CODES.has(other.code)) throw unavailable('write', error);
      throw error;
    }
    // Majority not confirmed: none of it is known to be durable.
    if (hasWriteConcernError(error)) throw unavailable('write', error);
    if (writeErrors.length === 0) {
      // The driver wraps any failure of the command itself in a MongoBulkWriteError without write
      // errors, copying its code and labels: a network or selection failure (no code) or an
      // election is retryable, a refusal (Unauthorized, a document too large) is not. Either way
      // the server's message is left out: a refused command can be quoted in it, documents and all.
      if (error.code === undefined || isRetryable(error)) throw unavailable('write', error);
      throw unavailable('write', error, false);
    }
    return {
      applied: error.result.matchedCount + error.result.upsertedCount,
      inserted: error.result.upsertedCount > 0,
      refused: writeErrors.map((e) => e.index),
    };
  }
}

/** The same conditional replace, without the upsert: applied only over an older stored document. */
function asReplace(operation: AnyBulkWriteOperation<Document>): AnyBulkWriteOperation<Document> {
  if (!('replaceOne' in operation))
    throw new Error('MongoDB document store: only replaceOne writes are retried');
  return { replaceOne: { ...operation.replaceOne, upsert: false } };
}

function conditionalUpsert(write: Write, json: string | null): AnyBulkWriteOperation<Document> {
  const c = toLong(write.position.commit);
  const p = toLong(write.position.prepare);
  const filter: Document = {
    _id: write.id,
    $or: [{ _pos: { $exists: false } }, { '_pos.c': { $lt: c } }, { '_pos.c': c, '_pos.p': { $lt: p } }],
  };
  // The body goes through JSON as in SQLite, so both adapters store and return the same values
  // (a Date becomes its ISO string, an undefined field disappears).
  const replacement: Document =
    json === null
      ? { _pos: { c, p }, _del: true }
      : { _pos: { c, p }, _del: false, ...(JSON.parse(json) as Doc) };
  return { replaceOne: { filter, replacement, upsert: true } };
}

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
 * tries to insert the `_id` again and the server answers duplicate key (11000): that
 * write is skipped, not failed. A call is one unordered `bulkWrite` per collection,
 * so skipped writes do not stop the others; mongod still applies one command's
 * statements in order, and the position filter makes the end state independent of
 * that order anyway. This reads 11000 as "not older" because one projector writes a
 * collection at a time (DESIGN.md: one active instance per projection group); two
 * concurrent first writes of one `_id` could otherwise lose the newer one.
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
 * Every write uses `{ w: 'majority' }`, so an acknowledged write (and a checkpoint
 * after it) survives a failover. Transport failures, elections and write-concern
 * failures become a retryable DocumentStoreUnavailableError; anything else is a
 * bug or bad data and propagates as the driver reported it.
 */
import type {
  AnyBulkWriteOperation,
  Document,
  Long,
  MongoBulkWriteError,
  MongoClient,
  MongoClientOptions,
  WriteConcernSettings,
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
import type { MongoCollection, MongoDatabase } from './mongo-client';

export interface MongoDbDocumentStoreOptions {
  /** The database; default: the one named in the URL, else `portal_read_models`. */
  dbName?: string;
  /** Passed to `new MongoClient(url, …)` (timeouts, TLS, pool size). */
  clientOptions?: MongoClientOptions;
}

export const META_COLLECTION = 'readmodel_meta';
const DEFAULT_DB = 'portal_read_models';
const MAJORITY: WriteConcernSettings = { w: 'majority' };
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
function unavailable(what: string, error: unknown): DocumentStoreUnavailableError {
  const name = (error as { name?: unknown } | null)?.name;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = `${typeof name === 'string' ? name : 'error'}${code === undefined ? '' : ` code ${String(code)}`}`;
  return new DocumentStoreUnavailableError(`MongoDB ${what} failed (${detail})`, true, error);
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

/** The database named in a connection string's path, if any (hosts may be a comma list, so no URL parser). */
function dbNameFromUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export class MongoDbDocumentStore implements DocumentStore {
  private readonly meta: MongoCollection;
  /** Indexed fields per table, as recorded by `ensure`; only known tables are cached. */
  private readonly specs = new Map<string, readonly string[]>();
  private closed = false;

  /**
   * Connects lazily (the driver connects on first use; `ping` for readiness).
   * Positions round-trip as Long whatever the client's `promoteLongs`/`useBigInt64`.
   */
  static connect(url: string, options: MongoDbDocumentStoreOptions = {}): MongoDbDocumentStore {
    const client: MongoClient = new (mongodbDriver().MongoClient)(url, options.clientOptions);
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
          // No write concern here (the driver takes none for createIndexes): a replica set finishes an
          // index build only once its commit quorum (all voting members by default) has built it.
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
    const indexes = new Map<string, readonly string[]>();
    for (const [collection, table] of tables) {
      const fields = await this.indexesOf(table);
      if (!fields) {
        const index = writes.findIndex((w) => w.collection === collection);
        throw new DocumentRequestError(
          'DOCUMENT_COLLECTION_UNKNOWN',
          `write #${index} to ${collection}: generation ${generation} has no such collection (call ensure first)`,
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
    let applied = 0;
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') throw outcome.reason;
      applied += outcome.value;
    }
    return applied;
  }

  private async bulkWrite(table: string, operations: AnyBulkWriteOperation<Document>[]): Promise<number> {
    return this.call('write', async () => {
      try {
        const result = await this.db
          .collection(table)
          .bulkWrite(operations, { ordered: false, writeConcern: MAJORITY });
        return result.matchedCount + result.upsertedCount;
      } catch (error) {
        if (!(error instanceof mongodbDriver().MongoBulkWriteError)) throw error;
        const writeErrors = writeErrorsOf(error);
        const other = writeErrors.find((e) => e.code !== DUPLICATE_KEY);
        if (other) {
          if (RETRYABLE_CODES.has(other.code)) throw unavailable('write', error);
          throw error;
        }
        // No write error at all means the bulk failed on its write concern: not known to be durable.
        if (writeErrors.length === 0 || hasWriteConcernError(error)) throw unavailable('write', error);
        return error.result.matchedCount + error.result.upsertedCount;
      }
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

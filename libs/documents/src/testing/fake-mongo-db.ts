/**
 * An in-memory stand-in for the part of a MongoDB database the adapter uses, with
 * the server's and driver's observable behaviour where the adapter depends on it:
 * documents round-trip through BSON (a Long that fits 53 bits reads back as a
 * number, a larger one as a Long), `_id` is unique and strings sort in UTF-8 byte
 * order, an upsert whose filter matches nothing while its `_id` exists fails with
 * duplicate key (11000), an unordered `bulkWrite` goes on past a failed write and
 * then throws `MongoBulkWriteError` with `writeErrors` and the partial `result`,
 * `createCollection` on an existing collection fails with 48, and `dropCollection`
 * of a missing one resolves false. `beforeInsert` lets a test land another writer's
 * insert between an upsert's query and its insert (the race that raises 11000 on a
 * real server), and any write to a missing collection creates it, indexes and all
 * absent, as MongoDB does. Filters support only the operators the adapter
 * sends; anything else throws, so the adapter cannot drift from what was faked.
 */
import {
  type AnyBulkWriteOperation,
  BSON,
  type BulkWriteResult,
  type Document,
  type FindOptions,
  Long,
  MongoBulkWriteError,
  MongoServerError,
  type WriteError,
} from 'mongodb';
import type {
  MongoBulkWriteResult,
  MongoCollection,
  MongoCursor,
  MongoDatabase,
} from '../mongodb/mongo-client';

export interface FakeCall {
  collection: string;
  method: string;
  args: unknown[];
}

type Stored = Map<string, Uint8Array>;

function utf8Compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function numeric(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (Long.isLong(value)) return value.toBigInt();
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return undefined;
}

/** BSON comparison within one type bracket (strings, integers); undefined across brackets. */
function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'string' && typeof b === 'string') return utf8Compare(a, b);
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}

function equals(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  return compare(a, b) === 0;
}

function pathValue(document: Document, path: string): unknown {
  let value: unknown = document;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Document)[part];
  }
  return value;
}

function isOperatorObject(value: unknown): value is Document {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !Long.isLong(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => k.startsWith('$'))
  );
}

function matchesCondition(value: unknown, condition: unknown): boolean {
  // An array field matches when the array itself or any element does (how `find` reaches array elements).
  const candidates = Array.isArray(value) ? [value, ...value] : [value];
  if (!isOperatorObject(condition)) {
    if (condition === null) return value === null || value === undefined;
    return candidates.some((v) => equals(v, condition));
  }
  return Object.entries(condition).every(([op, arg]) => {
    switch (op) {
      case '$exists':
        return (value !== undefined) === Boolean(arg);
      case '$in':
        return (arg as unknown[]).some((a) => candidates.some((v) => equals(v, a)));
      case '$lt':
        return candidates.some((v) => (compare(v, arg) ?? NaN) < 0);
      case '$gt':
        return candidates.some((v) => (compare(v, arg) ?? NaN) > 0);
      case '$gte':
        return candidates.some((v) => (compare(v, arg) ?? NaN) >= 0);
      case '$lte':
        return candidates.some((v) => (compare(v, arg) ?? NaN) <= 0);
      default:
        throw new Error(`FakeMongoDb: unsupported operator ${op}`);
    }
  });
}

export function matches(document: Document, filter: Document): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$or') return (condition as Document[]).some((sub) => matches(document, sub));
    if (key.startsWith('$')) throw new Error(`FakeMongoDb: unsupported top-level operator ${key}`);
    return matchesCondition(pathValue(document, key), condition);
  });
}

/**
 * The driver's WriteError and WriteConcernError classes are exported as types only, so
 * the fake builds objects with the fields the driver's expose (`code`, `index`, `errmsg`).
 */
function writeError(index: number, error: ServerWriteError, op: Document): WriteError {
  return {
    index,
    code: error.code,
    errmsg: error.errmsg,
    errInfo: {},
    err: { index, ...error, op },
  } as unknown as WriteError;
}

export interface ServerWriteError {
  code: number;
  errmsg: string;
}

function duplicateKey(id: unknown): ServerWriteError {
  return {
    code: 11000,
    errmsg: `E11000 duplicate key error collection index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  };
}

class FakeCollection implements MongoCollection {
  constructor(
    private readonly db: FakeMongoDb,
    readonly name: string,
  ) {}

  private get docs(): Stored {
    return this.db.storage(this.name, true)!;
  }

  private record(method: string, args: unknown[]): void {
    this.db.calls.push({ collection: this.name, method, args });
    this.db.throwInjected(method);
  }

  private all(): Document[] {
    const docs = this.db.storage(this.name, false);
    if (!docs) return [];
    return [...docs.entries()]
      .sort(([a], [b]) => utf8Compare(a, b))
      .map(([, bytes]) => BSON.deserialize(bytes));
  }

  private put(document: Document): void {
    const bytes = BSON.serialize(document);
    this.docs.set(document._id as string, bytes);
  }

  async bulkWrite(
    operations: ReadonlyArray<AnyBulkWriteOperation<Document>>,
    options: { ordered?: boolean },
  ): Promise<MongoBulkWriteResult> {
    this.record('bulkWrite', [operations, options]);
    await this.db.gate;
    const ordered = options.ordered ?? true;
    let matchedCount = 0;
    let upsertedCount = 0;
    const writeErrors: WriteError[] = [];
    const injected = this.db.takeWriteErrors();
    for (let index = 0; index < operations.length; index++) {
      const operation = operations[index] as Document;
      if (!operation.replaceOne) throw new Error('FakeMongoDb: only replaceOne is supported in bulkWrite');
      const { filter, replacement, upsert } = operation.replaceOne as Document;
      const forced = injected.get(index);
      const outcome = forced
        ? { error: forced }
        : await this.replace(filter as Document, replacement as Document, upsert === true);
      if ('error' in outcome) {
        writeErrors.push(writeError(index, outcome.error, operation));
        if (ordered) break;
        continue;
      }
      if (outcome.matched) matchedCount++;
      else if (outcome.upserted) upsertedCount++;
    }
    const concern = this.db.takeWriteConcernError();
    const result = {
      matchedCount,
      upsertedCount,
      modifiedCount: matchedCount,
      insertedCount: 0,
      deletedCount: 0,
      getWriteConcernError: () => concern,
    };
    // As the driver: write errors first (the write-concern error then only in the result), else the concern error.
    if (writeErrors.length > 0) {
      this.db.bulkErrors.push(writeErrors.map((e) => e.code));
      throw new MongoBulkWriteError(
        { message: writeErrors[0].errmsg ?? 'write error', code: writeErrors[0].code, writeErrors },
        result as unknown as BulkWriteResult,
      );
    }
    if (concern) {
      throw new MongoBulkWriteError(
        { message: concern.errmsg, code: concern.code },
        result as unknown as BulkWriteResult,
      );
    }
    return result;
  }

  private async replace(
    filter: Document,
    replacement: Document,
    upsert: boolean,
  ): Promise<{ matched: boolean; upserted: boolean } | { error: ServerWriteError }> {
    if (Object.keys(replacement).some((k) => k.startsWith('$'))) {
      throw new Error('Replacement document must not contain atomic operators');
    }
    const id = filter._id as string;
    if (typeof id !== 'string') throw new Error('FakeMongoDb: filters must name a string _id');
    const current = this.db.storage(this.name, false)?.get(id);
    if (current && matches(BSON.deserialize(current), filter)) {
      this.put({ _id: id, ...replacement });
      return { matched: true, upserted: false };
    }
    if (!upsert) return { matched: false, upserted: false };
    if (current) return { error: duplicateKey(id) };
    // The query matched nothing, so the server inserts; another writer's insert of the same
    // _id may land first, and the unique _id index then refuses this one (the filter is not
    // an equality on _id alone, so the server does not retry it as an update).
    await this.db.raceBeforeInsert(this.name, id);
    if (this.db.storage(this.name, false)?.has(id)) return { error: duplicateKey(id) };
    this.put({ _id: id, ...replacement });
    return { matched: false, upserted: true };
  }

  find(filter: Document, options: FindOptions = {}): MongoCursor {
    this.record('find', [filter, options]);
    if (options.sort && JSON.stringify(options.sort) !== JSON.stringify({ _id: 1 })) {
      throw new Error('FakeMongoDb: only sort { _id: 1 } is supported');
    }
    let found = this.all().filter((d) => matches(d, filter));
    // limit 0 means no limit to MongoDB.
    if (options.limit) found = found.slice(0, options.limit);
    return { toArray: async () => found };
  }

  async findOne(filter: Document): Promise<Document | null> {
    this.record('findOne', [filter]);
    return this.all().find((d) => matches(d, filter)) ?? null;
  }

  async countDocuments(filter: Document): Promise<number> {
    this.record('countDocuments', [filter]);
    return this.all().filter((d) => matches(d, filter)).length;
  }

  async createIndex(spec: Document, options: Document): Promise<string> {
    this.record('createIndex', [spec, options]);
    // Creating an index creates its collection.
    this.db.storage(this.name, true);
    const name = Object.entries(spec)
      .map(([k, v]) => `${k}_${String(v)}`)
      .join('_');
    this.db.indexes(this.name).add(name);
    return name;
  }

  async updateOne(filter: Document, update: Document, options: { upsert?: boolean }): Promise<unknown> {
    this.record('updateOne', [filter, update, options]);
    const id = filter._id as string;
    const current = this.db.storage(this.name, false)?.get(id);
    const existing = current ? BSON.deserialize(current) : undefined;
    if (existing && !matches(existing, filter)) {
      if (options.upsert) throw new MongoServerError(duplicateKey(id));
      return { matchedCount: 0 };
    }
    if (!existing && !options.upsert) return { matchedCount: 0 };
    let target = existing;
    if (!target) {
      await this.db.raceBeforeInsert(this.name, id);
      const raced = this.db.storage(this.name, false)?.get(id);
      if (raced) {
        // MongoDB 4.2+ retries such an upsert as an update when its query is one equality on
        // _id (the unique index that refused it); any other query gets the duplicate key.
        const onlyId = Object.keys(filter).length === 1 && !isOperatorObject(filter._id);
        if (!onlyId) throw new MongoServerError(duplicateKey(id));
        target = BSON.deserialize(raced);
      }
    }
    const next: Document = target ?? { _id: id };
    for (const [op, fields] of Object.entries(update)) {
      for (const [field, value] of Object.entries(fields as Document)) {
        if (op === '$set') next[field] = value;
        else if (op === '$addToSet') {
          const list = Array.isArray(next[field]) ? (next[field] as unknown[]) : [];
          for (const element of (value as Document).$each as unknown[]) {
            if (!list.some((e) => equals(e, element))) list.push(element);
          }
          next[field] = list;
        } else throw new Error(`FakeMongoDb: unsupported update operator ${op}`);
      }
    }
    this.put(next);
    return { matchedCount: target ? 1 : 0, upsertedCount: target ? 0 : 1 };
  }

  /**
   * As the server: the document matching `filter` (by `_id`) gets `$set` and `$inc`
   * (a missing field counts as 0); with `upsert`, none matching while the `_id` exists
   * fails with duplicate key, none existing inserts `{ _id }` updated. Resolves the
   * document before or after (`returnDocument`), or null; driver 6+ returns the
   * document itself, not a result wrapper.
   */
  async findOneAndUpdate(
    filter: Document,
    update: Document,
    options: { upsert?: boolean; returnDocument?: 'before' | 'after' },
  ): Promise<Document | null> {
    this.record('findOneAndUpdate', [filter, update, options]);
    const id = filter._id as string;
    const current = this.db.storage(this.name, false)?.get(id);
    const existing = current ? BSON.deserialize(current) : undefined;
    if (existing && !matches(existing, filter)) {
      if (options.upsert) throw new MongoServerError(duplicateKey(id));
      return null;
    }
    if (!existing && !options.upsert) return null;
    const next: Document = existing ? { ...existing } : { _id: id };
    for (const [op, fields] of Object.entries(update)) {
      for (const [field, value] of Object.entries(fields as Document)) {
        if (op === '$set') next[field] = value;
        else if (op === '$inc') next[field] = Number(numeric(next[field]) ?? 0n) + Number(value);
        else throw new Error(`FakeMongoDb: unsupported update operator ${op}`);
      }
    }
    this.put(next);
    const after = BSON.deserialize(this.db.storage(this.name, false)!.get(id)!);
    return options.returnDocument === 'after' ? after : (existing ?? null);
  }

  async deleteOne(filter: Document, options: Document): Promise<unknown> {
    this.record('deleteOne', [filter, options]);
    const docs = this.db.storage(this.name, false);
    const target = this.all().find((d) => matches(d, filter));
    if (docs && target) docs.delete(target._id as string);
    return { deletedCount: target ? 1 : 0 };
  }
}

export class FakeMongoDb implements MongoDatabase {
  readonly calls: FakeCall[] = [];
  /** The codes of the write errors each failed bulkWrite threw. */
  readonly bulkErrors: number[][] = [];
  /** While set, bulkWrites wait for it before applying anything. */
  gate: Promise<void> | undefined;
  /**
   * Runs once, at the next upsert whose query matched nothing, between that query and
   * its insert: what another writer does there (e.g. insert the same _id) is what the
   * upsert then meets. Cleared before it runs.
   */
  beforeInsert: ((collection: string, id: string) => Promise<void> | void) | undefined;
  private readonly collections = new Map<string, Stored>();
  private readonly indexSets = new Map<string, Set<string>>();
  private readonly failures = new Map<string, unknown[]>();
  private writeErrorPlan = new Map<number, ServerWriteError>();
  private writeConcernError: ServerWriteError | undefined;

  collection(name: string): MongoCollection {
    return new FakeCollection(this, name);
  }

  async createCollection(name: string, options: Document): Promise<unknown> {
    this.calls.push({ collection: name, method: 'createCollection', args: [options] });
    this.throwInjected('createCollection');
    if (this.collections.has(name)) {
      throw new MongoServerError({
        message: `Collection already exists. NS: db.${name}`,
        code: 48,
        codeName: 'NamespaceExists',
      });
    }
    this.collections.set(name, new Map());
    return this.collection(name);
  }

  async dropCollection(name: string, options: Document): Promise<boolean> {
    this.calls.push({ collection: name, method: 'dropCollection', args: [options] });
    this.throwInjected('dropCollection');
    this.indexSets.delete(name);
    return this.collections.delete(name);
  }

  async command(command: Document): Promise<Document> {
    this.calls.push({ collection: '', method: 'command', args: [command] });
    this.throwInjected('command');
    if (command.ping === 1) return { ok: 1 };
    throw new Error(`FakeMongoDb: unsupported command ${JSON.stringify(command)}`);
  }

  /** The next call of `method` (on any collection) throws `error`. */
  failNext(method: string, error: unknown): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(error);
    this.failures.set(method, queue);
  }

  /**
   * The next bulkWrite fails these operations (by index) with these server write errors,
   * and reports this write-concern error (a `WriteConcernError`) for the rest.
   */
  failWrites(plan: Record<number, ServerWriteError>, writeConcernError?: ServerWriteError): void {
    this.writeErrorPlan = new Map(Object.entries(plan).map(([k, v]) => [Number(k), v]));
    this.writeConcernError = writeConcernError;
  }

  /** A stored document exactly as BSON holds it: int64 values as Long whatever their size. */
  raw(collection: string, id: string): Document | undefined {
    const bytes = this.collections.get(collection)?.get(id);
    return bytes ? BSON.deserialize(bytes, { promoteLongs: false }) : undefined;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  indexes(collection: string): Set<string> {
    let set = this.indexSets.get(collection);
    if (!set) this.indexSets.set(collection, (set = new Set()));
    return set;
  }

  /** @internal The collection's documents; a write creates the collection, as MongoDB does. */
  storage(name: string, create: boolean): Stored | undefined {
    let docs = this.collections.get(name);
    if (!docs && create) this.collections.set(name, (docs = new Map()));
    return docs;
  }

  /** @internal */
  async raceBeforeInsert(collection: string, id: string): Promise<void> {
    const hook = this.beforeInsert;
    this.beforeInsert = undefined;
    await hook?.(collection, id);
  }

  /** @internal */
  throwInjected(method: string): void {
    const queue = this.failures.get(method);
    if (queue && queue.length > 0) throw queue.shift();
  }

  /** @internal */
  takeWriteErrors(): Map<number, ServerWriteError> {
    const plan = this.writeErrorPlan;
    this.writeErrorPlan = new Map();
    return plan;
  }

  /** @internal */
  takeWriteConcernError(): ServerWriteError | undefined {
    const error = this.writeConcernError;
    this.writeConcernError = undefined;
    return error;
  }
}

/**
 * How every MongoDB client of the service is made (`createMongoClient`), and the part
 * of the `mongodb` 7 driver (`Db`, `Collection`) the document store uses. The real
 * `Db` satisfies that part structurally (`MongoDbDocumentStore.connect` passes one, so
 * the compiler checks it); unit tests hand the adapter a fake instead.
 *
 * Every client reads from the primary and writes with `{ w: 'majority', wtimeoutMS }`:
 * the read models, sessions, data keys and roster are read back right after they are
 * written, by any process, and a write acknowledged before a failover must survive it.
 * The wait for the majority is bounded, since an unbounded one blocks a writer for as
 * long as the secondaries lag or are down; past it the write fails with a write-concern
 * error that callers retry. The driver's `timeoutMS` is not used: since 7.8 it has no
 * effect (the driver documents per-stage timeouts instead: server selection, the pool's
 * wait queue, sockets, and `maxTimeMS` on the server).
 */
import type {
  AnyBulkWriteOperation,
  BulkWriteOptions,
  CountDocumentsOptions,
  CreateCollectionOptions,
  CreateIndexesOptions,
  DeleteOptions,
  Document,
  DropCollectionOptions,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpecification,
  MongoClient,
  MongoClientOptions,
  UpdateFilter,
  UpdateOptions,
  WriteConcernSettings,
} from 'mongodb';
import { mongodbDriver } from './driver';

/**
 * How long a majority write waits for the majority to confirm it. Replication takes
 * milliseconds on a healthy replica set; ten seconds covers an election (which itself
 * makes the write fail and be retried) and a secondary catching up after a restart.
 */
export const MAJORITY_WTIMEOUT_MS = 10_000;

/** The write concern of every write: given per operation too, since an operation's own replaces the client's whole. */
export const MAJORITY_WRITE_CONCERN: Readonly<WriteConcernSettings> = Object.freeze({
  w: 'majority',
  wtimeoutMS: MAJORITY_WTIMEOUT_MS,
});

/** The URL names something these stores cannot run with; the message never quotes the URL. */
export class MongoUrlError extends Error {
  readonly code = 'MONGO_URL_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'MongoUrlError';
  }
}

/**
 * The client options of every client: `overrides` (pool size, TLS, timeouts of the
 * stages) with the read preference and the write concern pinned. A URL asking for
 * another read preference or `w` is refused by `createMongoClient` rather than
 * silently overridden here (options given to the driver win over the URL's).
 */
export function mongoClientOptions(overrides: MongoClientOptions = {}): MongoClientOptions {
  const wtimeoutMS = overrides.writeConcern?.wtimeoutMS ?? MAJORITY_WTIMEOUT_MS;
  return { ...overrides, readPreference: 'primary', writeConcern: { w: 'majority', wtimeoutMS } };
}

/**
 * Checks a connection string with the driver's own parser, which reads it without
 * connecting (multi-host lists, `mongodb+srv://`, every option's name and value), and
 * refuses what would contradict the pinned options. Returns what is wrong, in words
 * that never quote the URL (it may hold a password), or undefined.
 */
export function mongoUrlProblem(url: string): string | undefined {
  let parsed: MongoClient;
  try {
    parsed = new (mongodbDriver().MongoClient)(url);
    new (mongodbDriver().MongoClient)(url, mongoClientOptions());
  } catch (error) {
    return `is not a valid MongoDB connection string (${withoutCredentials(error, url)})`;
  }
  const mode = parsed.options.readPreference?.mode;
  if (mode !== undefined && mode !== 'primary') {
    return `asks for readPreference=${mode}: these stores read what they have just written, so only primary is supported`;
  }
  const w = parsed.options.writeConcern?.w;
  if (w !== undefined && w !== 'majority') {
    return `asks for w=${String(w)}: every write waits for the majority (w=majority), so that it survives a failover`;
  }
  return undefined;
}

/** The driver's message, unless it holds any part of the URL's user information. */
function withoutCredentials(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const generic =
    'expected mongodb://[user:password@]host[:port][,host[:port]…]/database[?options] or mongodb+srv://…';
  const scheme = url.indexOf('://');
  const at = url.lastIndexOf('@');
  if (scheme < 0 || at < scheme) return message || generic;
  const userinfo = url.slice(scheme + 3, at);
  const parts = [userinfo, ...userinfo.split(/[:@/?#]/)].filter((part) => part.length >= 3);
  const decoded = parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return [...parts, ...decoded].some((part) => message.includes(part)) ? generic : message || generic;
}

/**
 * A client made with `mongoClientOptions`, after `mongoUrlProblem`. It connects on first
 * use; `close` ends it.
 */
export function createMongoClient(url: string, overrides: MongoClientOptions = {}): MongoClient {
  const problem = mongoUrlProblem(url);
  if (problem) throw new MongoUrlError(`The MongoDB connection string ${problem}`);
  return new (mongodbDriver().MongoClient)(url, mongoClientOptions(overrides));
}

/** The database named in a connection string's path, if any (hosts may be a comma list, so no URL parser). */
export function dbNameFromUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * Filters are plain documents here: the driver's `MongoFilter` types `_id` as an
 * ObjectId, and our ids are strings. The real methods still accept them (method
 * parameters are compared both ways).
 */
export type MongoFilter = Document;

/** What the adapter reads from a `BulkWriteResult` (also `MongoBulkWriteError.result`). */
export interface MongoBulkWriteResult {
  readonly matchedCount: number;
  readonly upsertedCount: number;
}

export interface MongoCursor {
  toArray(): Promise<Document[]>;
}

export interface MongoCollection {
  bulkWrite(
    operations: ReadonlyArray<AnyBulkWriteOperation<Document>>,
    options: BulkWriteOptions,
  ): Promise<MongoBulkWriteResult>;
  find(filter: MongoFilter, options: FindOptions): MongoCursor;
  findOne(filter: MongoFilter): Promise<Document | null>;
  countDocuments(filter: MongoFilter, options?: CountDocumentsOptions): Promise<number>;
  createIndex(indexSpec: IndexSpecification, options: CreateIndexesOptions): Promise<string>;
  updateOne(filter: MongoFilter, update: UpdateFilter<Document>, options: UpdateOptions): Promise<unknown>;
  deleteOne(filter: MongoFilter, options: DeleteOptions): Promise<unknown>;
  /** Driver 6+: resolves the document itself (or null), not a result wrapper, unless `includeResultMetadata`. */
  findOneAndUpdate(
    filter: MongoFilter,
    update: UpdateFilter<Document>,
    options: FindOneAndUpdateOptions,
  ): Promise<Document | null>;
}

export interface MongoDatabase {
  collection(name: string): MongoCollection;
  /** Fails with code 48 (NamespaceExists) when the collection exists. */
  createCollection(name: string, options: CreateCollectionOptions): Promise<unknown>;
  /** Resolves false, not an error, when the collection does not exist. */
  dropCollection(name: string, options: DropCollectionOptions): Promise<boolean>;
  command(command: Document): Promise<Document>;
}

/**
 * @portal/documents: the read-model document store port and its two adapters
 * (embedded SQLite, MongoDB). Owns how read-model documents, their positions,
 * generations, meta values and checkpoints are stored; knows nothing of what a
 * read model holds. May import only Node built-ins, better-sqlite3, mongodb and
 * types from @portal/event-store. The contract suite and the faked MongoDB live in
 * `src/testing/` and are imported by tests with a relative path (the build leaves
 * `testing/` out of dist).
 */
export * from './document-store.port';
export { DocumentRequestError, type DocumentRequestErrorCode } from './validation';
export {
  SqliteDocumentStore,
  type SqliteDocumentStoreOptions,
  type SqliteDocumentStoreDiagnostics,
} from './sqlite/sqlite-document-store';
export { mongodbDriver } from './mongodb/driver';
export {
  MongoDbDocumentStore,
  type MongoDbDocumentStoreOptions,
  META_COLLECTION,
} from './mongodb/mongodb-document-store';
export {
  createMongoClient,
  dbNameFromUrl,
  MAJORITY_WRITE_CONCERN,
  MAJORITY_WTIMEOUT_MS,
  mongoClientOptions,
  MongoUrlError,
  mongoUrlProblem,
} from './mongodb/mongo-client';
export type {
  MongoDatabase,
  MongoCollection,
  MongoCursor,
  MongoBulkWriteResult,
  MongoFilter,
} from './mongodb/mongo-client';

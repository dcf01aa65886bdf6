/**
 * The part of the `mongodb` 7 driver (`Db`, `Collection`) the adapter uses. The real
 * `Db` satisfies it structurally (`MongoDbDocumentStore.connect` passes one, so the
 * compiler checks it); unit tests hand the adapter a fake instead.
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
  UpdateFilter,
  UpdateOptions,
} from 'mongodb';

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

/**
 * An in-memory `sessions` collection that behaves as the driver (mongodb 7) and the
 * server document for the calls the adapter makes: documents round-trip through BSON
 * (dates come back as Date); `{ field: null }` matches null or a missing field; `$gt`
 * compares dates; each write is atomic on its document; a second `_id`, or a second
 * `sessionId` once the unique index exists, throws MongoServerError 11000;
 * `findOneAndUpdate` returns the document itself (no ModifyResult, driver 6+); the TTL
 * monitor, when the test runs it, deletes documents whose `expiresAt` has passed. Any
 * other operator or option throws, so the fake cannot silently accept a query the
 * adapter was never tested with.
 */
import { BSON, MongoServerError } from 'mongodb';
import type {
  LiveSessionFilter,
  SessionCollection,
  SessionDocument,
  SessionIndex,
} from '../mongodb-session-store';

type Operation = 'insertOne' | 'findOneAndUpdate' | 'updateOne' | 'updateMany' | 'createIndexes' | 'findOne';

function duplicateKey(index: string): MongoServerError {
  return new MongoServerError({
    errmsg: `E11000 duplicate key error collection: portal.sessions index: ${index}`,
    code: 11000,
    codeName: 'DuplicateKey',
  });
}

function expectKeys(value: object, allowed: string[], what: string): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new Error(`The fake does not support ${unknown.join(', ')} in ${what}`);
}

function expectDate(value: unknown, what: string): Date {
  if (!(value instanceof Date)) throw new Error(`The fake expects a Date for ${what}`);
  return value;
}

export class FakeSessionCollection implements SessionCollection {
  private readonly docs = new Map<string, Uint8Array>();
  readonly indexes: SessionIndex[] = [];
  readonly calls: Operation[] = [];
  readonly filters: unknown[] = [];
  private readonly failures = new Map<Operation, Error[]>();

  /** The next calls of `operation` throw these errors, one each, before touching anything. */
  failNext(operation: Operation, ...errors: Error[]): void {
    this.failures.set(operation, [...(this.failures.get(operation) ?? []), ...errors]);
  }

  /** What the server holds under this `_id`, as the driver would read it back. */
  read(id: string): SessionDocument | undefined {
    const raw = this.docs.get(id);
    return raw && (BSON.deserialize(raw) as SessionDocument);
  }

  /** Stores a document as it is, bypassing the adapter (a corrupted or foreign write). */
  put(doc: Record<string, unknown> & { _id: string }): void {
    this.docs.set(doc._id, BSON.serialize(doc));
  }

  /** One pass of the TTL monitor at wall-clock time `at`, for an `expireAfterSeconds: 0` index. */
  runTtlMonitor(at: Date): number {
    const ttl = this.indexes.find((i) => 'expireAfterSeconds' in i);
    if (!ttl) return 0;
    let deleted = 0;
    for (const id of [...this.docs.keys()]) {
      const expiresAt = this.read(id)!.expiresAt as unknown;
      if (expiresAt instanceof Date && expiresAt.getTime() <= at.getTime()) {
        this.docs.delete(id);
        deleted++;
      }
    }
    return deleted;
  }

  get size(): number {
    return this.docs.size;
  }

  private async begin(operation: Operation, filter?: unknown): Promise<void> {
    this.calls.push(operation);
    if (filter !== undefined) this.filters.push(filter);
    // A round trip: callers racing on one document interleave here, never inside a write.
    await Promise.resolve();
    const error = this.failures.get(operation)?.shift();
    if (error) throw error;
  }

  private all(): SessionDocument[] {
    return [...this.docs.keys()].map((id) => this.read(id)!);
  }

  async insertOne(doc: SessionDocument): Promise<unknown> {
    await this.begin('insertOne');
    expectKeys(
      doc,
      [
        '_id',
        'sessionId',
        'accountId',
        'createdAt',
        'lastSeenAt',
        'expiresAt',
        'mustChangePassword',
        'revokedAt',
      ],
      'a session document',
    );
    if (this.docs.has(doc._id)) throw duplicateKey('_id_ dup key');
    const uniqueSessionId = this.indexes.some((i) => 'unique' in i && 'sessionId' in i.key);
    if (uniqueSessionId && this.all().some((d) => d.sessionId === doc.sessionId))
      throw duplicateKey('sessionId_1 dup key');
    this.docs.set(doc._id, BSON.serialize(doc));
    return { acknowledged: true, insertedId: doc._id };
  }

  async findOneAndUpdate(
    filter: LiveSessionFilter,
    update: { $set: { lastSeenAt: Date } },
    options: { returnDocument: 'after'; includeResultMetadata: false },
  ): Promise<SessionDocument | null> {
    await this.begin('findOneAndUpdate', filter);
    expectKeys(filter, ['_id', 'revokedAt', 'lastSeenAt', 'createdAt'], 'the findOneAndUpdate filter');
    expectKeys(filter.lastSeenAt, ['$gt'], 'lastSeenAt');
    expectKeys(filter.createdAt, ['$gt'], 'createdAt');
    expectKeys(update, ['$set'], 'the update');
    expectKeys(update.$set, ['lastSeenAt'], '$set');
    expectKeys(options, ['returnDocument', 'includeResultMetadata'], 'the options');
    if (options.returnDocument !== 'after' || options.includeResultMetadata !== false)
      throw new Error('The fake returns the document after the update, without metadata, only');
    if (filter.revokedAt !== null) throw new Error('The fake expects revokedAt: null');
    const idle = expectDate(filter.lastSeenAt.$gt, 'lastSeenAt.$gt');
    const absolute = expectDate(filter.createdAt.$gt, 'createdAt.$gt');
    const doc = this.read(filter._id);
    if (
      !doc ||
      (doc.revokedAt !== null && doc.revokedAt !== undefined) ||
      !(doc.lastSeenAt.getTime() > idle.getTime()) ||
      !(doc.createdAt.getTime() > absolute.getTime())
    )
      return null;
    const after = { ...doc, lastSeenAt: expectDate(update.$set.lastSeenAt, '$set.lastSeenAt') };
    this.docs.set(doc._id, BSON.serialize(after));
    return this.read(doc._id)!;
  }

  private revoke(doc: SessionDocument, update: { $set: { revokedAt: Date } }): boolean {
    expectKeys(update, ['$set'], 'the update');
    expectKeys(update.$set, ['revokedAt'], '$set');
    if (doc.revokedAt !== null && doc.revokedAt !== undefined) return false;
    this.docs.set(
      doc._id,
      BSON.serialize({ ...doc, revokedAt: expectDate(update.$set.revokedAt, '$set.revokedAt') }),
    );
    return true;
  }

  async updateOne(
    filter: { _id: string; revokedAt: null },
    update: { $set: { revokedAt: Date } },
  ): Promise<{ matchedCount: number; modifiedCount: number }> {
    await this.begin('updateOne', filter);
    expectKeys(filter, ['_id', 'revokedAt'], 'the updateOne filter');
    if (filter.revokedAt !== null) throw new Error('The fake expects revokedAt: null');
    const doc = this.read(filter._id);
    const modified = doc !== undefined && this.revoke(doc, update);
    return { matchedCount: modified ? 1 : 0, modifiedCount: modified ? 1 : 0 };
  }

  async updateMany(
    filter: { accountId: string; revokedAt: null },
    update: { $set: { revokedAt: Date } },
  ): Promise<{ matchedCount: number; modifiedCount: number }> {
    await this.begin('updateMany', filter);
    expectKeys(filter, ['accountId', 'revokedAt'], 'the updateMany filter');
    if (filter.revokedAt !== null) throw new Error('The fake expects revokedAt: null');
    let modified = 0;
    for (const doc of this.all())
      if (doc.accountId === filter.accountId && this.revoke(doc, update)) modified++;
    return { matchedCount: modified, modifiedCount: modified };
  }

  async createIndexes(indexes: SessionIndex[]): Promise<string[]> {
    await this.begin('createIndexes');
    for (const index of indexes) {
      expectKeys(index, ['key', 'unique', 'expireAfterSeconds'], 'an index');
      if (!this.indexes.some((i) => JSON.stringify(i) === JSON.stringify(index))) this.indexes.push(index);
    }
    return indexes.map((i) => Object.keys(i.key).map((k) => `${k}_1`)[0]);
  }

  async findOne(filter: { _id: string }, options: { projection: { _id: 1 } }): Promise<unknown> {
    await this.begin('findOne', filter);
    expectKeys(filter, ['_id'], 'the findOne filter');
    expectKeys(options, ['projection'], 'the findOne options');
    const doc = this.read(filter._id);
    return doc ? { _id: doc._id } : null;
  }
}

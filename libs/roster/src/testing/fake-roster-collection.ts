/**
 * An in-memory `roster` collection that behaves as the driver (mongodb 7) documents for
 * the calls the adapter makes: documents round-trip through BSON; bulkWrite's updateOne
 * upserts report upserted, matched and modified counts, and a $set to the values already
 * stored is not a modification; find returns an async-iterable cursor. Any other operator
 * throws, so the fake cannot silently accept a query the adapter was never tested with.
 */
import { BSON, MongoBulkWriteError } from 'mongodb';
import type { RosterCollection, RosterDocument, RosterUpsert } from '../mongodb-roster';

export class FakeRosterCollection implements RosterCollection {
  readonly docs = new Map<string, Uint8Array>();
  readonly bulkWrites: RosterUpsert[][] = [];
  /** Makes the next bulkWrite fail after applying this many operations, as a server error would. */
  failBulkWriteAfter: number | undefined;

  insert(doc: RosterDocument): void {
    this.docs.set(doc._id, BSON.serialize(doc));
  }

  read(id: string): RosterDocument | undefined {
    const raw = this.docs.get(id);
    return raw && (BSON.deserialize(raw) as RosterDocument);
  }

  async findOne(filter: { _id: string }): Promise<RosterDocument | null> {
    expectKeys(filter, ['_id']);
    return this.read(filter._id) ?? null;
  }

  async bulkWrite(
    operations: RosterUpsert[],
    options: { ordered: false },
  ): Promise<{ upsertedCount: number; matchedCount: number; modifiedCount: number }> {
    if (options.ordered !== false) throw new Error('The fake supports unordered bulk writes only');
    this.bulkWrites.push(operations);
    const result = { upsertedCount: 0, matchedCount: 0, modifiedCount: 0 };
    for (const [i, op] of operations.entries()) {
      if (this.failBulkWriteAfter === i) {
        this.failBulkWriteAfter = undefined;
        // As the driver reports a refused write of an unordered bulk: the server's message,
        // which quotes the key (a member id), and its code.
        throw new MongoBulkWriteError(
          {
            message: `E11000 duplicate key error collection: portal.roster index: _id_ dup key: { _id: "${op.updateOne.filter._id}" }`,
            code: 11000,
          },
          // The driver's BulkWriteResult is internal; the adapter reads nothing from it.
          {} as ConstructorParameters<typeof MongoBulkWriteError>[1],
        );
      }
      expectKeys(op, ['updateOne']);
      expectKeys(op.updateOne, ['filter', 'update', 'upsert']);
      expectKeys(op.updateOne.filter, ['_id']);
      expectKeys(op.updateOne.update, ['$set', '$unset']);
      const id = op.updateOne.filter._id;
      const before = this.docs.get(id);
      const doc: Record<string, unknown> = before ? { ...this.read(id) } : { _id: id };
      Object.assign(doc, structuredClone(op.updateOne.update.$set));
      for (const field of Object.keys(op.updateOne.update.$unset ?? {})) delete doc[field];
      const after = BSON.serialize(doc);
      this.docs.set(id, after);
      if (!before) result.upsertedCount++;
      else {
        result.matchedCount++;
        if (!Buffer.from(before).equals(after)) result.modifiedCount++;
      }
    }
    return result;
  }

  find(filter: Record<string, never>, options: { projection: { _id: 1 } }): AsyncIterable<{ _id: string }> {
    expectKeys(filter, []);
    expectKeys(options.projection, ['_id']);
    const ids = [...this.docs.keys()];
    return (async function* () {
      for (const _id of ids) yield { _id };
    })();
  }

  async deleteMany(filter: { _id: { $in: string[] } }): Promise<{ deletedCount: number }> {
    expectKeys(filter, ['_id']);
    expectKeys(filter._id, ['$in']);
    let deletedCount = 0;
    for (const id of filter._id.$in) if (this.docs.delete(id)) deletedCount++;
    return { deletedCount };
  }
}

function expectKeys(value: object, allowed: string[]): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new Error(`The fake does not support ${unknown.join(', ')}`);
}

/**
 * The production roster: one document per member in a MongoDB collection, keyed by
 * the normalised member id (`_id`), so a lookup is one read of a unique key and an
 * import upserts each member in place. Written against the narrow `RosterCollection`
 * below, which the driver's `Collection` (mongodb 7) satisfies; unit tests use a fake.
 *
 * An operator loads the plan's eligibility file with `importRosterCsv`: the same strict
 * parser as the embedded roster, so a file with any bad row changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Db } from 'mongodb';
import { parseRosterCsv } from './csv-roster';
import { matches, normaliseMemberId, type Roster, type RosterEntry, type RosterQuery } from './roster';

export const ROSTER_COLLECTION = 'roster';

export interface RosterDocument extends RosterEntry {
  /** normaliseMemberId(memberId) */
  _id: string;
}

type RosterFields = Omit<RosterDocument, '_id'>;

export interface RosterUpsert {
  updateOne: {
    filter: { _id: string };
    update: { $set: RosterFields; $unset?: { planName: '' } };
    upsert: true;
  };
}

/** What the adapter and the import ask of `Collection<RosterDocument>`; nothing else. */
export interface RosterCollection {
  findOne(filter: { _id: string }): Promise<RosterDocument | null>;
  bulkWrite(
    operations: RosterUpsert[],
    options: { ordered: false },
  ): Promise<{ upsertedCount: number; matchedCount: number; modifiedCount: number }>;
  find(filter: Record<string, never>, options: { projection: { _id: 1 } }): AsyncIterable<{ _id: string }>;
  deleteMany(filter: { _id: { $in: string[] } }): Promise<{ deletedCount: number }>;
}

/** A stored member lacks a field or has one of the wrong type. Names the field, never the member. */
export class RosterDocumentError extends Error {
  readonly code = 'ROSTER_DOCUMENT_INVALID';
  constructor(readonly field: string) {
    super(`A roster document has no valid ${field}: load the roster again with importRosterCsv`);
    this.name = 'RosterDocumentError';
  }
}

/** The database refused part of an import. Quotes the driver's error code only: its message can hold a member id. */
export class RosterImportError extends Error {
  readonly code = 'ROSTER_IMPORT_FAILED';
  constructor(
    readonly report: RosterImportReport,
    readonly driverCode: string | number | undefined,
  ) {
    super(
      `Roster import stopped after ${report.inserted + report.updated + report.unchanged} of ${report.read} members` +
        ` (MongoDB error ${driverCode ?? 'without a code'}); importing the same file again is safe`,
    );
    this.name = 'RosterImportError';
  }
}

export interface RosterImportReport {
  /** Members in the file. */
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Members no longer in the file, deleted (only with `removeMissing`). */
  removed: number;
}

export interface RosterImportOptions {
  /**
   * The file is the whole roster: members stored but absent from it are deleted, so
   * they can no longer register. Off by default, so a partial file only adds and updates.
   */
  removeMissing?: boolean;
  /** Members per bulk write: 1000 by default. */
  batchSize?: number;
}

export class MongoRoster implements Roster {
  constructor(
    private readonly collection: RosterCollection,
    private readonly options: { ping?: () => Promise<unknown> } = {},
  ) {}

  static fromDb(db: Db, name = ROSTER_COLLECTION): MongoRoster {
    return new MongoRoster(db.collection<RosterDocument>(name), { ping: () => db.command({ ping: 1 }) });
  }

  async findMember(query: RosterQuery): Promise<RosterEntry | undefined> {
    const entry = await this.getByMemberId(query.memberId);
    return entry && matches(entry, query) ? entry : undefined;
  }

  async getByMemberId(memberId: string): Promise<RosterEntry | undefined> {
    const doc = await this.collection.findOne({ _id: normaliseMemberId(memberId) });
    return doc ? toEntry(doc) : undefined;
  }

  async ping(): Promise<void> {
    if (this.options.ping) await this.options.ping();
    else await this.collection.findOne({ _id: '' });
  }
}

function toEntry(doc: RosterDocument): RosterEntry {
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw new RosterDocumentError(field);
    return value;
  };
  const optional = (value: unknown, field: string): string | undefined =>
    value === undefined || value === null ? undefined : text(value, field);
  const address: unknown = doc.address;
  if (typeof address !== 'object' || address === null) throw new RosterDocumentError('address');
  const a = address as Record<string, unknown>;
  const line2 = optional(a.line2, 'address.line2');
  const planName = optional(doc.planName, 'planName');
  const dateOfBirth = text(doc.dateOfBirth, 'dateOfBirth');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) throw new RosterDocumentError('dateOfBirth');
  return {
    memberId: text(doc.memberId, 'memberId'),
    firstName: text(doc.firstName, 'firstName'),
    lastName: text(doc.lastName, 'lastName'),
    dateOfBirth,
    address: {
      line1: text(a.line1, 'address.line1'),
      ...(line2 === undefined ? {} : { line2 }),
      city: text(a.city, 'address.city'),
      state: text(a.state, 'address.state'),
      postalCode: text(a.postalCode, 'address.postalCode'),
    },
    ...(planName === undefined ? {} : { planName }),
  };
}

function upsert(entry: RosterEntry): RosterUpsert {
  // Fields in one fixed order, so re-importing an unchanged member is a no-op the server reports as unmodified.
  const { line1, line2, city, state, postalCode } = entry.address;
  const $set: RosterFields = {
    memberId: entry.memberId,
    firstName: entry.firstName,
    lastName: entry.lastName,
    dateOfBirth: entry.dateOfBirth,
    address: { line1, ...(line2 === undefined ? {} : { line2 }), city, state, postalCode },
    ...(entry.planName === undefined ? {} : { planName: entry.planName }),
  };
  return {
    updateOne: {
      filter: { _id: normaliseMemberId(entry.memberId) },
      update: entry.planName === undefined ? { $set, $unset: { planName: '' } } : { $set },
      upsert: true,
    },
  };
}

/** Upserts parsed members by normalised member id (see importRosterCsv). */
export async function importRoster(
  entries: readonly RosterEntry[],
  collection: RosterCollection,
  options: RosterImportOptions = {},
): Promise<RosterImportReport> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer (got ${String(batchSize)})`);
  const report: RosterImportReport = {
    read: entries.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
  };
  const driverCode = (error: unknown) =>
    (error as { codeName?: string; code?: string | number }).codeName ??
    (error as { code?: string | number }).code;
  try {
    for (let i = 0; i < entries.length; i += batchSize) {
      const result = await collection.bulkWrite(entries.slice(i, i + batchSize).map(upsert), {
        ordered: false,
      });
      report.inserted += result.upsertedCount;
      report.updated += result.modifiedCount;
      report.unchanged += result.matchedCount - result.modifiedCount;
    }
    if (options.removeMissing) {
      const keep = new Set(entries.map((e) => normaliseMemberId(e.memberId)));
      let gone: string[] = [];
      const remove = async () => {
        if (gone.length > 0)
          report.removed += (await collection.deleteMany({ _id: { $in: gone } })).deletedCount;
        gone = [];
      };
      for await (const { _id } of collection.find({}, { projection: { _id: 1 } })) {
        if (!keep.has(_id)) gone.push(_id);
        if (gone.length >= batchSize) await remove();
      }
      await remove();
    }
  } catch (error) {
    throw new RosterImportError(report, driverCode(error));
  }
  return report;
}

/**
 * Loads the plan's eligibility file (the CSV the embedded roster reads) into the
 * collection, upserting each member by normalised member id. A file with any bad row
 * is refused whole (RosterFileError, rows named by line) before anything is written.
 */
export async function importRosterCsv(
  file: string,
  collection: RosterCollection,
  options: RosterImportOptions = {},
): Promise<RosterImportReport> {
  return importRoster(parseRosterCsv(await readFile(file, 'utf8'), file), collection, options);
}

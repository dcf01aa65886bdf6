/**
 * The production session store: one document per session in the `sessions`
 * collection, shared by every API instance:
 * `{ _id: tokenHash, sessionId, accountId, createdAt, lastSeenAt, expiresAt, mustChangePassword, revokedAt }`.
 * Written against the narrow `SessionCollection` below, which the driver's `Collection`
 * (mongodb 7) satisfies; unit tests hand it a fake that behaves as the driver documents.
 *
 * - `touch` is one `findOneAndUpdate` whose filter matches only a live session (not
 *   revoked, seen within the idle timeout, younger than the absolute one), so two
 *   instances racing cannot revive a session that has ended.
 * - `revokeAllFor` is one `updateMany`. The driver never retries a multi-document write,
 *   so the adapter does: the update only sets `revokedAt` where it is still null, and
 *   running it twice ends the same sessions.
 * - A TTL index deletes each document at its `expiresAt` (creation + absolute timeout),
 *   when it can no longer be live whatever it holds. The filters, not the TTL monitor
 *   (which runs about once a minute), decide whether a session is live.
 * - Majority write concern, so an ended session stays ended after a failover.
 */
import type { Db } from 'mongodb';
import {
  checkNewSession,
  checkText,
  checkTime,
  checkTimeouts,
  DEFAULT_TIMEOUTS,
  type NewSession,
  type Session,
  SessionExistsError,
  type SessionStore,
  type SessionTimeouts,
} from './session-store.port';

export const SESSIONS_COLLECTION = 'sessions';

export interface SessionDocument {
  /** The keyed hash of the session token. */
  _id: string;
  sessionId: string;
  accountId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** createdAt + the absolute timeout in force at creation: when the TTL index deletes the document. */
  expiresAt: Date;
  mustChangePassword: boolean;
  revokedAt: Date | null;
}

/** Matches a session only while it is live at the `now` the bounds were computed from. */
export interface LiveSessionFilter {
  _id: string;
  revokedAt: null;
  lastSeenAt: { $gt: Date };
  createdAt: { $gt: Date };
}

export type SessionIndex =
  | { key: { accountId: 1 } }
  | { key: { sessionId: 1 }; unique: true }
  | { key: { expiresAt: 1 }; expireAfterSeconds: 0 };

export const SESSION_INDEXES: SessionIndex[] = [
  { key: { accountId: 1 } },
  { key: { sessionId: 1 }, unique: true },
  { key: { expiresAt: 1 }, expireAfterSeconds: 0 },
];

type Revocation = { $set: { revokedAt: Date } };

/** What the adapter asks of `Collection<SessionDocument>`; nothing else. */
export interface SessionCollection {
  /** Throws a MongoServerError with code 11000 when the `_id` or the `sessionId` exists. */
  insertOne(doc: SessionDocument): Promise<unknown>;
  /** The document after the update, or null when the filter matched none (driver 6+: no ModifyResult). */
  findOneAndUpdate(
    filter: LiveSessionFilter,
    update: { $set: { lastSeenAt: Date } },
    options: { returnDocument: 'after'; includeResultMetadata: false },
  ): Promise<SessionDocument | null>;
  updateOne(filter: { _id: string; revokedAt: null }, update: Revocation): Promise<{ matchedCount: number }>;
  updateMany(
    filter: { accountId: string; revokedAt: null },
    update: Revocation,
  ): Promise<{ matchedCount: number; modifiedCount: number }>;
  createIndexes(indexes: SessionIndex[]): Promise<string[]>;
  /** Only for `ping()` when no database command was given. */
  findOne(filter: { _id: string }, options: { projection: { _id: 1 } }): Promise<unknown>;
}

export interface MongoSessionStoreOptions {
  timeouts?: SessionTimeouts;
  /** Runs a round trip to the server for `ping()`; by default a read through the collection. */
  ping?: () => Promise<unknown>;
  /** Called by `close()`: the store does not own a client it was handed. */
  close?: () => Promise<void>;
  /** Attempts of `revokeAllFor`'s update before its error is thrown (3 by default). */
  revokeAttempts?: number;
}

/** A stored session lacks a field or has one of the wrong type. Names the field, never the token hash. */
export class SessionDocumentError extends Error {
  readonly code = 'SESSION_DOCUMENT_INVALID';
  constructor(readonly field: string) {
    super(`A stored session has no valid ${field}`);
    this.name = 'SessionDocumentError';
  }
}

const DUPLICATE_KEY = 11000;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

export class MongoSessionStore implements SessionStore {
  readonly timeouts: SessionTimeouts;
  private indexed: Promise<string[]> | undefined;

  constructor(
    private readonly collection: SessionCollection,
    private readonly options: MongoSessionStoreOptions = {},
  ) {
    this.timeouts = checkTimeouts(options.timeouts ?? DEFAULT_TIMEOUTS);
  }

  /** The collection `sessions` of a database, with majority write and read concerns (the write's wait bounded as the client's). */
  static fromDb(db: Db, options: MongoSessionStoreOptions & { collection?: string } = {}): MongoSessionStore {
    const collection = db.collection<SessionDocument>(options.collection ?? SESSIONS_COLLECTION, {
      // Majority, with the client's own bound on the wait (an operation's or a collection's write
      // concern replaces the client's whole, so the bound is carried over).
      writeConcern: { ...db.writeConcern, w: 'majority' },
      readConcern: { level: 'majority' },
      readPreference: 'primary',
    });
    return new MongoSessionStore(collection, { ping: () => db.command({ ping: 1 }), ...options });
  }

  async create(tokenHash: string, s: NewSession): Promise<void> {
    checkNewSession(tokenHash, s);
    await this.ensureIndexes();
    const createdAt = new Date(s.createdAt);
    try {
      await this.collection.insertOne({
        _id: tokenHash,
        sessionId: s.sessionId,
        accountId: s.accountId,
        createdAt,
        lastSeenAt: createdAt,
        expiresAt: new Date(s.createdAt + this.timeouts.absoluteMs),
        mustChangePassword: s.mustChangePassword,
        revokedAt: null,
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new SessionExistsError();
      throw error;
    }
  }

  async touch(tokenHash: string, now: number): Promise<Session | undefined> {
    checkText(tokenHash, 'tokenHash');
    checkTime(now, 'now');
    const doc = await this.collection.findOneAndUpdate(
      {
        _id: tokenHash,
        revokedAt: null,
        lastSeenAt: { $gt: new Date(now - this.timeouts.idleMs) },
        createdAt: { $gt: new Date(now - this.timeouts.absoluteMs) },
      },
      { $set: { lastSeenAt: new Date(now) } },
      { returnDocument: 'after', includeResultMetadata: false },
    );
    return doc ? toSession(doc) : undefined;
  }

  async revoke(tokenHash: string, now: number): Promise<void> {
    checkText(tokenHash, 'tokenHash');
    checkTime(now, 'now');
    await this.collection.updateOne(
      { _id: tokenHash, revokedAt: null },
      { $set: { revokedAt: new Date(now) } },
    );
  }

  async revokeAllFor(accountId: string, now: number): Promise<number> {
    checkText(accountId, 'accountId');
    checkTime(now, 'now');
    const attempts = Math.max(1, this.options.revokeAttempts ?? 3);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ensureIndexes();
        const result = await this.collection.updateMany(
          { accountId, revokedAt: null },
          { $set: { revokedAt: new Date(now) } },
        );
        return result.modifiedCount;
      } catch (error) {
        // An attempt that failed after the server applied it leaves nothing to redo; a retry
        // then matches only what it missed. Past the last attempt the caller must know.
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * 4 ** (attempt - 1)));
      }
    }
  }

  async ping(): Promise<void> {
    if (this.options.ping) await this.options.ping();
    else await this.collection.findOne({ _id: '' }, { projection: { _id: 1 } });
  }

  async close(): Promise<void> {
    await this.options.close?.();
  }

  /** Once per store; a failure is retried by the next call rather than remembered. */
  private ensureIndexes(): Promise<string[]> {
    this.indexed ??= this.collection.createIndexes(SESSION_INDEXES).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    return this.indexed;
  }
}

function toSession(doc: SessionDocument): Session {
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value === '') throw new SessionDocumentError(field);
    return value;
  };
  const time = (value: unknown, field: string): number => {
    // By tag, not instanceof: a Date from another realm (a vm context, a second bson copy) is still a date.
    if (Object.prototype.toString.call(value) !== '[object Date]') throw new SessionDocumentError(field);
    const ms = (value as Date).getTime();
    if (Number.isNaN(ms)) throw new SessionDocumentError(field);
    return ms;
  };
  if (typeof doc.mustChangePassword !== 'boolean') throw new SessionDocumentError('mustChangePassword');
  return {
    sessionId: text(doc.sessionId, 'sessionId'),
    accountId: text(doc.accountId, 'accountId'),
    createdAt: time(doc.createdAt, 'createdAt'),
    lastSeenAt: time(doc.lastSeenAt, 'lastSeenAt'),
    mustChangePassword: doc.mustChangePassword,
  };
}

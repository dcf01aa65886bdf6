/**
 * The embedded event store: one SQLite file (better-sqlite3), WAL with
 * `synchronous=FULL`, so an append is acknowledged only once its commit is on disk.
 *
 * Group commit: `append` only queues the request; one flush per event-loop turn
 * runs every queued append inside a single `BEGIN IMMEDIATE … COMMIT`, so a burst of
 * concurrent appends costs one fsync. The commit runs in a worker thread that owns the
 * write connection (commit-worker.ts; `commits: 'loop'` runs it on the event loop as
 * before): the loop neither inserts nor waits for the disk, and appends queued while
 * a commit is under way go together into the next one. Reads, subscriptions and
 * snapshot reads stay on this thread's own connection, which sees a commit once the
 * worker's COMMIT has returned (before the append is settled). WAL checkpoints run in
 * another worker thread (wal-checkpointer.ts). The batch runs serially, so each append checks
 * its own expected revision and event ids against everything before it (stored or
 * earlier in the batch) and a conflict fails that append alone. Promises settle only
 * after the commit; if the commit fails, every append of the batch fails with a
 * retryable EventStoreUnavailableError and none of them is stored.
 *
 * `seq` (the rowid) is the global position. SQLite writers are serialised and rowids
 * are handed out inside the write transaction, so `seq` order is commit order and a
 * reader never sees a later seq before an earlier one: subscriptions page on it.
 *
 * Snapshots (`snapshots()`, the SnapshotStore port) are rows of their own table in the
 * same file, never in `events`; a write is queued like an append and committed with the
 * next batch, so it costs no fsync of its own.
 */
import Database from 'better-sqlite3';
import { EventIdConflictError, revisionMatches, validateAppend, validateMaxCount } from '../validation';
import {
  type AppendResult,
  type EventHandler,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  START,
  type SubscribeOptions,
  type Subscription,
  UnreadableEventError,
  WrongExpectedRevisionError,
} from '../event-store.port';
import {
  type Snapshot,
  snapshotFromJson,
  type SnapshotStore,
  snapshotToJson,
  validateSnapshot,
} from '../snapshot-store.port';
import { PollingSubscription } from './polling-subscription';
import { type AppendOutcome, CommitWorker } from './commit-worker';
import { WalCheckpointer, type WalCheckpointerOptions, type WalCheckpointerStats } from './wal-checkpointer';

export interface SqliteEventStoreOptions {
  /** How long an idle subscription waits before looking for events committed by another process. */
  pollIntervalMs?: number;
  /** Upper bound on the events committed in one transaction (one flush can hold many appends). */
  maxBatchEvents?: number;
  /** How long a commit waits for another process holding the write lock. */
  busyTimeoutMs?: number;
  /** Events read per page by a catching-up subscription. */
  subscriptionPageSize?: number;
  /** SQLite's page cache for this connection, in MiB (32). */
  cacheMiB?: number;
  /**
   * Checkpoints by a worker thread (see wal-checkpointer.ts), so that the commit which fills the
   * log does not copy it into the database on the event loop. `false`: SQLite's automatic
   * checkpoint on the committing connection alone, every 10,000 pages (as before).
   */
  checkpointer?: WalCheckpointerOptions | false;
  /**
   * Where group commits run: `worker` (default), a worker thread owning the write connection
   * (see commit-worker.ts), so the event loop neither inserts nor waits for the fsync; `loop`:
   * on the event loop, on this connection (as before).
   */
  commits?: 'worker' | 'loop';
}

/** Without the checkpoint worker: the committing connection checkpoints every ~40 MB of log. */
const AUTOCHECKPOINT_PAGES = 10_000;
/** With it: the committing connection's own checkpoint only as a backstop, if the worker falls behind or died. */
const BACKSTOP_AUTOCHECKPOINT_PAGES = 32_768;

export interface SqliteEventStoreDiagnostics {
  journalMode: string;
  /** 2 = FULL. */
  synchronous: number;
  /** SQLite's page cache of this connection. */
  cacheKiB: number;
  /** Write transactions committed since open. */
  commits: number;
  /** Appends settled (accepted or refused) by those commits. */
  appends: number;
  /** The checkpoint worker's last report; absent when it is off. */
  checkpointer?: WalCheckpointerStats;
}

interface PendingSnapshot {
  streamId: string;
  row: Record<string, string>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  data: string[];
  metadata: string[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** seq, stream_id, revision, event_id, type, data, metadata, recorded_at */
type EventRow = [bigint, string, bigint, string, string, string, string, string];

const SCHEMA_VERSION = 1;
const MAX_REVISION = 0x7fffffffffffffffn;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq         INTEGER PRIMARY KEY,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  event_id    TEXT    NOT NULL UNIQUE,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
`;

/**
 * Created on every open, not by a schema version: a file opened by a release from before
 * snapshots keeps working (that release ignores the table), so a rollback needs no migration.
 */
const SNAPSHOT_SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  stream_id TEXT PRIMARY KEY,
  revision  TEXT NOT NULL,
  last_hash TEXT NOT NULL,
  version   TEXT NOT NULL,
  state     TEXT NOT NULL,
  taken_at  TEXT NOT NULL
) STRICT;
`;

const COLUMNS = 'seq, stream_id, revision, event_id, type, data, metadata, recorded_at';

function toRecordedEvent(row: EventRow): RecordedEvent {
  const seq = row[0];
  const position = { commit: seq, prepare: seq };
  // JSON.parse's message can quote the text: only which column is broken goes into the error.
  const parse = (text: string, column: 'data' | 'metadata') => {
    try {
      return JSON.parse(text);
    } catch {
      throw new UnreadableEventError(row[1], row[2], row[3], position, `its ${column} is not valid JSON`);
    }
  };
  return {
    id: row[3],
    type: row[4],
    data: parse(row[5], 'data'),
    metadata: parse(row[6], 'metadata'),
    streamId: row[1],
    revision: row[2],
    position,
    recordedAt: row[7],
  };
}

/** SQLite reads LIMIT -1 as no limit. */
function limitOf(maxCount: number | undefined): number {
  return validateMaxCount(maxCount) ?? -1;
}

/**
 * Duck-typed, not `instanceof Error`: better-sqlite3's native binding keeps the
 * SqliteError class of the first module instance that loaded it, which under Jest's
 * per-file module registries (or any second copy of the package) is another realm's.
 */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function isEventIdViolation(error: unknown): boolean {
  return /UNIQUE constraint failed: events\.event_id/.test(messageOf(error));
}

/** An append's outcome from the commit worker, as the loop's commit would have settled it. */
function settle(request: PendingAppend, outcome: AppendOutcome): void {
  if (outcome.ok) {
    request.resolve({
      nextRevision: outcome.nextRevision,
      position: { commit: outcome.seq, prepare: outcome.seq },
    });
  } else if (outcome.kind === 'revision') {
    request.reject(new WrongExpectedRevisionError(request.streamId, request.expected, outcome.actual));
  } else if (outcome.kind === 'event-id') {
    request.reject(new EventIdConflictError(request.streamId, outcome.eventId, outcome.message));
  } else {
    request.reject(Object.assign(new Error(outcome.message), { code: outcome.code }));
  }
}

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly maxBatchEvents: number;
  private readonly pageSize: number;
  private readonly subscriptions = new Set<PollingSubscription>();
  private queue: PendingAppend[] = [];
  private snapshotQueue: PendingSnapshot[] = [];
  private snapshotStore: SnapshotStore | undefined;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly writer: CommitWorker | undefined;
  /** The worker's commit under way: the next batch waits for it. */
  private committing: Promise<void> | undefined;
  private flushScheduled = false;
  private closing = false;
  private closed = false;
  private commits = 0;
  private appends = 0;

  private readonly stmt: {
    begin: Database.Statement;
    commit: Database.Statement;
    rollback: Database.Statement;
    savepoint: Database.Statement;
    rollbackToSavepoint: Database.Statement;
    releaseSavepoint: Database.Statement;
    head: Database.Statement<[string]>;
    insert: Database.Statement<[string, bigint, string, string, string, string, string]>;
    findById: Database.Statement<[string]>;
    readForwards: Database.Statement<[string, bigint, number]>;
    readBackwards: Database.Statement<[string, bigint, number]>;
    readAfter: Database.Statement<[bigint, number]>;
    ping: Database.Statement;
    readSnapshot: Database.Statement<[string]>;
    writeSnapshot: Database.Statement<[Record<string, string>]>;
  };

  /** Opens (creating if needed) the store in `file`; the directory must exist. */
  static open(file: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    return new SqliteEventStore(file, options);
  }

  private constructor(file: string, options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxBatchEvents = options.maxBatchEvents ?? 4_096;
    this.pageSize = options.subscriptionPageSize ?? 512;
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 5_000 });
    try {
      const mode = this.db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal')
        throw new Error(`SQLite event store ${file}: cannot use WAL (journal_mode is ${mode})`);
      // FULL syncs the WAL on every commit: an acknowledged append survives power loss (NORMAL would not).
      this.db.pragma('synchronous = FULL');
      // Checkpoint every ~40 MB of WAL instead of SQLite's 4 MB: hot index pages rewritten by many
      // commits are copied to the database once per checkpoint, which measured ~20% more appends/s.
      // With the checkpoint worker, that is its job and this one is a backstop.
      const worker = options.checkpointer !== false;
      const autocheckpointPages = worker ? BACKSTOP_AUTOCHECKPOINT_PAGES : AUTOCHECKPOINT_PAGES;
      this.db.pragma(`wal_autocheckpoint = ${autocheckpointPages}`);
      this.db.pragma('journal_size_limit = 67108864');
      this.db.pragma(`cache_size = -${Math.max(1, Math.round((options.cacheMiB ?? 32) * 1024))}`);
      this.migrate();
      this.stmt = this.prepareStatements();
      if (options.commits !== 'loop') {
        this.writer = new CommitWorker({
          file,
          busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
          cacheMiB: options.cacheMiB ?? 32,
          autocheckpointPages,
        });
      }
      if (worker) this.checkpointer = WalCheckpointer.start(file, options.checkpointer || {});
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true });
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new Error(`Event store schema version ${version} is newer than this code (${SCHEMA_VERSION})`);
    }
    this.db.exec(SNAPSHOT_SCHEMA);
    if (version === SCHEMA_VERSION) return;
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  private prepareStatements() {
    const db = this.db;
    const rows = <P extends unknown[]>(sql: string) => db.prepare<P>(sql).raw(true).safeIntegers(true);
    return {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT append_one'),
      rollbackToSavepoint: db.prepare('ROLLBACK TO append_one'),
      releaseSavepoint: db.prepare('RELEASE append_one'),
      head: rows<[string]>(
        'SELECT revision, seq FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: db
        .prepare<[string, bigint, string, string, string, string, string]>(
          'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .safeIntegers(true),
      findById: rows<[string]>('SELECT seq, stream_id, revision FROM events WHERE event_id = ?'),
      readForwards: rows<[string, bigint, number]>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      readBackwards: rows<[string, bigint, number]>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      readAfter: rows<[bigint, number]>(`SELECT ${COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?`),
      ping: db.prepare('SELECT 1').pluck(true),
      readSnapshot: db.prepare<[string]>(
        'SELECT revision, last_hash AS lastHash, version, state, taken_at AS takenAt FROM snapshots WHERE stream_id = ?',
      ),
      writeSnapshot: db.prepare<[Record<string, string>]>(
        `INSERT INTO snapshots (stream_id, revision, last_hash, version, state, taken_at)
         VALUES (@streamId, @revision, @lastHash, @version, @state, @takenAt)
         ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash,
           version = excluded.version, state = excluded.state, taken_at = excluded.taken_at`,
      ),
    };
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(this.closedError());
    let data: string[];
    let metadata: string[];
    try {
      // Serialised here, not in the flush, so an unserialisable or oversized event fails alone and early.
      ({ data, metadata } = validateAppend(streamId, events, expected));
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, data, metadata, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: it runs after the current turn's callers (and the
        // continuations of the previous batch's callers) have all queued their appends.
        setImmediate(() => this.flush());
      }
    });
  }

  /** The SnapshotStore port on this file (a table of its own; see the header). */
  snapshots(): SnapshotStore {
    return (this.snapshotStore ??= {
      read: async (streamId) => {
        this.assertOpen();
        const row = this.stmt.readSnapshot.get(streamId);
        return row === undefined ? undefined : snapshotFromJson(streamId, row);
      },
      write: (streamId, snapshot) => this.queueSnapshot(streamId, snapshot),
    });
  }

  private queueSnapshot(streamId: string, snapshot: Snapshot): Promise<void> {
    if (this.closed || this.closing) return Promise.reject(this.closedError());
    try {
      validateSnapshot(streamId, snapshot);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.snapshotQueue.push({ streamId, row: { streamId, ...snapshotToJson(snapshot) }, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    // The worker's answer flushes what was queued meanwhile.
    if (this.committing) return;
    if (this.queue.length === 0 && this.snapshotQueue.length === 0) return;
    let take = 0;
    let events = 0;
    while (
      take < this.queue.length &&
      (take === 0 || events + this.queue[take].events.length <= this.maxBatchEvents)
    ) {
      events += this.queue[take].events.length;
      take++;
    }
    const batch = this.queue.slice(0, take);
    this.queue = this.queue.slice(take);
    if (this.writer) {
      this.committing = this.commitInWorker(this.writer, batch).finally(() => {
        this.committing = undefined;
        this.flush();
      });
      return;
    }
    if (this.queue.length > 0) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    this.commitBatch(batch);
  }

  private commitBatch(batch: PendingAppend[]): void {
    // Snapshots queued so far ride along with this batch's transaction.
    const snapshots = this.snapshotQueue;
    this.snapshotQueue = [];
    if (this.closed) {
      for (const request of [...batch, ...snapshots]) request.reject(this.closedError());
      return;
    }
    const outcomes: Array<{ ok: true; result: AppendResult } | { ok: false; error: unknown }> = [];
    const snapshotOutcomes: unknown[] = [];
    const recordedAt = new Date().toISOString();
    try {
      this.stmt.begin.run();
      for (const request of snapshots) {
        try {
          this.stmt.writeSnapshot.run(request.row);
          snapshotOutcomes.push(undefined);
        } catch (error) {
          if (!this.db.inTransaction) throw error;
          snapshotOutcomes.push(error ?? new Error('snapshot write failed'));
        }
      }
      for (const request of batch) {
        try {
          outcomes.push({ ok: true, result: this.applyAppend(request, recordedAt) });
        } catch (error) {
          // A statement error that ended the transaction (I/O, disk full) dooms the whole batch.
          if (!this.db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      this.stmt.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      const failure = new EventStoreUnavailableError(
        `SQLite event store: commit failed (${messageOf(error)})`,
        true,
        error,
      );
      for (const request of batch) request.reject(failure);
      for (const request of snapshots) request.reject(failure);
      return;
    }
    for (let i = 0; i < snapshots.length; i++) {
      const error = snapshotOutcomes[i];
      if (error === undefined) snapshots[i].resolve();
      else snapshots[i].reject(error);
    }
    this.commits++;
    this.appends += batch.length;
    for (let i = 0; i < batch.length; i++) {
      const outcome = outcomes[i];
      if (outcome.ok) batch[i].resolve(outcome.result);
      else batch[i].reject(outcome.error);
    }
    for (const subscription of this.subscriptions) subscription.wake();
  }

  /** commitBatch's work done by the commit worker; settles every request of the batch. */
  private async commitInWorker(writer: CommitWorker, batch: PendingAppend[]): Promise<void> {
    const snapshots = this.snapshotQueue;
    this.snapshotQueue = [];
    const failAll = (failure: unknown) => {
      for (const request of batch) request.reject(failure);
      for (const request of snapshots) request.reject(failure);
    };
    if (this.closed) return failAll(this.closedError());
    let answer;
    try {
      answer = await writer.commit({
        appends: batch.map((r) => ({
          streamId: r.streamId,
          ids: r.events.map((e) => e.id),
          types: r.events.map((e) => e.type),
          data: r.data,
          metadata: r.metadata,
          expected: r.expected,
        })),
        snapshots: snapshots.map((r) => r.row),
        recordedAt: new Date().toISOString(),
      });
    } catch (error) {
      return failAll(
        new EventStoreUnavailableError(
          `SQLite event store: the commit worker failed (${messageOf(error)})`,
          false,
          error,
        ),
      );
    }
    if (answer.failed !== undefined) {
      return failAll(
        new EventStoreUnavailableError(`SQLite event store: commit failed (${answer.failed})`, true),
      );
    }
    for (let i = 0; i < snapshots.length; i++) {
      const error = answer.snapshotErrors[i];
      if (error === undefined || error === null) snapshots[i].resolve();
      else snapshots[i].reject(new Error(error));
    }
    this.commits++;
    this.appends += batch.length;
    for (let i = 0; i < batch.length; i++) settle(batch[i], answer.outcomes[i]);
    for (const subscription of this.subscriptions) subscription.wake();
  }

  /** Runs inside the batch transaction. Throws only errors that concern this append alone. */
  private applyAppend(request: PendingAppend, recordedAt: string): AppendResult {
    const { streamId, events, expected } = request;
    const head = this.stmt.head.get(streamId) as [bigint, bigint] | undefined;
    const actual = head ? head[0] : 'no_stream';
    if (!revisionMatches(expected, actual)) {
      // A retry of an append that already succeeded carries the revision it read before that success.
      const replay = this.alreadyStored(request);
      if (replay) return replay;
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }
    const first = head ? head[0] + 1n : 0n;
    const several = events.length > 1;
    if (several) this.stmt.savepoint.run();
    let seq = 0n;
    try {
      for (let i = 0; i < events.length; i++) {
        const info = this.stmt.insert.run(
          streamId,
          first + BigInt(i),
          events[i].id,
          events[i].type,
          request.data[i],
          request.metadata[i],
          recordedAt,
        );
        seq = info.lastInsertRowid as bigint;
      }
    } catch (error) {
      if (several && this.db.inTransaction) {
        this.stmt.rollbackToSavepoint.run();
        this.stmt.releaseSavepoint.run();
      }
      // The cheap path skips the id lookup; a duplicate id surfaces here instead.
      if (isEventIdViolation(error)) {
        const replay = this.alreadyStored(request);
        if (replay) return replay;
      }
      throw error;
    }
    if (several) this.stmt.releaseSavepoint.run();
    return { nextRevision: first + BigInt(events.length - 1), position: { commit: seq, prepare: seq } };
  }

  /**
   * If every event of the request is already in its stream, the revision and position of
   * the last of them (what the original append returned): a retry then behaves as the
   * original did. None stored: undefined. Anything in between is a conflict.
   */
  private alreadyStored(request: PendingAppend): AppendResult | undefined {
    let found = 0;
    let last: [bigint, string, bigint] | undefined;
    for (const event of request.events) {
      const row = this.stmt.findById.get(event.id) as [bigint, string, bigint] | undefined;
      if (!row) continue;
      if (row[1] !== request.streamId) {
        throw new EventIdConflictError(
          request.streamId,
          event.id,
          `Event id ${event.id} is already stored in another stream (${row[1]})`,
        );
      }
      found++;
      if (!last || row[2] > last[2]) last = row;
    }
    if (!last) return undefined;
    if (found < request.events.length) {
      throw new EventIdConflictError(
        request.streamId,
        request.events[0].id,
        `Stream ${request.streamId}: ${found} of the ${request.events.length} events of this append are already stored`,
      );
    }
    return { nextRevision: last[2], position: { commit: last[0], prepare: last[0] } };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = limitOf(options.maxCount);
    const rows =
      options.direction === 'backwards'
        ? this.stmt.readBackwards.all(streamId, options.fromRevision ?? MAX_REVISION, limit)
        : this.stmt.readForwards.all(streamId, options.fromRevision ?? 0n, limit);
    return (rows as EventRow[]).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readAfter(options.after?.commit ?? START.commit, limitOf(options.maxCount));
  }

  private readAfter(after: bigint, limit: number): RecordedEvent[] {
    return (this.stmt.readAfter.all(after, limit) as EventRow[]).map(toRecordedEvent);
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new PollingSubscription(
      { readAfter: (after, limit) => this.readAfter(after, limit) },
      handler,
      {
        ...options,
        pollIntervalMs: this.pollIntervalMs,
        pageSize: this.pageSize,
        onEnd: (s) => this.subscriptions.delete(s),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.stmt.ping.get();
  }

  diagnostics(): SqliteEventStoreDiagnostics {
    this.assertOpen();
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      cacheKiB: -Number(this.db.pragma('cache_size', { simple: true })),
      commits: this.commits,
      appends: this.appends,
      ...(this.checkpointer ? { checkpointer: this.checkpointer.stats() } : {}),
    };
  }

  /** Stops every subscription, commits the appends already queued, then closes the file. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    while (this.queue.length > 0 || this.snapshotQueue.length > 0 || this.committing) {
      if (this.committing) await this.committing;
      else this.flush();
    }
    this.closed = true;
    await this.writer?.close();
    await this.checkpointer?.close();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed || this.closing) throw this.closedError();
  }

  private closedError(): EventStoreUnavailableError {
    return new EventStoreUnavailableError('SQLite event store is closed', false);
  }
}

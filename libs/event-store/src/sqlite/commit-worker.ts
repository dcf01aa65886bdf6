/**
 * The event store's write connection in a worker thread: each group commit (`BEGIN
 * IMMEDIATE`, the batch's appends and snapshot writes, `COMMIT` with
 * `synchronous=FULL`) runs there, so the event loop neither runs the inserts nor waits
 * for the fsync. The store sends the next batch once the worker has answered the last
 * one; appends queued meanwhile wait for it and share its transaction (group commit as
 * before, with batches as large as the commit is slow).
 *
 * Durability is the same as on the loop: the same SQLite settings on the connection
 * that commits, and an append is settled only from the worker's answer, sent after
 * `COMMIT` returned (the commit on disk). A reader on another connection (the store's
 * own, another process) sees a commit only once it is synced, as before.
 *
 * Each append is checked as `applyAppend` did on the loop (its expected revision, a
 * retry of an append already stored, an event id already used); its refusal comes
 * back as data and becomes the same error class on the loop's side.
 */
import { Worker } from 'node:worker_threads';
import type { ExpectedRevision } from '../event-store.port';

export interface CommitWorkerOptions {
  file: string;
  busyTimeoutMs: number;
  cacheMiB: number;
  autocheckpointPages: number;
}

export interface AppendRequest {
  streamId: string;
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
  expected: ExpectedRevision;
}

export type AppendOutcome =
  | { ok: true; nextRevision: bigint; seq: bigint }
  | { ok: false; kind: 'revision'; actual: bigint | 'no_stream' }
  | { ok: false; kind: 'event-id'; eventId: string; message: string }
  | { ok: false; kind: 'error'; message: string; code?: string };

export interface CommitAnswer {
  /** The whole transaction failed (nothing of it stored): SQLite's message. */
  failed?: string;
  outcomes: AppendOutcome[];
  /** Per snapshot row: undefined when written, else SQLite's message. */
  snapshotErrors: Array<string | undefined>;
}

/**
 * The worker's code. Plain JavaScript run with `eval`, so the same source runs from the
 * build and under the test runner (which cannot load a `.ts` worker).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const o = workerData;
const db = new Database(o.file, { timeout: o.busyTimeoutMs, fileMustExist: true });
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = ' + o.autocheckpointPages);
db.pragma('journal_size_limit = 67108864');
db.pragma('cache_size = -' + Math.max(1, Math.round(o.cacheMiB * 1024)));
const stmt = {
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
  savepoint: db.prepare('SAVEPOINT append_one'),
  rollbackToSavepoint: db.prepare('ROLLBACK TO append_one'),
  releaseSavepoint: db.prepare('RELEASE append_one'),
  head: db.prepare('SELECT revision, seq FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').raw(true).safeIntegers(true),
  insert: db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)').safeIntegers(true),
  findById: db.prepare('SELECT seq, stream_id, revision FROM events WHERE event_id = ?').raw(true).safeIntegers(true),
  writeSnapshot: db.prepare(
    'INSERT INTO snapshots (stream_id, revision, last_hash, version, state, taken_at) ' +
      'VALUES (@streamId, @revision, @lastHash, @version, @state, @takenAt) ' +
      'ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash, ' +
      'version = excluded.version, state = excluded.state, taken_at = excluded.taken_at',
  ),
};
const messageOf = (e) => (e && typeof e.message === 'string' ? e.message : String(e));
class Refusal {
  constructor(outcome) { this.outcome = outcome; }
}
function revisionMatches(expected, actual) {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}
function alreadyStored(r) {
  let found = 0;
  let last;
  for (const id of r.ids) {
    const row = stmt.findById.get(id);
    if (!row) continue;
    if (row[1] !== r.streamId)
      throw new Refusal({ ok: false, kind: 'event-id', eventId: id,
        message: 'Event id ' + id + ' is already stored in another stream (' + row[1] + ')' });
    found++;
    if (!last || row[2] > last[2]) last = row;
  }
  if (!last) return undefined;
  if (found < r.ids.length)
    throw new Refusal({ ok: false, kind: 'event-id', eventId: r.ids[0],
      message: 'Stream ' + r.streamId + ': ' + found + ' of the ' + r.ids.length + ' events of this append are already stored' });
  return { ok: true, nextRevision: last[2], seq: last[0] };
}
function applyAppend(r, recordedAt) {
  const head = stmt.head.get(r.streamId);
  const actual = head ? head[0] : 'no_stream';
  if (!revisionMatches(r.expected, actual)) {
    const replay = alreadyStored(r);
    if (replay) return replay;
    return { ok: false, kind: 'revision', actual };
  }
  const first = head ? head[0] + 1n : 0n;
  const several = r.ids.length > 1;
  if (several) stmt.savepoint.run();
  let seq = 0n;
  try {
    for (let i = 0; i < r.ids.length; i++) {
      const info = stmt.insert.run(r.streamId, first + BigInt(i), r.ids[i], r.types[i], r.data[i], r.metadata[i], recordedAt);
      seq = info.lastInsertRowid;
    }
  } catch (error) {
    if (several && db.inTransaction) {
      stmt.rollbackToSavepoint.run();
      stmt.releaseSavepoint.run();
    }
    if (/UNIQUE constraint failed: events\\.event_id/.test(messageOf(error))) {
      const replay = alreadyStored(r);
      if (replay) return replay;
    }
    throw error;
  }
  if (several) stmt.releaseSavepoint.run();
  return { ok: true, nextRevision: first + BigInt(r.ids.length - 1), seq };
}
function commit({ appends, snapshots, recordedAt }) {
  const outcomes = [];
  const snapshotErrors = [];
  try {
    stmt.begin.run();
    for (const row of snapshots) {
      try {
        stmt.writeSnapshot.run(row);
        snapshotErrors.push(undefined);
      } catch (error) {
        if (!db.inTransaction) throw error;
        snapshotErrors.push(messageOf(error));
      }
    }
    for (const r of appends) {
      try {
        outcomes.push(applyAppend(r, recordedAt));
      } catch (error) {
        if (error instanceof Refusal) {
          outcomes.push(error.outcome);
          continue;
        }
        if (!db.inTransaction) throw error;
        outcomes.push({ ok: false, kind: 'error', message: messageOf(error), code: error && error.code });
      }
    }
    stmt.commit.run();
  } catch (error) {
    if (db.inTransaction) stmt.rollback.run();
    return { failed: messageOf(error), outcomes: [], snapshotErrors: [] };
  }
  return { outcomes, snapshotErrors };
}
parentPort.on('message', (m) => {
  if (m === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  parentPort.postMessage(commit(m));
});
`;

export class CommitWorker {
  private readonly worker: Worker;
  private readonly ended: Promise<void>;
  private waiting: { resolve: (a: CommitAnswer) => void; reject: (e: unknown) => void } | undefined;
  private died: Error | undefined;

  constructor(options: CommitWorkerOptions) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...options, driver: require.resolve('better-sqlite3') },
    });
    this.worker.on('message', (answer: CommitAnswer) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      this.worker.unref();
      waiting?.resolve(answer);
    });
    this.ended = new Promise((resolve) => {
      this.worker.once('error', (error) => (this.died = error));
      this.worker.once('exit', (code) => {
        this.died ??= new Error(`the commit worker stopped (exit code ${code})`);
        this.waiting?.reject(this.died);
        this.waiting = undefined;
        resolve();
      });
    });
    // Unreferenced after its listeners are on (a 'message' listener references the port
    // again); `commit` references it while a commit is under way.
    this.worker.unref();
  }

  /** Runs one group commit; one at a time (the store waits for the answer before the next). */
  commit(request: {
    appends: AppendRequest[];
    snapshots: Array<Record<string, string>>;
    recordedAt: string;
  }): Promise<CommitAnswer> {
    if (this.died) return Promise.reject(this.died);
    if (this.waiting) return Promise.reject(new Error('a commit is already under way'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      // Referenced while a commit is under way: the process waits for the answer.
      this.worker.ref();
      this.worker.postMessage(request);
    });
  }

  /** Closes the worker's connection and ends the thread (after the commit under way, if any). */
  async close(): Promise<void> {
    this.worker.ref();
    if (!this.died) this.worker.postMessage('stop');
    await this.ended;
  }
}

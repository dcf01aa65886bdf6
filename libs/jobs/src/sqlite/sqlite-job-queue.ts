/**
 * The embedded jobs adapter: one SQLite file (better-sqlite3, WAL with
 * `synchronous=FULL`), so `add` resolves only once the job is on disk and a crash
 * loses nothing.
 *
 * Each row is one job; `(queue, id)` is the primary key, so dedupe is an
 * `INSERT … ON CONFLICT DO NOTHING`. Due jobs run oldest first (rowid order breaks
 * ties within a millisecond). A runner per consumed queue claims due jobs
 * in one `BEGIN IMMEDIATE` transaction (safe with several processes on the file),
 * marking them `active` with this instance's owner id and a lock expiry that a
 * heartbeat keeps pushing forward. The same transaction records the outcomes of the
 * runs that ended since the last one, so a busy queue makes one synced commit per
 * few milliseconds, not up to two per job. A job whose lock expired belongs to a worker
 * that died: the next claim puts it back to `waiting` (counting the stall), so it
 * runs again — at least once, never lost. A job that stalls more than
 * `maxStalledCount` times is dead-lettered, so a job that crashes its worker
 * cannot crash-loop it forever.
 *
 * The runner wakes on a local `add` (any instance in this process on the same
 * file), when a job ends, when the next retry or lock expiry is due, and
 * otherwise every `pollIntervalMs` (which finds jobs added by another process).
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import Database from 'better-sqlite3';
import { settledWithin } from '../deadline';
import {
  type AddResult,
  type CloseOptions,
  type DeadJob,
  JOB_QUEUE_NAMES,
  type JobHandler,
  type JobQueue,
  type JobQueueName,
  JobQueueUnavailableError,
  type JobState,
  type JsonObject,
  type ListDeadOptions,
  type NewJob,
  type ProcessOptions,
} from '../job-queue.port';
import {
  type JobQueueOptions,
  requireInteger,
  type ResolvedJobQueueOptions,
  resolveJobQueueOptions,
  retryDelay,
} from '../options';
import {
  errorMessageOf,
  isPermanentFailure,
  resolveListDeadOptions,
  serializePayload,
  validateBatch,
  validateConcurrency,
  validateJobId,
  validateQueueName,
} from '../validation';

export interface SqliteJobQueueOptions extends JobQueueOptions {
  /** How long an idle runner waits before looking for jobs added by another process. Default 1 s. */
  pollIntervalMs?: number;
  /** How long a claimed job stays claimed without a heartbeat: a dead worker's job runs again after this. Default 30 s. */
  lockDurationMs?: number;
  /** Recoveries from a dead worker a job gets before it is dead-lettered. Default 2. */
  maxStalledCount?: number;
  /** How often completed jobs older than `completedRetentionMs` are deleted. Default 10 min. */
  purgeIntervalMs?: number;
  /** How long a write waits for another process holding the file's write lock. Default 5 s. */
  busyTimeoutMs?: number;
}

export interface SqliteJobQueueDiagnostics {
  journalMode: string;
  /** 2 = FULL. */
  synchronous: number;
}

/** Stored in `last_error` when a job is dead-lettered for stalling, in BullMQ's words. */
export const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

const SCHEMA_VERSION = 1;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  queue         TEXT    NOT NULL,
  id            TEXT    NOT NULL,
  payload       TEXT    NOT NULL,
  state         TEXT    NOT NULL CHECK (state IN ('waiting', 'active', 'completed', 'dead')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  max_attempts  INTEGER NOT NULL,
  stalled_count INTEGER NOT NULL DEFAULT 0,
  next_run_at   INTEGER NOT NULL,
  locked_by     TEXT,
  locked_until  INTEGER,
  last_error    TEXT,
  created_at    INTEGER NOT NULL,
  finished_at   INTEGER,
  PRIMARY KEY (queue, id)
);
CREATE INDEX IF NOT EXISTS jobs_due ON jobs (queue, state, next_run_at);
CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (queue, state, finished_at);
`;

interface ClaimedRow {
  id: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/** How a run ended: `failure` is undefined when the handler succeeded. */
interface Outcome {
  row: ClaimedRow;
  failure: unknown;
}

interface InsertRow {
  queue: JobQueueName;
  id: string;
  payload: string;
  maxAttempts: number;
  now: number;
}

interface ResolvedSqliteOptions extends ResolvedJobQueueOptions {
  pollIntervalMs: number;
  lockDurationMs: number;
  maxStalledCount: number;
  purgeIntervalMs: number;
}

/**
 * How long the first run to end waits for others before their outcomes are written (and
 * the freed slots refilled). Each write is a synced commit of about a millisecond on the
 * event loop; at 64 jobs in flight, 5 ms gathers ~3× more outcomes per commit than the
 * next turn of the loop does, for +14–26% emails/s (bench/RESULTS.md, Notifications).
 */
const OUTCOME_WRITE_DELAY_MS = 5;

/** Lets a runner hear an `add` made by another instance on the same file in this process. */
const localAdds = new EventEmitter();
localAdds.setMaxListeners(0);

export class SqliteJobQueue implements JobQueue {
  private readonly owner = `${process.pid}-${randomUUID()}`;
  private readonly runners = new Map<JobQueueName, QueueRunner>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly purgeTimer: NodeJS.Timeout;
  private closing?: Promise<void>;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly addManyTransaction: Database.Transaction<(rows: InsertRow[]) => number[]>;
  private readonly settleTransaction: Database.Transaction<
    (
      queue: JobQueueName,
      outcomes: readonly Outcome[],
      limit: number,
      logs: Array<() => void>,
    ) => ClaimedRow[]
  >;

  private constructor(
    private readonly db: Database.Database,
    private readonly fileKey: string,
    private readonly options: ResolvedSqliteOptions,
  ) {
    this.statements = prepare(db);
    this.addManyTransaction = db.transaction((rows: InsertRow[]) =>
      rows.map((row) => this.statements.insert.run(row).changes),
    );
    this.settleTransaction = db.transaction(
      (queue: JobQueueName, outcomes: readonly Outcome[], limit: number, logs: Array<() => void>) => {
        for (const { row, failure } of outcomes) this.finish(queue, row, failure, logs);
        return limit > 0 ? this.claimDue(queue, limit, logs) : [];
      },
    );
    this.heartbeat = setInterval(
      () => this.renewLocks(),
      Math.max(1, Math.floor(options.lockDurationMs / 3)),
    );
    this.purgeTimer = setInterval(() => this.purgeCompleted(), options.purgeIntervalMs);
    this.purgeCompleted();
  }

  static open(file: string, options: SqliteJobQueueOptions = {}): SqliteJobQueue {
    const resolved: ResolvedSqliteOptions = {
      ...resolveJobQueueOptions(options),
      pollIntervalMs: requireInteger('pollIntervalMs', options.pollIntervalMs ?? 1000, 1),
      lockDurationMs: requireInteger('lockDurationMs', options.lockDurationMs ?? 30_000, 30),
      maxStalledCount: requireInteger('maxStalledCount', options.maxStalledCount ?? 2, 0),
      purgeIntervalMs: requireInteger('purgeIntervalMs', options.purgeIntervalMs ?? 10 * 60_000, 1),
    };
    const db = new Database(file, {
      timeout: requireInteger('busyTimeoutMs', options.busyTimeoutMs ?? 5000, 0),
    });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteJobQueue(db, file === ':memory:' ? randomUUID() : resolvePath(file), resolved);
  }

  diagnostics(): SqliteJobQueueDiagnostics {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    };
  }

  async add(queue: JobQueueName, jobId: string, payload: JsonObject): Promise<AddResult> {
    this.assertOpen();
    validateQueueName(queue);
    validateJobId(jobId);
    const json = serializePayload(payload, this.options.maxPayloadBytes);
    const now = Date.now();
    const { changes } = this.write('store the job', () =>
      this.statements.insert.run({
        queue,
        id: jobId,
        payload: json,
        maxAttempts: this.options.retry.attempts,
        now,
      }),
    );
    if (changes === 1) localAdds.emit(this.fileKey, queue);
    return { jobId, duplicate: changes === 0 };
  }

  async addMany(queue: JobQueueName, jobs: readonly NewJob[]): Promise<AddResult[]> {
    this.assertOpen();
    validateQueueName(queue);
    const payloads = validateBatch(jobs, this.options.maxPayloadBytes);
    if (jobs.length === 0) return [];
    const now = Date.now();
    const maxAttempts = this.options.retry.attempts;
    // One transaction, so one synced commit for the whole batch instead of one per job.
    const changes = this.write(`store ${jobs.length} jobs`, () =>
      this.addManyTransaction(
        jobs.map(({ jobId }, i) => ({ queue, id: jobId, payload: payloads[i] as string, maxAttempts, now })),
      ),
    );
    if (changes.some((c) => c === 1)) localAdds.emit(this.fileKey, queue);
    return jobs.map(({ jobId }, i) => ({ jobId, duplicate: changes[i] === 0 }));
  }

  async process(queue: JobQueueName, handler: JobHandler, options: ProcessOptions = {}): Promise<void> {
    this.assertOpen();
    validateQueueName(queue);
    const concurrency = validateConcurrency(options.concurrency ?? 1);
    if (this.runners.has(queue)) throw new Error(`This job queue already processes ${queue}`);
    const runner = new QueueRunner(this, queue, handler, concurrency, this.options);
    this.runners.set(queue, runner);
    runner.start();
  }

  async listDead(queue: JobQueueName, options?: ListDeadOptions): Promise<DeadJob[]> {
    this.assertOpen();
    validateQueueName(queue);
    const { limit, offset } = resolveListDeadOptions(options);
    const rows = this.read('list dead jobs', () =>
      this.statements.listDead.all({ queue, limit, offset }),
    ) as Array<{ id: string; attempts: number; last_error: string | null; finished_at: number }>;
    return rows.map((row) => ({
      queue,
      id: row.id,
      attemptsMade: row.attempts,
      lastError: row.last_error ?? '',
      failedAt: row.finished_at,
    }));
  }

  async countDead(queue: JobQueueName): Promise<number> {
    this.assertOpen();
    validateQueueName(queue);
    return this.read('count dead jobs', () => this.statements.countDead.pluck().get({ queue }) as number);
  }

  async retryDead(queue: JobQueueName, jobId: string): Promise<boolean> {
    this.assertOpen();
    validateQueueName(queue);
    validateJobId(jobId);
    const { changes } = this.write('retry the dead job', () =>
      // The job keeps the attempts it was added with, as BullMQ's retry does.
      this.statements.retryDead.run({ queue, id: jobId, now: Date.now() }),
    );
    if (changes === 1) localAdds.emit(this.fileKey, queue);
    return changes === 1;
  }

  async jobState(queue: JobQueueName, jobId: string): Promise<JobState | null> {
    this.assertOpen();
    validateQueueName(queue);
    validateJobId(jobId);
    const state = this.read('read the job state', () =>
      this.statements.state.pluck().get({ queue, id: jobId }),
    ) as JobState | undefined;
    return state ?? null;
  }

  close(options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutDown(options.timeoutMs ?? this.options.closeTimeoutMs);
    return this.closing;
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    const runners = [...this.runners.values()];
    for (const runner of runners) runner.stop();
    const finished = await settledWithin(Promise.allSettled(runners.map((r) => r.idle())), timeoutMs);
    if (!finished) {
      const abandoned = runners.reduce((n, r) => n + r.abandon(), 0);
      this.options.logger.warn(
        { abandoned, timeoutMs },
        'jobs: closed without waiting for running jobs; they run again once their lock expires',
      );
    }
    clearInterval(this.heartbeat);
    clearInterval(this.purgeTimer);
    this.db.close();
  }

  // ---- used by QueueRunner -------------------------------------------------------------------

  /**
   * @internal Records the outcomes of runs that ended, puts stalled jobs back (or
   * dead-letters them) and claims up to `limit` due jobs, all in one transaction: one
   * synced commit however many runs ended since the last one.
   */
  settle(queue: JobQueueName, outcomes: readonly Outcome[], limit: number): ClaimedRow[] {
    // IMMEDIATE takes the write lock up front, so two processes never claim the same row.
    // What the transaction logs is logged once it committed: a rolled-back one changed nothing.
    const logs: Array<() => void> = [];
    const claimed = this.settleTransaction.immediate(queue, outcomes, limit, logs);
    for (const log of logs) log();
    return claimed;
  }

  private claimDue(queue: JobQueueName, limit: number, logs: Array<() => void>): ClaimedRow[] {
    const now = Date.now();
    const common = { queue, now, owner: this.owner };
    const dead = this.statements.deadStalled.run({
      ...common,
      maxStalled: this.options.maxStalledCount,
      error: STALLED_TOO_OFTEN,
    });
    if (dead.changes > 0) {
      logs.push(() =>
        this.options.logger.error(
          { queue, jobs: dead.changes },
          'jobs: dead-lettered jobs that stalled too often',
        ),
      );
    }
    const recovered = this.statements.recoverStalled.pluck().all(common) as string[];
    for (const id of recovered) {
      logs.push(() =>
        this.options.logger.warn(
          { queue, jobId: id },
          'jobs: job stalled (its worker stopped); it will run again',
        ),
      );
    }
    return this.statements.claim.all({
      ...common,
      lockedUntil: now + this.options.lockDurationMs,
      limit,
    }) as ClaimedRow[];
  }

  /** @internal Milliseconds until something in `queue` may be due (a retry or a lock expiry), at most `max`. */
  nextWakeIn(queue: JobQueueName, max: number): number {
    const now = Date.now();
    const next = this.statements.nextDue.pluck().get({ queue, owner: this.owner }) as number | null;
    return next === null ? max : Math.min(max, Math.max(1, next - now));
  }

  /** Records a run's outcome, unless the lock was lost (another worker owns the job now). */
  private finish(queue: JobQueueName, row: ClaimedRow, error: unknown, logs: Array<() => void>): void {
    const now = Date.now();
    const key = { queue, id: row.id, owner: this.owner, now };
    const attemptsMade = row.attempts + 1;
    let changes: number;
    if (error === undefined) {
      changes = this.statements.complete.run(key).changes;
    } else {
      const message = errorMessageOf(error);
      const dead = isPermanentFailure(error) || attemptsMade >= row.max_attempts;
      const context = { queue, jobId: row.id, attempt: attemptsMade, error: message };
      if (dead) {
        changes = this.statements.kill.run({ ...key, attemptsMade, error: message }).changes;
        logs.push(() => this.options.logger.error(context, 'jobs: job dead-lettered'));
      } else {
        const delay = retryDelay(attemptsMade, this.options.retry);
        changes = this.statements.reschedule.run({
          ...key,
          attemptsMade,
          error: message,
          runAt: now + delay,
        }).changes;
        logs.push(() =>
          this.options.logger.warn({ ...context, retryInMs: delay }, 'jobs: job failed; it will be retried'),
        );
      }
    }
    if (changes === 0) {
      logs.push(() =>
        this.options.logger.warn(
          { queue, jobId: row.id },
          'jobs: a job outlived its lock and was taken over by another worker; this run’s outcome is dropped',
        ),
      );
    }
  }

  /** @internal */
  onLocalAdd(listener: (queue: JobQueueName) => void): () => void {
    localAdds.on(this.fileKey, listener);
    return () => localAdds.off(this.fileKey, listener);
  }

  // ---- internals ---------------------------------------------------------------------------------

  private renewLocks(): void {
    if (![...this.runners.values()].some((r) => r.busy)) return;
    try {
      this.statements.renew.run({ owner: this.owner, lockedUntil: Date.now() + this.options.lockDurationMs });
    } catch (error) {
      this.options.logger.error({ error: errorMessageOf(error) }, 'jobs: could not renew job locks');
    }
  }

  private purgeCompleted(): void {
    const cutoff = Date.now() - this.options.completedRetentionMs;
    try {
      for (const queue of JOB_QUEUE_NAMES) this.statements.purge.run({ queue, cutoff });
    } catch (error) {
      this.options.logger.warn({ error: errorMessageOf(error) }, 'jobs: could not delete old completed jobs');
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new JobQueueUnavailableError('The job queue is closed', false);
  }

  private write<T>(what: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      // SQLITE_BUSY and I/O errors: the caller may try again; nothing was stored.
      throw new JobQueueUnavailableError(`Could not ${what}`, true, error);
    }
  }

  private read<T>(what: string, work: () => T): T {
    return this.write(what, work);
  }
}

/**
 * Claims and runs the jobs of one queue, `concurrency` at a time. The outcomes of runs
 * that end within a few milliseconds of each other are written together, in the transaction
 * that also claims the jobs to run next (`settle`): one synced commit for all of them
 * instead of up to two per job. A run's promise (what `idle()` waits for) resolves once its
 * outcome is on disk.
 */
class QueueRunner {
  private readonly running = new Map<string, Promise<void>>();
  /** Runs that ended and whose outcome is not written yet; each still counts in `running`. */
  private ended: Array<Outcome & { written: () => void }> = [];
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private abandoned = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: SqliteJobQueue,
    private readonly queue: JobQueueName,
    private readonly handler: JobHandler,
    private readonly concurrency: number,
    private readonly options: ResolvedSqliteOptions,
  ) {}

  get busy(): boolean {
    return this.running.size > 0;
  }

  start(): void {
    this.unsubscribe = this.store.onLocalAdd((queue) => {
      if (queue === this.queue) this.schedule(0);
    });
    this.schedule(0);
  }

  /** Takes no more jobs; running ones carry on, and their outcomes are still written. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.ended.length === 0) clearTimeout(this.timer);
  }

  idle(): Promise<unknown> {
    return Promise.allSettled([...this.running.values()]);
  }

  /** Forgets running jobs: their outcome will not be written (the file is being closed). */
  abandon(): number {
    this.abandoned = true;
    clearTimeout(this.timer);
    for (const outcome of this.ended.splice(0)) outcome.written();
    return this.running.size;
  }

  private schedule(delayMs: number): void {
    if (this.abandoned || (this.stopped && this.ended.length === 0)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    if (this.abandoned) return;
    const ended = this.ended;
    const free = this.stopped ? 0 : this.concurrency - this.running.size + ended.length;
    // Full and nothing to write: a run that ends calls tick again.
    if (free <= 0 && ended.length === 0) return;
    let wakeIn: number | undefined;
    try {
      const claimed = this.store.settle(this.queue, ended, free);
      this.ended = [];
      for (const outcome of ended) {
        this.running.delete(outcome.row.id);
        outcome.written();
      }
      for (const row of claimed) this.run(row);
      if (!this.stopped && this.running.size < this.concurrency) {
        wakeIn = this.store.nextWakeIn(this.queue, this.options.pollIntervalMs);
      }
    } catch (error) {
      // Nothing of the transaction was stored. The ended runs keep their locks (the
      // heartbeat renews them) and their outcomes are written on the next try.
      this.options.logger.error(
        { queue: this.queue, jobs: ended.length, error: errorMessageOf(error) },
        ended.length > 0
          ? 'jobs: could not record job outcomes or claim jobs; trying again'
          : 'jobs: could not claim jobs; trying again',
      );
      wakeIn = this.options.pollIntervalMs;
    }
    if (wakeIn !== undefined) this.schedule(wakeIn);
  }

  private run(row: ClaimedRow): void {
    const job = {
      queue: this.queue,
      id: row.id,
      payload: JSON.parse(row.payload) as JsonObject,
      attempt: row.attempts + 1,
    };
    const run: Promise<void> = (async () => {
      let failure: unknown;
      try {
        await this.handler(job);
      } catch (error) {
        // A handler may throw undefined; keep "failed" distinct from "succeeded".
        failure = error ?? new Error('handler threw undefined');
      }
      if (this.abandoned) return;
      await new Promise<void>((written) => {
        this.ended.push({ row, failure, written });
        // Every run ending before the write joins it.
        if (this.ended.length === 1) this.schedule(OUTCOME_WRITE_DELAY_MS);
      });
    })().finally(() => {
      // The same id may be running again already (a retry due at once, claimed in the write that recorded this run).
      if (this.running.get(row.id) === run) this.running.delete(row.id);
    });
    this.running.set(row.id, run);
  }
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version === SCHEMA_VERSION) return;
    if (version !== 0) {
      throw new Error(`Jobs file has schema version ${version}; this build reads version ${SCHEMA_VERSION}`);
    }
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare(`
      INSERT INTO jobs (queue, id, payload, state, attempts, max_attempts, next_run_at, created_at)
      VALUES (@queue, @id, @payload, 'waiting', 0, @maxAttempts, @now, @now)
      ON CONFLICT (queue, id) DO NOTHING`),
    deadStalled: db.prepare(`
      UPDATE jobs SET state = 'dead', last_error = @error, finished_at = @now, locked_by = NULL, locked_until = NULL
      WHERE queue = @queue AND state = 'active' AND locked_until < @now AND locked_by <> @owner
        AND stalled_count >= @maxStalled`),
    recoverStalled: db.prepare(`
      UPDATE jobs SET state = 'waiting', stalled_count = stalled_count + 1, next_run_at = @now,
        locked_by = NULL, locked_until = NULL
      WHERE queue = @queue AND state = 'active' AND locked_until < @now AND locked_by <> @owner
      RETURNING id`),
    claim: db.prepare(`
      UPDATE jobs SET state = 'active', locked_by = @owner, locked_until = @lockedUntil
      WHERE queue = @queue AND id IN (
        SELECT id FROM jobs WHERE queue = @queue AND state = 'waiting' AND next_run_at <= @now
        ORDER BY next_run_at, rowid LIMIT @limit)
      RETURNING id, payload, attempts, max_attempts`),
    nextDue: db.prepare(`
      SELECT MIN(t) FROM (
        SELECT MIN(next_run_at) AS t FROM jobs WHERE queue = @queue AND state = 'waiting'
        UNION ALL
        SELECT MIN(locked_until) FROM jobs WHERE queue = @queue AND state = 'active' AND locked_by <> @owner)`),
    renew: db.prepare(
      `UPDATE jobs SET locked_until = @lockedUntil WHERE locked_by = @owner AND state = 'active'`,
    ),
    complete: db.prepare(`
      UPDATE jobs SET state = 'completed', attempts = attempts + 1, finished_at = @now, last_error = NULL,
        locked_by = NULL, locked_until = NULL
      WHERE queue = @queue AND id = @id AND state = 'active' AND locked_by = @owner`),
    kill: db.prepare(`
      UPDATE jobs SET state = 'dead', attempts = @attemptsMade, last_error = @error, finished_at = @now,
        locked_by = NULL, locked_until = NULL
      WHERE queue = @queue AND id = @id AND state = 'active' AND locked_by = @owner`),
    reschedule: db.prepare(`
      UPDATE jobs SET state = 'waiting', attempts = @attemptsMade, last_error = @error, next_run_at = @runAt,
        locked_by = NULL, locked_until = NULL
      WHERE queue = @queue AND id = @id AND state = 'active' AND locked_by = @owner`),
    retryDead: db.prepare(`
      UPDATE jobs SET state = 'waiting', attempts = 0, stalled_count = 0, next_run_at = @now,
        last_error = NULL, finished_at = NULL
      WHERE queue = @queue AND id = @id AND state = 'dead'`),
    listDead: db.prepare(`
      SELECT id, attempts, last_error, finished_at FROM jobs WHERE queue = @queue AND state = 'dead'
      ORDER BY finished_at DESC, id DESC LIMIT @limit OFFSET @offset`),
    countDead: db.prepare(`SELECT COUNT(*) FROM jobs WHERE queue = @queue AND state = 'dead'`),
    state: db.prepare(`SELECT state FROM jobs WHERE queue = @queue AND id = @id`),
    purge: db.prepare(
      `DELETE FROM jobs WHERE queue = @queue AND state = 'completed' AND finished_at < @cutoff`,
    ),
  };
}

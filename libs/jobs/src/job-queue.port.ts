/**
 * The jobs port: how the delivery reactor hands work to the workers (queues `email`
 * and `letter`), and how support sees and retries what could not be delivered.
 * Two adapters (BullMQ on Redis, an embedded SQLite file) are held to one contract
 * suite (`testing/job-queue.contract.ts`).
 *
 * Delivery is at least once: a handler may see the same job again after a crash or
 * a lost lock, so handlers must be idempotent by job id (the id is the id of the
 * event that asked for the message).
 */

/** The queues the service uses. A new queue is added here, so a typo fails to compile. */
export const JOB_QUEUE_NAMES = ['email', 'letter'] as const;
export type JobQueueName = (typeof JOB_QUEUE_NAMES)[number];

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** What a handler is given. `attempt` counts from 1; it is not bumped by a crash recovery. */
export interface QueuedJob {
  queue: JobQueueName;
  id: string;
  payload: JsonObject;
  attempt: number;
}

/**
 * Resolving completes the job. Throwing schedules a retry with backoff until the
 * attempts run out, then dead-letters the job; throwing a `PermanentJobError`
 * dead-letters it at once.
 *
 * The error's message is stored as given and shown to support in the dead-letter
 * list, so it must carry no personal data: say "SMTP 550 mailbox unavailable",
 * never the address.
 */
export type JobHandler = (job: QueuedJob) => Promise<void>;

export interface AddResult {
  jobId: string;
  /** True when a job with this id already existed in this queue (in any state): nothing was added. */
  duplicate: boolean;
}

/** One job of an `addMany` batch. */
export interface NewJob {
  jobId: string;
  payload: JsonObject;
}

/** Most jobs one `addMany` call takes: a batch is one round trip or one commit, and must stay bounded. */
export const MAX_ADD_MANY = 1000;

export interface ProcessOptions {
  /** Jobs of this queue this process runs at once. Default 1. */
  concurrency?: number;
}

export type JobState = 'waiting' | 'active' | 'completed' | 'dead';

export interface DeadJob {
  queue: JobQueueName;
  id: string;
  /** Attempts that ended in an error (1 for a permanent failure). */
  attemptsMade: number;
  /** The last handler error's message, as the handler wrote it. */
  lastError: string;
  /** When the job was dead-lettered (epoch ms). */
  failedAt: number;
}

export interface ListDeadOptions {
  /** 1..1000, default 50. */
  limit?: number;
  offset?: number;
}

export interface CloseOptions {
  /**
   * How long to wait for running handlers before giving up on them (default: the
   * adapter's `closeTimeoutMs`). A job given up on stays claimed until its lock
   * expires, then runs again: `0` behaves like a crash.
   */
  timeoutMs?: number;
}

export interface JobQueue {
  /**
   * Enqueues a job, idempotently by `jobId` within `queue`: if a job with that id
   * exists (waiting, active, completed and still retained, or dead), nothing is
   * added and `duplicate` is true. Resolves only once the job is stored; rejects
   * with `JobQueueUnavailableError` when the backend cannot be reached, so the
   * caller keeps its checkpoint and tries again later.
   */
  add(queue: JobQueueName, jobId: string, payload: JsonObject): Promise<AddResult>;
  /**
   * `add` for up to `MAX_ADD_MANY` jobs of one queue in one round trip (BullMQ) or one
   * commit (SQLite): the results are in the order of `jobs`, each with the meaning
   * `add` gives it (an id repeated within the batch is a duplicate the second time).
   * Every job is validated before any is stored; it resolves only once all are
   * stored, and rejects as `add` does when the backend cannot be reached, in which
   * case any of them may or may not be stored (adding them again is safe).
   */
  addMany(queue: JobQueueName, jobs: readonly NewJob[]): Promise<AddResult[]>;
  /** Starts consuming `queue` with `handler`. One handler per queue per JobQueue instance. */
  process(queue: JobQueueName, handler: JobHandler, options?: ProcessOptions): Promise<void>;
  /** Dead-lettered jobs, most recently failed first. */
  listDead(queue: JobQueueName, options?: ListDeadOptions): Promise<DeadJob[]>;
  countDead(queue: JobQueueName): Promise<number>;
  /** Re-queues a dead job with fresh attempts. False when no dead job has that id. */
  retryDead(queue: JobQueueName, jobId: string): Promise<boolean>;
  /** The job's state, or null when no job with that id is stored (never added, or no longer retained). */
  jobState(queue: JobQueueName, jobId: string): Promise<JobState | null>;
  /**
   * Graceful shutdown: stop taking jobs, wait (bounded) for running handlers and
   * the recording of their outcome, close connections. Later calls return the same promise.
   */
  close(options?: CloseOptions): Promise<void>;
}

/**
 * Thrown by a handler when retrying cannot help (the address is malformed, the
 * account is erased): the job is dead-lettered at once. Same rule as any handler
 * error: no personal data in the message.
 */
export class PermanentJobError extends Error {
  readonly code = 'JOB_PERMANENT_FAILURE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** The backend could not be reached (`retryable`), or the queue was closed (not retryable). */
export class JobQueueUnavailableError extends Error {
  readonly code = 'JOB_QUEUE_UNAVAILABLE';
  constructor(
    message: string,
    readonly retryable: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'JobQueueUnavailableError';
  }
}

/** Where the adapters report what they cannot throw to anyone (a lost lock, a reconnect). Pino fits. */
export interface JobsLogger {
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

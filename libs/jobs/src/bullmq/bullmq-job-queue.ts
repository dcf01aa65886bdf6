/**
 * The production jobs adapter: BullMQ 6 queues and workers on Redis, over ioredis 6.
 *
 * - Dedupe: the job id is BullMQ's `jobId`, and BullMQ adds nothing when a job
 *   hash with that id exists, whatever its state. BullMQ does not say whether an
 *   add was a no-op, so each add stores a fresh random `addToken` beside the
 *   payload and reads it back: another token means the job was already there.
 * - Retention: completed jobs are kept `completedRetentionMs` (BullMQ
 *   `removeOnComplete.age`, evaluated lazily when later jobs complete, so they
 *   are kept at least that long); dead jobs are never removed automatically.
 * - Dead letters are BullMQ's `failed` set of the same queue. A job lands there
 *   only once it will not be retried (attempts exhausted, `UnrecoverableError`,
 *   or stalled too often), and its hash stays under the same key, so the jobId
 *   dedupe still covers it. A separate dead-letter queue would need a second,
 *   non-atomic write (the job leaves one queue, then enters another) and would
 *   take the id out of the original queue, letting a replay add it again.
 * - Backoff: a custom strategy (`retryDelay`, exponential with jitter) set on the
 *   worker; each job names it in `backoff.type` and carries its `attempts`.
 * - Stalled jobs: a worker holds a lock per active job and renews it; if the
 *   worker dies, the lock expires and any worker's stalled checker moves the job
 *   back to waiting (up to `maxStalledCount` times, then to failed). BullMQ's
 *   checker runs every `stalledInterval` (once across all workers of a queue): it
 *   moves a job it marked at its previous run and whose lock is gone, and marks
 *   every active job for the next run (a renewal unmarks it). A killed worker's
 *   job therefore waits at most `lockDuration` (its last renewal may be just
 *   before the kill) plus one `stalledInterval`: 15 s + 5 s = 20 s with the
 *   defaults below (BullMQ's own, 30 s + 30 s, made a killed worker's jobs wait up
 *   to a minute). The lock is renewed every `lockRenewTime` (5 s), so two missed
 *   renewals in a row (an event loop blocked for over 10 s, or Redis unreachable
 *   that long) are needed before a running job is taken over and runs twice; the
 *   handlers are idempotent per job id for that case.
 * - Connections: producers use one connection without an offline queue and with
 *   a command timeout, so an `add` during an outage fails at once with
 *   `JobQueueUnavailableError` instead of hanging; workers use one connection with
 *   `maxRetriesPerRequest: null` (BullMQ requires it: their commands wait through
 *   a reconnect instead of failing) from which BullMQ duplicates its blocking one.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { settledWithin, withTimeout } from '../deadline';
import {
  type AddResult,
  type CloseOptions,
  type DeadJob,
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
import {
  checkRedisEviction,
  checkRedisPersistence,
  type EvictionCheck,
  type PersistenceCheck,
} from './redis-eviction';

export interface BullMqJobQueueOptions extends JobQueueOptions {
  /** BullMQ key prefix: every key is `<prefix>:<queue>:…`. Default `bull`. */
  prefix?: string;
  /** How long a worker's claim on a job lasts without renewal: a dead worker's job runs again after this. Default 15 s. */
  lockDurationMs?: number;
  /** How often a running job's lock is renewed; less than `lockDurationMs`. Default a third of it (5 s). */
  lockRenewTimeMs?: number;
  /** How often workers look for jobs whose lock expired. Default 5 s. */
  stalledIntervalMs?: number;
  /** Recoveries from a dead worker a job gets before it is dead-lettered. Default 2. */
  maxStalledCount?: number;
  /** Bound on connecting and on every call to Redis made for a caller (add, listDead…). Default 5 s. */
  commandTimeoutMs?: number;
  /** Extra ioredis options (TLS, credentials) for every connection. */
  redis?: RedisOptions;
}

interface ResolvedBullMqOptions extends ResolvedJobQueueOptions {
  prefix: string;
  lockDurationMs: number;
  lockRenewTimeMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  commandTimeoutMs: number;
}

/** What a BullMQ job's data holds: the payload, and the token that tells an add from a duplicate. */
interface StoredJobData {
  payload: JsonObject;
  addToken: string;
}

const BACKOFF_TYPE = 'portal-exponential-jitter';

/**
 * Lock and stall-check defaults (see "Stalled jobs" above): a killed worker's jobs
 * run again within `lockDurationMs + stalledIntervalMs` = 20 s.
 */
export const DEFAULT_LOCKS = Object.freeze({
  lockDurationMs: 15_000,
  stalledIntervalMs: 5_000,
  maxStalledCount: 2,
});

export class BullMqJobQueue implements JobQueue {
  private readonly producer: Redis;
  private workerRedis?: Redis;
  private readonly queues = new Map<JobQueueName, Queue<StoredJobData>>();
  private readonly workers = new Map<JobQueueName, Worker<StoredJobData, void>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly connectionDown = new Set<string>();
  private closing?: Promise<void>;

  private constructor(
    private readonly url: string,
    private readonly options: ResolvedBullMqOptions,
    private readonly redisOptions: RedisOptions,
  ) {
    this.producer = this.watch(
      'producer',
      new Redis(url, {
        ...redisOptions,
        // Fail now instead of queueing the command until Redis is back: the reactor retries.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: options.commandTimeoutMs,
        connectTimeout: options.commandTimeoutMs,
        retryStrategy: reconnectDelay,
      }),
    );
  }

  /**
   * Connects, waits until Redis answers (bounded by `commandTimeoutMs`) and runs
   * `checkRedisEviction`, logging an error when the policy is not `noeviction`, and
   * `checkRedisPersistence`, logging a warning when AOF is off or cannot be read.
   */
  static async connect(url: string, options: BullMqJobQueueOptions = {}): Promise<BullMqJobQueue> {
    const lockDurationMs = requireInteger(
      'lockDurationMs',
      options.lockDurationMs ?? DEFAULT_LOCKS.lockDurationMs,
      50,
    );
    const resolved: ResolvedBullMqOptions = {
      ...resolveJobQueueOptions(options),
      prefix: options.prefix ?? 'bull',
      lockDurationMs,
      lockRenewTimeMs: requireInteger(
        'lockRenewTimeMs',
        options.lockRenewTimeMs ?? Math.floor(lockDurationMs / 3),
        10,
        lockDurationMs - 1,
      ),
      stalledIntervalMs: requireInteger(
        'stalledIntervalMs',
        options.stalledIntervalMs ?? DEFAULT_LOCKS.stalledIntervalMs,
        50,
      ),
      maxStalledCount: requireInteger(
        'maxStalledCount',
        options.maxStalledCount ?? DEFAULT_LOCKS.maxStalledCount,
        0,
      ),
      commandTimeoutMs: requireInteger('commandTimeoutMs', options.commandTimeoutMs ?? 5000, 1),
    };
    if (!/^[A-Za-z0-9_-]+$/.test(resolved.prefix)) {
      throw new RangeError('jobs option prefix must be letters, digits, "_" or "-"');
    }
    const jobs = new BullMqJobQueue(url, resolved, options.redis ?? {});
    try {
      await jobs.bounded(`reach Redis at ${redactUrl(url)}`, () => waitForReady(jobs.producer));
      jobs.evictionCheck = await jobs.bounded('read Redis settings', () =>
        checkRedisEviction(jobs.producer, resolved.logger),
      );
      jobs.persistenceCheck = await jobs.bounded('read Redis settings', () =>
        checkRedisPersistence(jobs.producer, resolved.logger),
      );
    } catch (error) {
      await jobs.close({ timeoutMs: 0 });
      throw error;
    }
    return jobs;
  }

  /** What `connect` found about Redis' eviction policy. */
  evictionCheck?: EvictionCheck;
  /** What `connect` found about Redis' append-only file (a warning is logged unless it is on). */
  persistenceCheck?: PersistenceCheck;

  async add(queue: JobQueueName, jobId: string, payload: JsonObject): Promise<AddResult> {
    this.assertOpen();
    validateQueueName(queue);
    validateJobId(jobId);
    serializePayload(payload, this.options.maxPayloadBytes);
    const [result] = await this.store(queue, [{ jobId, payload }]);
    return result as AddResult;
  }

  async addMany(queue: JobQueueName, jobs: readonly NewJob[]): Promise<AddResult[]> {
    this.assertOpen();
    validateQueueName(queue);
    validateBatch(jobs, this.options.maxPayloadBytes);
    if (jobs.length === 0) return [];
    return this.store(queue, jobs);
  }

  /**
   * One `addBulk` (one MULTI: every job's add script in one write and one reply), then
   * every job's token read back in one pipeline: two round trips whatever the batch size.
   */
  private store(queue: JobQueueName, jobs: readonly NewJob[]): Promise<AddResult[]> {
    const bullQueue = this.queue(queue);
    const tokens = jobs.map(() => randomUUID());
    const opts = {
      attempts: this.options.retry.attempts,
      backoff: { type: BACKOFF_TYPE },
      removeOnComplete: { age: Math.ceil(this.options.completedRetentionMs / 1000) },
      removeOnFail: false,
      // Stacks would copy handler messages into Redis a second time and add nothing support can use.
      stackTraceLimit: 0,
    };
    return this.track(
      this.bounded(`add ${jobs.length === 1 ? 'a job' : `${jobs.length} jobs`} to ${queue}`, async () => {
        if (jobs.length === 1) {
          const [{ jobId, payload }] = jobs as [NewJob];
          await bullQueue.add(queue, { payload, addToken: tokens[0] as string }, { ...opts, jobId });
        } else {
          await bullQueue.addBulk(
            jobs.map(({ jobId, payload }, i) => ({
              name: queue,
              data: { payload, addToken: tokens[i] as string },
              opts: { ...opts, jobId },
            })),
          );
        }
        const pipeline = this.producer.pipeline();
        for (const { jobId } of jobs) pipeline.hget(bullQueue.toKey(jobId), 'data');
        const replies = (await pipeline.exec()) ?? [];
        return jobs.map(({ jobId }, i) => {
          const [error, stored] = replies[i] ?? [new Error('no reply')];
          if (error) throw error;
          // Gone already means it ran and its retention ended in between: it was ours all the same.
          return { jobId, duplicate: stored != null && tokenOf(String(stored)) !== tokens[i] };
        });
      }),
    );
  }

  async process(queue: JobQueueName, handler: JobHandler, options: ProcessOptions = {}): Promise<void> {
    this.assertOpen();
    validateQueueName(queue);
    const concurrency = validateConcurrency(options.concurrency ?? 1);
    if (this.workers.has(queue)) throw new Error(`This job queue already processes ${queue}`);
    const worker = new Worker<StoredJobData, void>(queue, (job) => this.runJob(queue, handler, job), {
      connection: this.workerConnection(),
      prefix: this.options.prefix,
      concurrency,
      lockDuration: this.options.lockDurationMs,
      lockRenewTime: this.options.lockRenewTimeMs,
      stalledInterval: this.options.stalledIntervalMs,
      maxStalledCount: this.options.maxStalledCount,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelay(attemptsMade, this.options.retry) },
    });
    this.workers.set(queue, worker);
    const { logger } = this.options;
    worker.on('error', (error) =>
      logger.error({ queue, error: errorMessageOf(error) }, 'jobs: worker error (it keeps running)'),
    );
    worker.on('failed', (job, error) => {
      if (!job) return;
      const context = { queue, jobId: job.id, attempt: job.attemptsMade, error: errorMessageOf(error) };
      // finishedOn is set only when the job went to the failed set, i.e. will not be retried.
      if (job.finishedOn != null) logger.error(context, 'jobs: job dead-lettered');
      else logger.warn(context, 'jobs: job failed; it will be retried');
    });
    worker.on('stalled', (jobId) =>
      logger.warn({ queue, jobId }, 'jobs: job stalled (its worker stopped); it will run again'),
    );
    try {
      await this.bounded(`start the ${queue} worker`, () => worker.waitUntilReady());
    } catch (error) {
      this.workers.delete(queue);
      await settledWithin(worker.close(true), this.options.commandTimeoutMs);
      throw error;
    }
  }

  async listDead(queue: JobQueueName, options?: ListDeadOptions): Promise<DeadJob[]> {
    this.assertOpen();
    validateQueueName(queue);
    const { limit, offset } = resolveListDeadOptions(options);
    const jobs = await this.bounded('list dead jobs', () =>
      this.queue(queue).getFailed(offset, offset + limit - 1),
    );
    return jobs.map((job) => ({
      queue,
      id: String(job.id),
      attemptsMade: job.attemptsMade,
      lastError: job.failedReason ?? '',
      failedAt: job.finishedOn ?? job.timestamp,
    }));
  }

  async countDead(queue: JobQueueName): Promise<number> {
    this.assertOpen();
    validateQueueName(queue);
    return this.bounded('count dead jobs', () => this.queue(queue).getFailedCount());
  }

  async retryDead(queue: JobQueueName, jobId: string): Promise<boolean> {
    this.assertOpen();
    validateQueueName(queue);
    validateJobId(jobId);
    return this.bounded('retry a dead job', async () => {
      const job = await this.queue(queue).getJob(jobId);
      if (!job) return false;
      try {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        return true;
      } catch (error) {
        // Not (or no longer) failed: someone retried it first, or it never died.
        const code = (error as { code?: unknown }).code;
        if (code === ErrorCode.JobNotInState || code === ErrorCode.JobNotExist) return false;
        throw error;
      }
    });
  }

  async jobState(queue: JobQueueName, jobId: string): Promise<JobState | null> {
    this.assertOpen();
    validateQueueName(queue);
    validateJobId(jobId);
    const state = await this.bounded('read a job state', () => this.queue(queue).getJobState(jobId));
    switch (state) {
      case 'unknown':
        return null;
      case 'failed':
        return 'dead';
      case 'completed':
      case 'active':
        return state;
      case 'waiting':
      case 'delayed':
      case 'prioritized':
      case 'waiting-children':
        return 'waiting';
      default: {
        const unexpected: never = state;
        throw new Error(`Unexpected BullMQ job state ${String(unexpected)}`);
      }
    }
  }

  close(options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutDown(options.timeoutMs ?? this.options.closeTimeoutMs);
    return this.closing;
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const remaining = () => Math.max(0, deadline - Date.now());
    // Adds already sent should land (or fail) before their connection goes.
    await settledWithin(Promise.allSettled([...this.inFlight]), remaining());
    // Worker.close stops fetching, then waits for active jobs and the writing of their outcome.
    const workers = [...this.workers.values()].map((worker) => worker.close());
    const drained = await settledWithin(Promise.allSettled(workers), remaining());
    if (!drained) {
      this.options.logger.warn(
        { timeoutMs },
        'jobs: closed without waiting for running jobs; they run again once their lock expires',
      );
      // Workers still closing give up when their connection goes (BullMQ stops retrying once closing).
      for (const closing of workers) closing.catch(() => undefined);
    }
    // Cutting the worker connection also stops lock renewal for jobs given up on, so their locks expire.
    this.workerRedis?.disconnect();
    await settledWithin(
      Promise.allSettled([...this.queues.values()].map((queue) => queue.close())),
      Math.max(remaining(), 100),
    );
    this.producer.disconnect();
  }

  private async runJob(
    queue: JobQueueName,
    handler: JobHandler,
    job: Job<StoredJobData, void>,
  ): Promise<void> {
    try {
      await handler({ queue, id: String(job.id), payload: job.data.payload, attempt: job.attemptsMade + 1 });
    } catch (error) {
      const message = errorMessageOf(error);
      // BullMQ moves a job that throws UnrecoverableError to failed without further attempts.
      if (isPermanentFailure(error)) throw new UnrecoverableError(message);
      // Only the message is stored (stackTraceLimit 0); the cause is for anyone listening to worker events.
      throw new Error(message, { cause: error });
    }
  }

  private queue(name: JobQueueName): Queue<StoredJobData> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<StoredJobData>(name, {
        connection: this.producer,
        prefix: this.options.prefix,
        // Without this, a call during an outage waits for the reconnect instead of failing.
        skipWaitingForReady: true,
      });
      queue.on('error', (error) =>
        this.options.logger.error({ queue: name, error: errorMessageOf(error) }, 'jobs: queue error'),
      );
      this.queues.set(name, queue);
    }
    return queue;
  }

  private workerConnection(): Redis {
    this.workerRedis ??= this.watch(
      'worker',
      new Redis(this.url, {
        ...this.redisOptions,
        maxRetriesPerRequest: null,
        connectTimeout: this.options.commandTimeoutMs,
        retryStrategy: reconnectDelay,
      }),
    );
    return this.workerRedis;
  }

  /** Logs the first error of an outage and the recovery, not every failed reconnect in between. */
  private watch(name: string, redis: Redis): Redis {
    redis.on('error', (error: Error) => {
      if (this.connectionDown.has(name)) return;
      this.connectionDown.add(name);
      this.options.logger.error(
        { connection: name, url: redactUrl(this.url), error: error.message },
        'jobs: lost the connection to Redis; reconnecting',
      );
    });
    redis.on('ready', () => {
      if (!this.connectionDown.delete(name)) return;
      this.options.logger.warn({ connection: name }, 'jobs: reconnected to Redis');
    });
    return redis;
  }

  private bounded<T>(what: string, work: () => Promise<T>): Promise<T> {
    const unavailable = (cause?: unknown) =>
      new JobQueueUnavailableError(
        `Could not ${what}: ${cause instanceof Error ? cause.message : 'Redis did not answer in time'}`,
        true,
        cause,
      );
    return withTimeout(work(), this.options.commandTimeoutMs, () => unavailable()).catch((error: unknown) => {
      throw error instanceof JobQueueUnavailableError ? error : unavailable(error);
    });
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  private assertOpen(): void {
    if (this.closing) throw new JobQueueUnavailableError('The job queue is closed', false);
  }
}

/** Quick first retries, then at most every 2 s: a Redis restart should not leave workers idle for long. */
function reconnectDelay(times: number): number {
  return Math.min(50 * 2 ** Math.min(times, 10), 2000);
}

function waitForReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

function tokenOf(storedData: string): string | undefined {
  try {
    const data = JSON.parse(storedData) as Partial<StoredJobData>;
    return typeof data.addToken === 'string' ? data.addToken : undefined;
  } catch {
    return undefined;
  }
}

/** Connection URLs may carry a password; messages and logs get the URL without it. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable Redis URL>';
  }
}

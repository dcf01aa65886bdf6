/**
 * @portal/jobs: the jobs port (queues `email` and `letter`), its BullMQ adapter
 * (Redis) and its embedded adapter (SQLite file), and the retry schedule both use.
 * May import only: no other lib; Node built-ins, bullmq, ioredis and better-sqlite3; knows nothing
 * of the domain or of what a job does. The contract suite lives in `src/testing/`
 * and is imported by tests with a relative path.
 */
export * from './job-queue.port';
export {
  type JobQueueOptions,
  type RetryPolicy,
  DEFAULT_RETRY_POLICY,
  DEFAULT_COMPLETED_RETENTION_MS,
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_MAX_PAYLOAD_BYTES,
  retryDelay,
} from './options';
export { BullMqJobQueue, type BullMqJobQueueOptions } from './bullmq/bullmq-job-queue';
export { checkRedisEviction, type EvictionCheck, type RedisCommandRunner } from './bullmq/redis-eviction';
export {
  SqliteJobQueue,
  type SqliteJobQueueOptions,
  type SqliteJobQueueDiagnostics,
  STALLED_TOO_OFTEN,
} from './sqlite/sqlite-job-queue';

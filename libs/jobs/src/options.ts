/**
 * Settings both adapters share, their defaults, and the retry schedule
 * (exponential backoff with jitter) both of them apply.
 */
import type { JobsLogger } from './job-queue.port';

export interface RetryPolicy {
  /** Total runs a job gets, the first included. Default 8. */
  attempts: number;
  /** Delay after the first failure, before jitter. Default 10 s. */
  baseDelayMs: number;
  /** Cap on any one delay. Default 30 min. */
  maxDelayMs: number;
}

export interface JobQueueOptions {
  retry?: Partial<RetryPolicy>;
  /**
   * How long a completed job is kept so that adding its id again is still a
   * duplicate (a reactor replay must not send twice). Default 7 days; a replay of
   * older events sends again, so keep this longer than any replay you would run.
   */
  completedRetentionMs?: number;
  /** Default bound on how long `close()` waits for running handlers. Default 30 s. */
  closeTimeoutMs?: number;
  /** Payloads carry ids, not documents: bigger ones are refused. Default 64 KiB. */
  maxPayloadBytes?: number;
  logger?: JobsLogger;
}

export interface ResolvedJobQueueOptions {
  retry: RetryPolicy;
  completedRetentionMs: number;
  closeTimeoutMs: number;
  maxPayloadBytes: number;
  logger: JobsLogger;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 8,
  baseDelayMs: 10_000,
  maxDelayMs: 30 * 60_000,
});
export const DEFAULT_COMPLETED_RETENTION_MS = 7 * 24 * 60 * 60_000;
export const DEFAULT_CLOSE_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

/** Throws a RangeError naming the option, so a wrong setting stops start-up with a clear message. */
export function requireInteger(
  name: string,
  value: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `jobs option ${name} must be an integer from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

export function resolveJobQueueOptions(options: JobQueueOptions = {}): ResolvedJobQueueOptions {
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  requireInteger('retry.attempts', retry.attempts, 1, 1000);
  requireInteger('retry.baseDelayMs', retry.baseDelayMs, 1);
  requireInteger('retry.maxDelayMs', retry.maxDelayMs, retry.baseDelayMs);
  return {
    retry,
    completedRetentionMs: requireInteger(
      'completedRetentionMs',
      options.completedRetentionMs ?? DEFAULT_COMPLETED_RETENTION_MS,
      1,
    ),
    closeTimeoutMs: requireInteger('closeTimeoutMs', options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS, 0),
    maxPayloadBytes: requireInteger(
      'maxPayloadBytes',
      options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
      2,
    ),
    logger: options.logger ?? stderrLogger,
  };
}

/**
 * Delay before the next run of a job that has failed `failedAttempts` times:
 * the exponential step `base · 2^(n-1)`, capped at `maxDelayMs`, with "equal
 * jitter": half of the step is fixed and half random. The random half spreads
 * the retries of jobs that failed together (an SMTP outage fails every queued
 * email at once) so they do not all hit the recovering server in the same
 * instant; the fixed half keeps the backoff from collapsing to zero.
 */
export function retryDelay(
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2 ** 1024 is Infinity, which Math.min caps.
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const half = step / 2;
  return Math.max(1, Math.round(half + random() * half));
}

/** Used when the caller passes no logger: JSON lines on stderr, the shape the service's pino logs have. */
const stderrLogger: JobsLogger = {
  warn: (context, message) => writeLine('warn', context, message),
  error: (context, message) => writeLine('error', context, message),
};

function writeLine(level: string, context: Record<string, unknown>, message: string): void {
  process.stderr.write(`${JSON.stringify({ level, component: 'jobs', ...context, msg: message })}\n`);
}

/**
 * Checks both adapters apply before anything is stored, so a bad call fails the
 * same way on each and never half-writes.
 */
import {
  JOB_QUEUE_NAMES,
  MAX_ADD_MANY,
  type NewJob,
  type JobQueueName,
  type JsonObject,
  type ListDeadOptions,
  PermanentJobError,
} from './job-queue.port';

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;

/**
 * BullMQ stores job `x` of a queue at `<prefix>:<queue>:x`, beside the queue's own
 * keys of these names: a job with one of these ids would overwrite them and break
 * the queue (`bullmq-keys.spec.ts` checks the list against BullMQ's).
 */
export const RESERVED_JOB_IDS: ReadonlySet<string> = new Set([
  'active',
  'wait',
  'waiting-children',
  'paused',
  'id',
  'delayed',
  'prioritized',
  'stalled-check',
  'completed',
  'failed',
  'stalled',
  'repeat',
  'limiter',
  'meta',
  'events',
  'pc',
  'marker',
  'de',
  // Not in BullMQ's key list, but built the same way by its scripts (a legacy priority set, metrics).
  'priority',
  'metrics',
]);
const MAX_ERROR_MESSAGE = 1000;
const MAX_DEPTH = 32;

export function validateQueueName(queue: string): asserts queue is JobQueueName {
  if (!(JOB_QUEUE_NAMES as readonly string[]).includes(queue)) {
    throw new TypeError(
      `Unknown job queue ${JSON.stringify(queue)}: expected one of ${JOB_QUEUE_NAMES.join(', ')}`,
    );
  }
}

/**
 * Letters, digits and `. _ ~ -`, up to 200 characters (a UUID fits). BullMQ reads
 * an all-digit id as one of its own counters, uses `:` inside its keys, and keeps
 * its own keys beside the jobs (`RESERVED_JOB_IDS`), so all three are refused on
 * every adapter: an id one adapter takes, the other takes too.
 */
export function validateJobId(jobId: string): void {
  if (typeof jobId !== 'string' || !JOB_ID.test(jobId) || /^\d+$/.test(jobId)) {
    throw new TypeError(
      'A job id is 1-200 letters, digits, ".", "_", "~" or "-", starts with a letter or digit and is not all digits',
    );
  }
  if (RESERVED_JOB_IDS.has(jobId)) {
    throw new TypeError(
      `A job id cannot be ${JSON.stringify(jobId)}: BullMQ uses that name for its own keys`,
    );
  }
}

/**
 * Serialises a payload, refusing anything JSON would silently change (undefined,
 * NaN, Dates, class instances, bigints): the handler must get exactly what was added.
 */
export function serializePayload(payload: JsonObject, maxBytes: number): string {
  if (!isPlainObject(payload)) throw new TypeError('A job payload must be a plain JSON object');
  checkJson(payload, 'payload', 0);
  const json = JSON.stringify(payload);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxBytes) {
    throw new TypeError(
      `A job payload is ${bytes} bytes, over the ${maxBytes}-byte limit: pass ids, not documents`,
    );
  }
  return json;
}

function checkJson(value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new TypeError(`${path} is nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkJson(item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) checkJson(item, `${path}.${key}`, depth + 1);
    return;
  }
  throw new TypeError(`${path} is not a JSON value (${value === undefined ? 'undefined' : typeof value})`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function resolveListDeadOptions(options: ListDeadOptions = {}): { limit: number; offset: number } {
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new RangeError('limit must be 1..1000');
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError('offset must be a non-negative integer');
  return { limit, offset };
}

export function validateConcurrency(concurrency: number): number {
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000) {
    throw new RangeError('concurrency must be an integer from 1 to 1000');
  }
  return concurrency;
}

/**
 * The message stored for a failed attempt: the handler's own, bounded in length.
 * A thrown non-Error is not stringified, since it could be anything (a payload).
 */
export function errorMessageOf(error: unknown): string {
  if (!(error instanceof Error)) return `handler threw a non-Error value (${typeof error})`;
  const message = error.message || `${error.name} without a message`;
  return message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE)}…` : message;
}

/** `instanceof` fails when two copies of this lib are loaded; the name is the fallback. */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof PermanentJobError || (error instanceof Error && error.name === 'PermanentJobError');
}

/** Checks a whole `addMany` batch before anything is stored; returns each payload serialised. */
export function validateBatch(jobs: readonly NewJob[], maxPayloadBytes: number): string[] {
  if (!Array.isArray(jobs)) throw new TypeError('addMany takes an array of jobs');
  if (jobs.length > MAX_ADD_MANY) {
    throw new RangeError(`addMany takes at most ${MAX_ADD_MANY} jobs at once, not ${jobs.length}`);
  }
  return jobs.map((job) => {
    validateJobId(job.jobId);
    return serializePayload(job.payload, maxPayloadBytes);
  });
}

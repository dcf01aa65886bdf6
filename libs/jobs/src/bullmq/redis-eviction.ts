/**
 * BullMQ keeps every job in Redis keys; a Redis that evicts keys under memory
 * pressure (any `maxmemory-policy` but `noeviction`) drops jobs without a trace,
 * and a Redis without its append-only file (AOF) loses every job queued since its
 * last snapshot when it restarts. These are the start-up checks for both settings.
 */
import type { JobsLogger } from '../job-queue.port';

/** The one ioredis method the check needs (a `Redis` instance fits), so tests can pass a fake. */
export interface RedisCommandRunner {
  call(command: string, ...args: string[]): Promise<unknown>;
}

export interface EvictionCheck {
  /** True only when the policy was read and is `noeviction`. */
  ok: boolean;
  /** The policy Redis reported, or null when it could not be read. */
  policy: string | null;
  message: string;
}

export async function checkRedisEviction(
  connection: RedisCommandRunner,
  logger?: JobsLogger,
): Promise<EvictionCheck> {
  let result: EvictionCheck;
  try {
    const policy = policyFromReply(await connection.call('CONFIG', 'GET', 'maxmemory-policy'));
    result =
      policy === 'noeviction'
        ? { ok: true, policy, message: 'Redis maxmemory-policy is noeviction' }
        : {
            ok: false,
            policy,
            message:
              `Redis maxmemory-policy is ${policy ?? 'not reported'}, not noeviction: under memory pressure ` +
              'Redis will evict BullMQ keys and queued emails and letters will be lost. ' +
              'Set maxmemory-policy noeviction on this Redis.',
          };
  } catch (error) {
    // Hosted Redis often disables CONFIG; say that the setting is unknown rather than guess.
    result = {
      ok: false,
      policy: null,
      message:
        `Could not read Redis maxmemory-policy (${error instanceof Error ? error.message : 'unknown error'}): ` +
        'BullMQ needs noeviction, or queued jobs can be lost; check the server settings.',
    };
  }
  if (!result.ok) logger?.error({ maxmemoryPolicy: result.policy }, result.message);
  return result;
}

/** `CONFIG GET` answers `[name, value]` (RESP2, or ioredis' legacy mapping) or `{ name: value }` (RESP3 mapping). */
export function policyFromReply(reply: unknown): string | null {
  return configValue(reply, 'maxmemory-policy');
}

export interface PersistenceCheck {
  /** `on`/`off` as Redis reported it, `unknown` when neither CONFIG nor INFO answered. */
  aof: 'on' | 'off' | 'unknown';
  /** Where the answer came from: `CONFIG GET appendonly`, or `INFO persistence` when CONFIG is refused. */
  source: 'config' | 'info' | null;
  message: string;
}

/**
 * Warns (it does not stop the process: a cache-only Redis with RDB snapshots still
 * runs the queues) when AOF is off or cannot be read. Hosted Redis often refuses
 * CONFIG, so `INFO persistence`'s `aof_enabled` is asked next. The log line holds
 * the setting only, never the URL (it may carry a password).
 */
export async function checkRedisPersistence(
  connection: RedisCommandRunner,
  logger?: JobsLogger,
): Promise<PersistenceCheck> {
  const result = await readAof(connection);
  if (result.aof !== 'on') logger?.warn({ appendonly: result.aof, source: result.source }, result.message);
  return result;
}

async function readAof(connection: RedisCommandRunner): Promise<PersistenceCheck> {
  const off = (source: 'config' | 'info'): PersistenceCheck => ({
    aof: 'off',
    source,
    message:
      'Redis appendonly (AOF) is off: if Redis restarts, the emails and letters queued since its last ' +
      'snapshot are lost. Set appendonly yes on this Redis.',
  });
  const on = (source: 'config' | 'info'): PersistenceCheck => ({
    aof: 'on',
    source,
    message: 'Redis appendonly (AOF) is on',
  });
  try {
    const value = configValue(await connection.call('CONFIG', 'GET', 'appendonly'), 'appendonly');
    if (value === 'yes') return on('config');
    if (value === 'no') return off('config');
  } catch {
    // Refused (hosted Redis): INFO usually still answers.
  }
  try {
    const match = /^aof_enabled:(\d+)\s*$/m.exec(String(await connection.call('INFO', 'persistence')));
    if (match) return match[1] === '0' ? off('info') : on('info');
  } catch {
    // Neither answered: say so below.
  }
  return {
    aof: 'unknown',
    source: null,
    message:
      'Could not tell whether Redis appendonly (AOF) is on (CONFIG GET and INFO persistence gave no answer): ' +
      'without it, the emails and letters queued since the last snapshot are lost when Redis restarts; ' +
      'check the server settings.',
  };
}

/** `CONFIG GET name` in any of its reply shapes (see `policyFromReply`). */
function configValue(reply: unknown, name: string): string | null {
  if (Array.isArray(reply)) {
    const i = reply.findIndex((item) => String(item) === name);
    return i >= 0 && i + 1 < reply.length ? String(reply[i + 1]) : null;
  }
  if (reply instanceof Map) {
    const value: unknown = reply.get(name);
    return value === undefined ? null : String(value);
  }
  if (typeof reply === 'object' && reply !== null && name in reply) {
    return String((reply as Record<string, unknown>)[name]);
  }
  return null;
}

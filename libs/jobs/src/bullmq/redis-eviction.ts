/**
 * BullMQ keeps every job in Redis keys; a Redis that evicts keys under memory
 * pressure (any `maxmemory-policy` but `noeviction`) drops jobs without a trace.
 * This is the start-up check for that setting.
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
  if (Array.isArray(reply)) {
    const i = reply.findIndex((item) => String(item) === 'maxmemory-policy');
    return i >= 0 && i + 1 < reply.length ? String(reply[i + 1]) : null;
  }
  if (reply instanceof Map) {
    const value: unknown = reply.get('maxmemory-policy');
    return value === undefined ? null : String(value);
  }
  if (typeof reply === 'object' && reply !== null && 'maxmemory-policy' in reply) {
    return String((reply as Record<string, unknown>)['maxmemory-policy']);
  }
  return null;
}

/**
 * Rate limits: how many hits a key may make in a fixed window. Two adapters: in
 * the process (one API instance, embedded mode) and Redis (shared by every API
 * instance: `REDIS_URL`). Keys are hashed by the caller: they never hold a
 * username, an email or an address in clear.
 */
import { Redis } from 'ioredis';

export interface RateLimitRule {
  /** Hits allowed per window; 0 turns the rule off. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** When the window ends (ms from now): the `Retry-After` of a refusal. */
  resetMs: number;
  remaining: number;
}

export interface RateLimiter {
  hit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
  close(): Promise<void>;
}

function result(count: number, rule: RateLimitRule, resetMs: number): RateLimitResult {
  return {
    allowed: count <= rule.limit,
    resetMs: Math.max(0, resetMs),
    remaining: Math.max(0, rule.limit - count),
  };
}

/** Fixed windows in a Map, swept every minute. Counts are per process. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async hit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      w = { count: 0, endsAt: now + rule.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return result(w.count, rule, w.endsAt - now);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, w] of this.windows) if (w.endsAt <= now) this.windows.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}

/** INCR and PEXPIRE in one script, so a window's expiry is set exactly once, by its first hit. */
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/**
 * Fixed windows in Redis, shared by every API instance. A call that cannot reach
 * Redis within `timeoutMs` rejects with `RateLimiterUnavailableError`; the caller
 * decides (the HTTP guard lets the request through and logs: the lockout, which
 * lives in the event store, still protects every account).
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly options: { prefix?: string; timeoutMs?: number } = {},
  ) {
    this.redis = new Redis(url, {
      // Queued while (re)connecting, but never longer than the command timeout: a hit
      // made as the process starts waits for the connection instead of failing.
      enableOfflineQueue: true,
      maxRetriesPerRequest: 0,
      commandTimeout: options.timeoutMs ?? 500,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    });
    this.redis.on('error', () => undefined); // reported through the rejected hits
    this.redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
  }

  async hit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
    try {
      const [count, ttl] = (await (
        this.redis as unknown as { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> }
      ).rateLimitHit(`${this.options.prefix ?? 'ratelimit'}:${key}`, rule.windowMs)) as [number, number];
      return result(count, rule, ttl);
    } catch (error) {
      throw new RateLimiterUnavailableError(error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

export class RateLimiterUnavailableError extends Error {
  readonly code = 'RATE_LIMITER_UNAVAILABLE';
  constructor(cause: unknown) {
    super(`Rate limiter unavailable (${(cause as Error | undefined)?.name ?? 'Error'})`, { cause });
    this.name = 'RateLimiterUnavailableError';
  }
}

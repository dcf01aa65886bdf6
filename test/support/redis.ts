/**
 * Redis for the suites that need it. Redis is always available on this project's
 * machines, so a suite that cannot reach it fails (in beforeAll) with one line
 * saying how to start one; it never skips.
 */
import { Redis } from 'ioredis';

export function redisUrl(): string {
  return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}

/** Pings Redis at `redisUrl()` and throws one line when nothing answers within `timeoutMs`. */
export async function requireRedis(timeoutMs = 3000): Promise<void> {
  const url = redisUrl();
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  // Connection errors are reported by the rejection below; this keeps ioredis from also printing them.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    if ((await redis.ping()) !== 'PONG') throw new Error('unexpected PING reply');
  } catch {
    throw new Error(
      `Redis is not answering at ${withoutPassword(url)}: start one with \`redis-server --daemonize yes\` or set REDIS_URL`,
    );
  } finally {
    redis.disconnect();
  }
}

/** REDIS_URL may carry a password; the failure message is printed in CI logs. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

import { randomUUID } from 'node:crypto';
import { redisUrl, requireRedis } from '../../../test/support/redis';
import { InMemoryRateLimiter, RateLimiterUnavailableError, RedisRateLimiter } from './rate-limiter';

describe('InMemoryRateLimiter', () => {
  it('allows `limit` hits per window per key, then refuses until the window ends', async () => {
    let now = 1_000_000;
    const limiter = new InMemoryRateLimiter(() => now);
    const rule = { limit: 2, windowMs: 60_000 };
    expect((await limiter.hit('a', rule)).allowed).toBe(true);
    expect(await limiter.hit('a', rule)).toEqual({ allowed: true, remaining: 0, resetMs: 60_000 });
    now += 15_000;
    expect(await limiter.hit('a', rule)).toEqual({ allowed: false, remaining: 0, resetMs: 45_000 });
    expect((await limiter.hit('b', rule)).allowed).toBe(true);
    now += 45_000;
    expect((await limiter.hit('a', rule)).allowed).toBe(true);
    await limiter.close();
  });
});

describe('RedisRateLimiter', () => {
  beforeAll(() => requireRedis());
  const opened: RedisRateLimiter[] = [];
  afterAll(async () => {
    for (const l of opened) await l.close();
  });
  const open = (url = redisUrl(), prefix = `test-rl-${randomUUID()}`) => {
    const l = new RedisRateLimiter(url, { prefix, timeoutMs: 300 });
    opened.push(l);
    return l;
  };

  it('counts across instances sharing Redis, and the window expires in Redis', async () => {
    const prefix = `test-rl-${randomUUID()}`;
    const [a, b] = [open(redisUrl(), prefix), open(redisUrl(), prefix)];
    const rule = { limit: 2, windowMs: 300 };
    expect((await a.hit('k', rule)).allowed).toBe(true);
    expect((await b.hit('k', rule)).allowed).toBe(true);
    const refused = await a.hit('k', rule);
    expect(refused.allowed).toBe(false);
    expect(refused.resetMs).toBeGreaterThan(0);
    expect(refused.resetMs).toBeLessThanOrEqual(300);
    await new Promise((r) => setTimeout(r, 350));
    expect((await b.hit('k', rule)).allowed).toBe(true);
  });

  it('rejects with RateLimiterUnavailableError, within its timeout, when Redis does not answer', async () => {
    const limiter = open('redis://127.0.0.1:1');
    await expect(limiter.hit('k', { limit: 1, windowMs: 1000 })).rejects.toBeInstanceOf(
      RateLimiterUnavailableError,
    );
  });
});

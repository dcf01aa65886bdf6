import { Writable } from 'node:stream';
import pino from 'pino';
import type { JobsLogger } from '../job-queue.port';
import { checkRedisEviction, policyFromReply, type RedisCommandRunner } from './redis-eviction';

function redisAnswering(reply: unknown): RedisCommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    call: async (command, ...args) => {
      calls.push([command, ...args]);
      return reply;
    },
  };
}

function collectingLogger(): { logger: JobsLogger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  // The service logs with pino: the port's logger type must accept it as it is.
  const logger: JobsLogger = pino({ level: 'warn' }, destination);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('checkRedisEviction', () => {
  it('passes noeviction quietly', async () => {
    const redis = redisAnswering(['maxmemory-policy', 'noeviction']);
    const { logger, lines } = collectingLogger();
    expect(await checkRedisEviction(redis, logger)).toEqual({
      ok: true,
      policy: 'noeviction',
      message: 'Redis maxmemory-policy is noeviction',
    });
    expect(redis.calls).toEqual([['CONFIG', 'GET', 'maxmemory-policy']]);
    expect(lines()).toEqual([]);
  });

  it('reports and logs any other policy, saying jobs will be lost and what to set', async () => {
    const { logger, lines } = collectingLogger();
    const check = await checkRedisEviction(redisAnswering(['maxmemory-policy', 'allkeys-lru']), logger);
    expect(check).toMatchObject({ ok: false, policy: 'allkeys-lru' });
    expect(check.message).toMatch(/allkeys-lru.*will be lost.*maxmemory-policy noeviction/);
    expect(lines()).toEqual([
      expect.objectContaining({ maxmemoryPolicy: 'allkeys-lru', msg: check.message }),
    ]);
  });

  it('says the policy is unknown when CONFIG is refused, as hosted Redis often does', async () => {
    const refusing: RedisCommandRunner = {
      call: async () => {
        throw new Error("ERR unknown command 'CONFIG'");
      },
    };
    const check = await checkRedisEviction(refusing);
    expect(check).toMatchObject({ ok: false, policy: null });
    expect(check.message).toMatch(/Could not read Redis maxmemory-policy \(ERR unknown command 'CONFIG'\)/);
  });
});

describe('policyFromReply', () => {
  it('reads the RESP2 pair, the RESP3 map as an object or a Map, and nothing else', () => {
    expect(policyFromReply(['maxmemory-policy', 'volatile-lru'])).toBe('volatile-lru');
    expect(policyFromReply({ 'maxmemory-policy': 'noeviction' })).toBe('noeviction');
    expect(policyFromReply(new Map([['maxmemory-policy', 'allkeys-lfu']]))).toBe('allkeys-lfu');
    expect(policyFromReply([])).toBeNull();
    expect(policyFromReply('noeviction')).toBeNull();
  });
});

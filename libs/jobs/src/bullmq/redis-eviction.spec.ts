import { Writable } from 'node:stream';
import pino from 'pino';
import type { JobsLogger } from '../job-queue.port';
import {
  checkRedisEviction,
  checkRedisPersistence,
  policyFromReply,
  type RedisCommandRunner,
} from './redis-eviction';

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

/** A fake Redis answering each command by its first words, and refusing what it has no answer for. */
function redisWith(answers: Record<string, unknown>): RedisCommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    call: async (command, ...args) => {
      calls.push([command, ...args]);
      const key = [command, ...args].join(' ');
      if (!(key in answers)) throw new Error(`ERR unknown command '${command}'`);
      return answers[key];
    },
  };
}

const INFO_AOF_OFF =
  '# Persistence\r\nloading:0\r\nrdb_changes_since_last_save:0\r\naof_enabled:0\r\naof_rewrite_in_progress:0\r\n';
const INFO_AOF_ON = INFO_AOF_OFF.replace('aof_enabled:0', 'aof_enabled:1');

describe('checkRedisPersistence', () => {
  it('passes quietly when CONFIG says appendonly yes, without asking INFO', async () => {
    const redis = redisWith({ 'CONFIG GET appendonly': ['appendonly', 'yes'] });
    const { logger, lines } = collectingLogger();
    expect(await checkRedisPersistence(redis, logger)).toEqual({
      aof: 'on',
      source: 'config',
      message: 'Redis appendonly (AOF) is on',
    });
    expect(redis.calls).toEqual([['CONFIG', 'GET', 'appendonly']]);
    expect(lines()).toEqual([]);
  });

  it('warns when CONFIG says appendonly no (also as a RESP3 map), saying what is lost and what to set', async () => {
    for (const reply of [['appendonly', 'no'], { appendonly: 'no' }, new Map([['appendonly', 'no']])]) {
      const { logger, lines } = collectingLogger();
      const check = await checkRedisPersistence(redisWith({ 'CONFIG GET appendonly': reply }), logger);
      expect(check).toMatchObject({ aof: 'off', source: 'config' });
      expect(check.message).toMatch(/AOF\) is off.*queued since its last snapshot are lost.*appendonly yes/);
      expect(lines()).toEqual([
        expect.objectContaining({ level: 40, appendonly: 'off', source: 'config', msg: check.message }),
      ]);
    }
  });

  it('falls back to INFO persistence when CONFIG is refused, as hosted Redis does', async () => {
    const { logger, lines } = collectingLogger();
    const off = redisWith({ 'INFO persistence': INFO_AOF_OFF });
    expect(await checkRedisPersistence(off, logger)).toMatchObject({ aof: 'off', source: 'info' });
    expect(off.calls).toEqual([
      ['CONFIG', 'GET', 'appendonly'],
      ['INFO', 'persistence'],
    ]);
    expect(lines()).toEqual([expect.objectContaining({ appendonly: 'off', source: 'info' })]);

    const on = collectingLogger();
    expect(
      await checkRedisPersistence(redisWith({ 'INFO persistence': INFO_AOF_ON }), on.logger),
    ).toMatchObject({ aof: 'on', source: 'info' });
    expect(on.lines()).toEqual([]);
  });

  it('says it could not tell when neither CONFIG nor INFO answers, and logs nothing but the setting', async () => {
    const { logger, lines } = collectingLogger();
    const check = await checkRedisPersistence(redisWith({ 'INFO persistence': 'no such section' }), logger);
    expect(check).toMatchObject({ aof: 'unknown', source: null });
    expect(check.message).toMatch(/^Could not tell whether Redis appendonly \(AOF\) is on/);
    const [line] = lines();
    expect(line).toMatchObject({ level: 40, appendonly: 'unknown', source: null, msg: check.message });
    // The line carries the setting only: no URL, host or password of the connection.
    expect(Object.keys(line ?? {}).sort()).toEqual(
      ['appendonly', 'level', 'msg', 'pid', 'hostname', 'source', 'time'].sort(),
    );
  });
});

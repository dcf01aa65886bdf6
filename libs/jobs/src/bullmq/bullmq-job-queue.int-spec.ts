import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { redisUrl, requireRedis } from '../../../../test/support/redis';
import { describeJobQueueContract } from '../testing/job-queue.contract';
import { countKeysWithPrefix, deleteKeysWithPrefix } from '../testing/redis-keys';
import { TcpProxy } from '../testing/tcp-proxy';
import { waitUntil } from '../testing/wait';
import { JobQueueUnavailableError, type JobsLogger } from '../job-queue.port';
import { BullMqJobQueue, type BullMqJobQueueOptions, redactUrl } from './bullmq-job-queue';
import { checkRedisEviction } from './redis-eviction';

beforeAll(() => requireRedis());

/** One prefix per fixture, so runs and tests never share keys. */
function uniquePrefix(): string {
  return `test-jobs-${process.pid}-${randomUUID().slice(0, 8)}`;
}

// Short locks and stall checks so a "killed" worker's job is taken over within a test.
const fast: BullMqJobQueueOptions = { lockDurationMs: 1000, stalledIntervalMs: 300, commandTimeoutMs: 5000 };

describeJobQueueContract('BullMQ', async () => {
  const prefix = uniquePrefix();
  return {
    open: (options) => BullMqJobQueue.connect(redisUrl(), { ...options, ...fast, prefix }),
    cleanup: async () => {
      await deleteKeysWithPrefix(redisUrl(), prefix);
    },
  };
});

describe('BullMqJobQueue', () => {
  const silent: JobsLogger = { warn: () => undefined, error: () => undefined };
  let prefix: string;
  let opened: BullMqJobQueue[];
  let proxies: TcpProxy[];

  const connect = async (url = redisUrl(), options: BullMqJobQueueOptions = {}) => {
    const jobs = await BullMqJobQueue.connect(url, { ...fast, prefix, logger: silent, ...options });
    opened.push(jobs);
    return jobs;
  };
  const proxy = async () => {
    const { hostname, port } = new URL(redisUrl());
    const started = await TcpProxy.start(hostname, Number(port || 6379));
    proxies.push(started);
    return started;
  };

  beforeEach(() => {
    prefix = uniquePrefix();
    opened = [];
    proxies = [];
  });

  afterEach(async () => {
    await Promise.all(opened.map((jobs) => jobs.close({ timeoutMs: 2000 })));
    await Promise.all(proxies.map((p) => p.cut()));
    await deleteKeysWithPrefix(redisUrl(), prefix);
  });

  it('stores jobs with their attempts, the jitter backoff, and completed-job retention', async () => {
    const jobs = await connect(redisUrl(), {
      retry: { attempts: 5 },
      completedRetentionMs: 2 * 24 * 60 * 60_000,
    });
    await jobs.add('email', 'e-1', { eventId: 'e-1' });
    const raw = new Redis(redisUrl());
    const queue = new Queue('email', { connection: raw, prefix });
    try {
      const job = await queue.getJob('e-1');
      expect(job?.opts).toMatchObject({
        attempts: 5,
        backoff: { type: 'portal-exponential-jitter' },
        removeOnComplete: { age: 2 * 24 * 60 * 60 },
        removeOnFail: false,
      });
      expect(job?.data).toMatchObject({ payload: { eventId: 'e-1' } });
    } finally {
      await queue.close();
      raw.disconnect();
    }
  });

  it('fails an add while Redis is unreachable, and adds again once it is back', async () => {
    const link = await proxy();
    const jobs = await connect(link.url, { commandTimeoutMs: 1000 });
    await expect(jobs.add('email', 'before', {})).resolves.toMatchObject({ duplicate: false });

    await link.cut();
    const failure = await jobs.add('email', 'during', {}).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(JobQueueUnavailableError);
    expect(failure).toMatchObject({ code: 'JOB_QUEUE_UNAVAILABLE', retryable: true });

    await link.resume();
    // The reactor keeps its checkpoint and adds again until Redis takes it.
    await waitUntil(
      () =>
        jobs.add('email', 'during', {}).then(
          () => true,
          () => false,
        ),
      'Redis took the add again',
    );
    expect(await jobs.jobState('email', 'before')).toBe('waiting');
    expect(await jobs.jobState('email', 'during')).toBe('waiting');
    expect(await jobs.add('email', 'during', {})).toMatchObject({ duplicate: true });
  }, 30_000);

  it('keeps processing after the workers lose Redis for a while', async () => {
    const link = await proxy();
    const worker = await connect(link.url);
    const seen: string[] = [];
    await worker.process('email', async (job) => {
      seen.push(job.id);
    });
    const producer = await connect();
    await producer.add('email', 'first', {});
    await waitUntil(() => seen.length === 1, 'the first job ran');

    await link.cut();
    await producer.add('email', 'second', {});
    await link.resume();
    await waitUntil(
      async () => (await producer.jobState('email', 'second')) === 'completed',
      'the second ran',
    );
    expect(seen).toEqual(['first', 'second']);
  }, 30_000);

  it('refuses to connect, with JobQueueUnavailableError, when nothing answers', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    await expect(
      BullMqJobQueue.connect(`redis://127.0.0.1:${closedPort}`, { logger: silent, commandTimeoutMs: 300 }),
    ).rejects.toMatchObject({ code: 'JOB_QUEUE_UNAVAILABLE', retryable: true });
  });

  it('checks the eviction policy at start-up against what Redis reports', async () => {
    const raw = new Redis(redisUrl());
    try {
      const [, actual] = (await raw.config('GET', 'maxmemory-policy')) as string[];
      const check = await checkRedisEviction(raw);
      expect(check).toMatchObject({ policy: actual, ok: actual === 'noeviction' });
      const jobs = await connect();
      expect(jobs.evictionCheck).toEqual(check);
    } finally {
      raw.disconnect();
    }
  });

  it('reads the append-only setting at start-up as Redis reports it', async () => {
    const raw = new Redis(redisUrl());
    try {
      const [, appendonly] = (await raw.config('GET', 'appendonly')) as string[];
      const jobs = await connect();
      expect(jobs.persistenceCheck).toMatchObject({
        aof: appendonly === 'yes' ? 'on' : 'off',
        source: 'config',
      });
    } finally {
      raw.disconnect();
    }
  });

  it('hands a job held by a worker that stopped renewing its lock to another worker', async () => {
    // The first worker reaches Redis through a link that is then cut for good: from
    // Redis' side that is a killed process (no renewal, no completion, no release).
    const link = await proxy();
    const lost = await connect(link.url);
    const started: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await lost.process('email', async (job) => {
      started.push(job.id);
      await held;
    });
    const survivor = await connect();
    await survivor.add('email', 'held-1', { eventId: 'held-1' });
    await waitUntil(() => started.length === 1, 'the first worker took the job');
    await link.cut();

    const ran: Array<{ id: string; attempt: number }> = [];
    await survivor.process('email', async (job) => {
      ran.push({ id: job.id, attempt: job.attempt });
    });
    await waitUntil(
      async () => (await survivor.jobState('email', 'held-1')) === 'completed',
      'the second worker ran the job',
      15_000,
    );
    // A stall is not a failed attempt: the job keeps its attempt count.
    expect(ran).toEqual([{ id: 'held-1', attempt: 1 }]);
    expect(await survivor.countDead('email')).toBe(0);
    release();
  }, 30_000);

  it('leaves no keys outside its prefix and none at all after clean-up', async () => {
    const jobs = await connect();
    await jobs.add('email', 'e-1', {});
    expect(await countKeysWithPrefix(redisUrl(), prefix)).toBeGreaterThan(0);
    await jobs.close();
    await deleteKeysWithPrefix(redisUrl(), prefix);
    expect(await countKeysWithPrefix(redisUrl(), prefix)).toBe(0);
  });

  it('keeps passwords out of the URLs it reports', () => {
    expect(redactUrl('redis://user:s3cret@redis.internal:6379/0')).toBe(
      'redis://user:***@redis.internal:6379/0',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

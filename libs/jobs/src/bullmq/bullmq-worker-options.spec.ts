/**
 * At the client boundary: what BullMqJobQueue hands BullMQ's Worker. The lock and
 * stall-check settings decide how long a killed worker's jobs wait (README,
 * "Production"), so they are checked here as BullMQ receives them.
 */
import { Worker } from 'bullmq';
import { BullMqJobQueue } from './bullmq-job-queue';

jest.mock('ioredis', () => {
  // Only what the adapter calls: ready at once, CONFIG answers as a well-set Redis does.
  class Redis {
    status = 'ready';
    on(): this {
      return this;
    }
    once(): this {
      return this;
    }
    async call(_command: string, _sub: string, name: string): Promise<string[]> {
      return name === 'appendonly' ? ['appendonly', 'yes'] : ['maxmemory-policy', 'noeviction'];
    }
    disconnect(): void {}
  }
  return { Redis };
});

jest.mock('bullmq', () => {
  const Worker = jest.fn().mockImplementation(() => ({
    on: jest.fn(),
    waitUntilReady: jest.fn().mockResolvedValue(undefined),
    close: jest.fn().mockResolvedValue(undefined),
  }));
  return { Worker, Queue: jest.fn(), UnrecoverableError: Error, ErrorCode: {} };
});

const WorkerMock = Worker as unknown as jest.Mock;

describe('BullMqJobQueue worker options', () => {
  const silent = { warn: () => undefined, error: () => undefined };
  beforeEach(() => WorkerMock.mockClear());

  it('gives BullMQ a 15 s lock renewed every 5 s and a 5 s stall check: a killed worker’s job waits at most 20 s', async () => {
    const jobs = await BullMqJobQueue.connect('redis://fake:6379', { logger: silent });
    await jobs.process('email', async () => undefined, { concurrency: 4 });
    expect(WorkerMock).toHaveBeenCalledTimes(1);
    const [queue, , options] = WorkerMock.mock.calls[0] as [string, unknown, Record<string, unknown>];
    expect(queue).toBe('email');
    expect(options).toMatchObject({
      prefix: 'bull',
      concurrency: 4,
      lockDuration: 15_000,
      lockRenewTime: 5_000,
      stalledInterval: 5_000,
      maxStalledCount: 2,
    });
    expect(jobs.persistenceCheck).toMatchObject({ aof: 'on', source: 'config' });
    await jobs.close({ timeoutMs: 0 });
  });

  it('passes chosen values through, renewing at a third of the lock unless told otherwise', async () => {
    const jobs = await BullMqJobQueue.connect('redis://fake:6379', {
      logger: silent,
      lockDurationMs: 9_000,
      stalledIntervalMs: 2_000,
      maxStalledCount: 1,
    });
    await jobs.process('letter', async () => undefined);
    expect(WorkerMock.mock.calls[0]?.[2]).toMatchObject({
      lockDuration: 9_000,
      lockRenewTime: 3_000,
      stalledInterval: 2_000,
      maxStalledCount: 1,
    });
    await jobs.close({ timeoutMs: 0 });
  });

  it('refuses a renewal period that is not shorter than the lock, naming the option', async () => {
    await expect(
      BullMqJobQueue.connect('redis://fake:6379', {
        logger: silent,
        lockDurationMs: 1000,
        lockRenewTimeMs: 1000,
      }),
    ).rejects.toThrow(/lockRenewTimeMs must be an integer from 10 to 999, got 1000/);
  });
});

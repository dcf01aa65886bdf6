import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeJobQueueContract } from '../testing/job-queue.contract';
import { Gates, waitUntil } from '../testing/wait';
import { SqliteJobQueue, STALLED_TOO_OFTEN, type SqliteJobQueueOptions } from './sqlite-job-queue';
import type { JobsLogger, QueuedJob } from '../job-queue.port';

async function tempFile(): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sqlite-jobs-'));
  return { file: join(dir, 'jobs.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

describeJobQueueContract('SQLite', async () => {
  const { file, remove } = await tempFile();
  return {
    open: async (options) =>
      SqliteJobQueue.open(file, { ...options, pollIntervalMs: 20, lockDurationMs: 300 }),
    cleanup: remove,
  };
});

describe('SqliteJobQueue', () => {
  const silent: JobsLogger = { warn: () => undefined, error: () => undefined };
  let file: string;
  let remove: () => Promise<void>;
  let opened: SqliteJobQueue[];
  const open = (options: SqliteJobQueueOptions = {}) => {
    const jobs = SqliteJobQueue.open(file, {
      pollIntervalMs: 20,
      lockDurationMs: 300,
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      logger: silent,
      ...options,
    });
    opened.push(jobs);
    return jobs;
  };

  beforeEach(async () => {
    ({ file, remove } = await tempFile());
    opened = [];
  });

  afterEach(async () => {
    await Promise.all(opened.map((jobs) => jobs.close({ timeoutMs: 2000 })));
    await remove();
  });

  it('runs in WAL mode with synchronous=FULL', () => {
    expect(open().diagnostics()).toEqual({ journalMode: 'wal', synchronous: 2 });
  });

  it('keeps added jobs across a reopen of the file', async () => {
    const first = open();
    await first.add('letter', 'l-1', { eventId: 'l-1' });
    await first.close();
    const second = open();
    const seen: QueuedJob[] = [];
    await second.process('letter', async (job) => {
      seen.push(job);
    });
    await waitUntil(async () => (await second.jobState('letter', 'l-1')) === 'completed', 'the job ran');
    expect(seen).toEqual([{ queue: 'letter', id: 'l-1', payload: { eventId: 'l-1' }, attempt: 1 }]);
  });

  it('runs again a job left active by a process that died, once its lock expired', async () => {
    const jobs = open();
    await jobs.add('email', 'orphan', {});
    // What a dead process leaves: the row claimed by an owner that will never renew its lock.
    const raw = new Database(file);
    raw
      .prepare(
        `UPDATE jobs SET state = 'active', locked_by = 'dead-process', locked_until = ? WHERE id = 'orphan'`,
      )
      .run(Date.now() + 100);
    raw.close();
    const seen: string[] = [];
    await jobs.process('email', async (job) => {
      seen.push(job.id);
    });
    await waitUntil(
      async () => (await jobs.jobState('email', 'orphan')) === 'completed',
      'the orphan re-ran',
    );
    expect(seen).toEqual(['orphan']);
  });

  it('dead-letters a job that stalled more often than maxStalledCount allows', async () => {
    const jobs = open({ maxStalledCount: 1 });
    await jobs.add('email', 'poison', {});
    const raw = new Database(file);
    raw
      .prepare(
        `UPDATE jobs SET state = 'active', locked_by = 'dead-process', locked_until = 0, stalled_count = 1 WHERE id = 'poison'`,
      )
      .run();
    raw.close();
    const seen: string[] = [];
    await jobs.process('email', async (job) => {
      seen.push(job.id);
    });
    await waitUntil(async () => (await jobs.countDead('email')) === 1, 'the job was dead-lettered');
    expect(seen).toEqual([]);
    expect(await jobs.listDead('email')).toEqual([
      expect.objectContaining({ id: 'poison', lastError: STALLED_TOO_OFTEN }),
    ]);
  });

  it('forgets completed jobs after the retention period, so the id can be added again', async () => {
    const jobs = open({ completedRetentionMs: 50, purgeIntervalMs: 10 });
    await jobs.process('email', async () => undefined);
    await jobs.add('email', 'e-1', {});
    await waitUntil(async () => (await jobs.jobState('email', 'e-1')) === 'completed', 'the job completed');
    await waitUntil(async () => (await jobs.jobState('email', 'e-1')) === null, 'the retention ended');
    expect(await jobs.add('email', 'e-1', {})).toEqual({ jobId: 'e-1', duplicate: false });
  });

  it('never runs a job twice when two instances consume the same file', async () => {
    const a = open();
    const b = open();
    const runs: string[] = [];
    const handler = async (job: QueuedJob) => {
      runs.push(job.id);
    };
    await a.process('email', handler, { concurrency: 3 });
    await b.process('email', handler, { concurrency: 3 });
    const ids = Array.from({ length: 40 }, (_, i) => `j-${i}`);
    for (const [i, id] of ids.entries()) await (i % 2 ? a : b).add('email', id, {});
    await waitUntil(() => runs.length >= ids.length, 'every job ran');
    await waitUntil(
      async () =>
        (await Promise.all(ids.map((id) => a.jobState('email', id)))).every((s) => s === 'completed'),
      'every job completed',
    );
    expect([...runs].sort()).toEqual([...ids].sort());
  });

  it('writes the outcomes of runs that end together in one transaction', async () => {
    const jobs = open();
    const settle = jest.spyOn(SqliteJobQueue.prototype as unknown as { settle: () => unknown }, 'settle');
    const gates = new Gates();
    let started = 0;
    await jobs.process(
      'email',
      async () => {
        started++;
        await gates.wait('end');
      },
      { concurrency: 20 },
    );
    await jobs.addMany(
      'email',
      Array.from({ length: 20 }, (_, i) => ({ jobId: `e-${i}`, payload: {} })),
    );
    await waitUntil(() => started === 20, 'all 20 jobs run');
    settle.mockClear();
    gates.open('end');
    await waitUntil(
      async () => (await jobs.jobState('email', 'e-19')) === 'completed',
      'the outcomes were written',
    );
    const writes = settle.mock.calls
      .map((call) => (call as unknown[])[1] as unknown[])
      .filter((o) => o.length > 0);
    settle.mockRestore();
    expect(writes.map((outcomes) => outcomes.length)).toEqual([20]);
    for (let i = 0; i < 20; i++) expect(await jobs.jobState('email', `e-${i}`)).toBe('completed');
  });

  it('keeps the outcomes it could not write while another process held the file, and writes them later, running nothing twice', async () => {
    const errors: string[] = [];
    const jobs = open({
      busyTimeoutMs: 10,
      lockDurationMs: 10_000,
      logger: { warn: () => undefined, error: (_context, message) => errors.push(message) },
    });
    const gates = new Gates();
    const runs: string[] = [];
    await jobs.process(
      'email',
      async (job) => {
        runs.push(job.id);
        await gates.wait('end');
        if (job.id === 'e-2') throw new Error('SMTP refused');
      },
      { concurrency: 5 },
    );
    await jobs.addMany(
      'email',
      Array.from({ length: 5 }, (_, i) => ({ jobId: `e-${i}`, payload: {} })),
    );
    await waitUntil(() => runs.length === 5, 'all 5 jobs run');
    const other = new Database(file, { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    gates.open('end');
    await waitUntil(
      () => errors.includes('jobs: could not record job outcomes or claim jobs; trying again'),
      'a write of the outcomes failed',
    );
    expect(await jobs.jobState('email', 'e-0')).toBe('active');
    other.exec('COMMIT');
    other.close();
    await waitUntil(
      async () =>
        (await Promise.all([0, 1, 3, 4].map((i) => jobs.jobState('email', `e-${i}`)))).every(
          (state) => state === 'completed',
        ),
      'the outcomes were written',
    );
    // The failed one was rescheduled (its retry runs it a second time); the others ran once.
    await waitUntil(() => runs.filter((id) => id === 'e-2').length === 2, 'the failed job was retried');
    expect(runs.filter((id) => id !== 'e-2').sort()).toEqual(['e-0', 'e-1', 'e-3', 'e-4']);
  });

  it('refuses a file written by another schema version', async () => {
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => SqliteJobQueue.open(file)).toThrow(/schema version 99/);
  });

  it('names the option when a setting is wrong', () => {
    expect(() => SqliteJobQueue.open(file, { retry: { attempts: 0 } })).toThrow(/retry\.attempts/);
    expect(() => SqliteJobQueue.open(file, { lockDurationMs: 1 })).toThrow(/lockDurationMs/);
  });
});

/**
 * The one contract every JobQueue adapter must pass. Each test gets a fixture with
 * storage of its own (a fresh Redis key prefix, a fresh SQLite file), opens as many
 * instances on it as it needs (a restart is a second `open`), and waits on
 * background work with bounded polling, never on elapsed time.
 */
import {
  type JobHandler,
  type JobQueue,
  type JobQueueName,
  JobQueueUnavailableError,
  type JobsLogger,
  type JsonObject,
  PermanentJobError,
  type QueuedJob,
} from '../job-queue.port';
import type { JobQueueOptions } from '../options';
import { Gates, sleep, waitUntil } from './wait';

export interface JobQueueFixture {
  /** Opens an adapter on this fixture's storage; every call is a new instance on the same storage. */
  open(options: JobQueueOptions): Promise<JobQueue>;
  /** Deletes what the fixture stored. The suite has closed every instance first. */
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  testTimeoutMs?: number;
}

interface LogLine {
  level: 'warn' | 'error';
  context: Record<string, unknown>;
  message: string;
}

export function describeJobQueueContract(
  name: string,
  makeFixture: () => Promise<JobQueueFixture>,
  contractOptions: ContractOptions = {},
): void {
  const timeout = contractOptions.testTimeoutMs ?? 30_000;

  describe(`JobQueue contract: ${name}`, () => {
    let fixture: JobQueueFixture;
    let opened: JobQueue[];
    let gates: Gates;
    let logs: LogLine[];

    const logger: JobsLogger = {
      warn: (context, message) => logs.push({ level: 'warn', context, message }),
      error: (context, message) => logs.push({ level: 'error', context, message }),
    };
    const options = (): JobQueueOptions => ({
      // Small delays so retries happen within a test; attempts kept low for the same reason.
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      closeTimeoutMs: 10_000,
      logger,
    });
    const open = async (): Promise<JobQueue> => {
      const jobs = await fixture.open(options());
      opened.push(jobs);
      return jobs;
    };

    /** Records every delivery; `behaviour` decides what each one does. */
    function recorder(
      behaviour: (job: QueuedJob, calls: QueuedJob[]) => Promise<void> = async () => undefined,
    ) {
      const calls: QueuedJob[] = [];
      const handler: JobHandler = async (job) => {
        calls.push(job);
        await behaviour(job, calls);
      };
      return { calls, handler };
    }

    beforeEach(async () => {
      fixture = await makeFixture();
      opened = [];
      gates = new Gates();
      logs = [];
    });

    afterEach(async () => {
      // Handlers given up on by a "crash" still hold promises: let them end before the storage goes.
      gates.openAll();
      await Promise.all(opened.map((jobs) => jobs.close({ timeoutMs: 5000 })));
      await fixture.cleanup();
    });

    it(
      'delivers the payload, the job id and the attempt number, then completes the job',
      async () => {
        const jobs = await open();
        const { calls, handler } = recorder();
        const payload = { eventId: 'e-1', nested: { list: [1, 'two', null, true] } };
        await expect(jobs.add('email', 'e-1', payload)).resolves.toEqual({ jobId: 'e-1', duplicate: false });
        await jobs.process('email', handler);
        await waitUntil(
          async () => (await jobs.jobState('email', 'e-1')) === 'completed',
          'the job completed',
        );
        expect(calls).toEqual([{ queue: 'email', id: 'e-1', payload, attempt: 1 }]);
        expect(await jobs.jobState('email', 'never-added')).toBeNull();
      },
      timeout,
    );

    it(
      'adds an id once per queue: again while it waits, after it completed, after it died',
      async () => {
        const jobs = await open();
        const { calls, handler } = recorder(async (job) => {
          if (job.id === 'doomed') throw new PermanentJobError('refused');
        });
        expect(await jobs.add('email', 'e-1', { n: 1 })).toEqual({ jobId: 'e-1', duplicate: false });
        expect(await jobs.add('email', 'e-1', { n: 2 })).toEqual({ jobId: 'e-1', duplicate: true });
        expect(await jobs.add('letter', 'e-1', { n: 3 })).toEqual({ jobId: 'e-1', duplicate: false });
        await jobs.add('email', 'doomed', {});
        await jobs.process('email', handler);
        await waitUntil(async () => (await jobs.jobState('email', 'e-1')) === 'completed', 'e-1 completed');
        await waitUntil(async () => (await jobs.jobState('email', 'doomed')) === 'dead', 'doomed died');

        expect(await jobs.add('email', 'e-1', { n: 4 })).toMatchObject({ duplicate: true });
        expect(await jobs.add('email', 'doomed', {})).toMatchObject({ duplicate: true });
        // One worker, first in first out: once a job added after them has run, a re-added job would have too.
        await jobs.add('email', 'last', {});
        await waitUntil(
          async () => (await jobs.jobState('email', 'last')) === 'completed',
          'the later job ran',
        );
        expect(calls.map((c) => [c.id, c.payload])).toEqual([
          ['e-1', { n: 1 }],
          ['doomed', {}],
          ['last', {}],
        ]);
        expect(await jobs.countDead('email')).toBe(1);
        expect(await jobs.jobState('letter', 'e-1')).toBe('waiting');
      },
      timeout,
    );

    it(
      'adds a batch in order: new ids added, ids already stored or repeated in the batch are duplicates',
      async () => {
        const jobs = await open();
        const { calls, handler } = recorder();
        await jobs.add('email', 'old', { n: 0 });
        const results = await jobs.addMany('email', [
          { jobId: 'a', payload: { n: 1 } },
          { jobId: 'old', payload: { n: 2 } },
          { jobId: 'b', payload: { n: 3 } },
          { jobId: 'a', payload: { n: 4 } },
        ]);
        expect(results).toEqual([
          { jobId: 'a', duplicate: false },
          { jobId: 'old', duplicate: true },
          { jobId: 'b', duplicate: false },
          { jobId: 'a', duplicate: true },
        ]);
        expect(await jobs.addMany('email', [])).toEqual([]);
        expect(await jobs.addMany('letter', [{ jobId: 'a', payload: {} }])).toEqual([
          { jobId: 'a', duplicate: false },
        ]);
        await jobs.process('email', handler);
        await waitUntil(async () => (await jobs.jobState('email', 'b')) === 'completed', 'the batch ran');
        expect(calls.map((c) => [c.id, c.payload]).sort()).toEqual([
          ['a', { n: 1 }],
          ['b', { n: 3 }],
          ['old', { n: 0 }],
        ]);
      },
      timeout,
    );

    it(
      'refuses a whole batch with one bad job, storing none of it',
      async () => {
        const jobs = await open();
        await expect(
          jobs.addMany('email', [
            { jobId: 'fine', payload: {} },
            { jobId: 'has:colon', payload: {} },
          ]),
        ).rejects.toThrow(TypeError);
        await expect(
          jobs.addMany(
            'email',
            Array.from({ length: 1001 }, (_, i) => ({ jobId: `j${i}`, payload: {} })),
          ),
        ).rejects.toThrow(/at most 1000/);
        expect(await jobs.jobState('email', 'fine')).toBeNull();
        expect(await jobs.jobState('email', 'j0')).toBeNull();
      },
      timeout,
    );

    it(
      'retries a failing job with backoff: two failures, then a third delivery completes it',
      async () => {
        const jobs = await open();
        const { calls, handler } = recorder(async (job) => {
          if (job.attempt < 3) throw new Error(`SMTP 451 try again later (${job.attempt})`);
        });
        await jobs.add('email', 'flaky', { eventId: 'flaky' });
        await jobs.process('email', handler);
        await waitUntil(
          async () => (await jobs.jobState('email', 'flaky')) === 'completed',
          'the job completed',
        );
        expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
        expect(calls.every((c) => c.id === 'flaky')).toBe(true);
        expect(await jobs.countDead('email')).toBe(0);
        expect(logs.filter((l) => l.level === 'warn' && l.context.jobId === 'flaky')).toHaveLength(2);
      },
      timeout,
    );

    it(
      'dead-letters a job that runs out of attempts, lists it, and runs it again on retryDead',
      async () => {
        const jobs = await open();
        let vendorUp = false;
        const { calls, handler } = recorder(async () => {
          if (!vendorUp) throw new Error('letter vendor answered 503');
        });
        await jobs.add('letter', 'l-1', { eventId: 'l-1' });
        await jobs.process('letter', handler);
        await waitUntil(async () => (await jobs.countDead('letter')) === 1, 'the job was dead-lettered');

        expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
        expect(await jobs.jobState('letter', 'l-1')).toBe('dead');
        const [dead, ...others] = await jobs.listDead('letter');
        expect(others).toEqual([]);
        expect(dead).toEqual({
          queue: 'letter',
          id: 'l-1',
          attemptsMade: 3,
          lastError: 'letter vendor answered 503',
          failedAt: expect.any(Number),
        });
        expect(await jobs.listDead('email')).toEqual([]);
        expect(await jobs.retryDead('letter', 'never-added')).toBe(false);

        vendorUp = true;
        expect(await jobs.retryDead('letter', 'l-1')).toBe(true);
        await waitUntil(
          async () => (await jobs.jobState('letter', 'l-1')) === 'completed',
          'the retry completed',
        );
        expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3, 1]);
        expect(await jobs.countDead('letter')).toBe(0);
        expect(await jobs.listDead('letter')).toEqual([]);
        expect(await jobs.retryDead('letter', 'l-1')).toBe(false);
      },
      timeout,
    );

    it(
      'dead-letters a job whose handler throws PermanentJobError, without retrying',
      async () => {
        const jobs = await open();
        const { calls, handler } = recorder(async () => {
          throw new PermanentJobError('address rejected by the vendor (422)');
        });
        await jobs.add('letter', 'bad-address', {});
        await jobs.process('letter', handler);
        await waitUntil(async () => (await jobs.countDead('letter')) === 1, 'the job was dead-lettered');
        expect(calls).toHaveLength(1);
        expect(await jobs.listDead('letter')).toEqual([
          expect.objectContaining({
            id: 'bad-address',
            attemptsMade: 1,
            lastError: 'address rejected by the vendor (422)',
          }),
        ]);
      },
      timeout,
    );

    it(
      'lists dead jobs most recently failed first, a page at a time',
      async () => {
        const jobs = await open();
        const { handler } = recorder(async () => {
          throw new PermanentJobError('no');
        });
        await jobs.process('email', handler);
        let lastFailedAt = 0;
        for (const [i, id] of ['d-1', 'd-2', 'd-3'].entries()) {
          // Distinct failure times, so "most recent first" has one right answer.
          await waitUntil(() => Date.now() > lastFailedAt, 'the clock moved on');
          await jobs.add('email', id, {});
          await waitUntil(async () => (await jobs.countDead('email')) === i + 1, `${id} died`);
          lastFailedAt = (await jobs.listDead('email', { limit: 1 }))[0].failedAt;
        }
        const ids = (page: Array<{ id: string }>) => page.map((d) => d.id);
        expect(ids(await jobs.listDead('email', { limit: 2 }))).toEqual(['d-3', 'd-2']);
        expect(ids(await jobs.listDead('email', { limit: 2, offset: 2 }))).toEqual(['d-1']);
        expect(ids(await jobs.listDead('email', { limit: 2, offset: 3 }))).toEqual([]);
        await expect(jobs.listDead('email', { limit: 0 })).rejects.toThrow(RangeError);
      },
      timeout,
    );

    it(
      'runs at most `concurrency` jobs of a queue at once',
      async () => {
        const jobs = await open();
        let running = 0;
        let finished = 0;
        let peak = 0;
        const started: string[] = [];
        const { handler } = recorder(async (job) => {
          running += 1;
          peak = Math.max(peak, running);
          started.push(job.id);
          await gates.wait(job.id);
          running -= 1;
          finished += 1;
        });
        const ids = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'];
        for (const id of ids) await jobs.add('email', id, {});
        await jobs.process('email', handler, { concurrency: 2 });
        for (let released = 0; released < ids.length; released++) {
          const expected = Math.min(2, ids.length - released);
          await waitUntil(
            () => finished === released && running === expected,
            `the released jobs ended and ${expected} were running`,
          );
          // Release the oldest running job; a third must not start until then.
          gates.open(started[released]);
        }
        await waitUntil(
          async () => (await jobs.jobState('email', 'c-5')) === 'completed',
          'the last job completed',
        );
        expect(peak).toBe(2);
        expect([...started].sort()).toEqual(ids);
      },
      timeout,
    );

    it(
      'close() waits for the running job and records its outcome, and takes no new job',
      async () => {
        const jobs = await open();
        const { calls, handler } = recorder((job) => gates.wait(job.id));
        await jobs.add('email', 'running', {});
        await jobs.add('email', 'queued', {});
        await jobs.process('email', handler);
        await waitUntil(() => calls.length === 1, 'the first job started');

        let closed = false;
        const closing = jobs.close().then(() => {
          closed = true;
        });
        await expect(jobs.add('email', 'late', {})).rejects.toMatchObject({
          code: 'JOB_QUEUE_UNAVAILABLE',
          retryable: false,
        });
        await sleep(100);
        expect(closed).toBe(false);
        gates.open('running');
        await closing;
        expect(calls.map((c) => c.id)).toEqual(['running']);

        const restarted = await open();
        expect(await restarted.jobState('email', 'running')).toBe('completed');
        expect(await restarted.jobState('email', 'queued')).toBe('waiting');
        const after = recorder();
        await restarted.process('email', after.handler);
        await waitUntil(
          async () => (await restarted.jobState('email', 'queued')) === 'completed',
          'queued ran',
        );
        expect(after.calls.map((c) => c.id)).toEqual(['queued']);
      },
      timeout,
    );

    it(
      'runs a job again after its worker was killed mid-run, and completes it once',
      async () => {
        const crashed = await open();
        const first = recorder(() => gates.wait('never-finishes'));
        await crashed.add('email', 'k-1', { eventId: 'k-1' });
        await crashed.process('email', first.handler);
        await waitUntil(() => first.calls.length === 1, 'the job started');
        // A close that does not wait is what a crash looks like from the queue's side.
        await crashed.close({ timeoutMs: 0 });

        const restarted = await open();
        const second = recorder();
        await restarted.process('email', second.handler);
        await waitUntil(
          async () => (await restarted.jobState('email', 'k-1')) === 'completed',
          'the job re-ran',
        );
        expect(second.calls).toEqual([
          { queue: 'email', id: 'k-1', payload: { eventId: 'k-1' }, attempt: 1 },
        ]);

        // The abandoned run finishing late must change nothing.
        gates.open('never-finishes');
        expect(await restarted.add('email', 'k-1', {})).toMatchObject({ duplicate: true });
        await restarted.add('email', 'last', {});
        await waitUntil(async () => (await restarted.jobState('email', 'last')) === 'completed', 'last ran');
        expect(second.calls.map((c) => c.id)).toEqual(['k-1', 'last']);
        expect(await restarted.jobState('email', 'k-1')).toBe('completed');
        expect(await restarted.countDead('email')).toBe(0);
      },
      timeout,
    );

    it(
      'refuses what it cannot store faithfully, and stores nothing for it',
      async () => {
        const jobs = await open();
        const unknownQueue = 'sms' as JobQueueName;
        await expect(jobs.add(unknownQueue, 'x-1', {})).rejects.toThrow(TypeError);
        for (const id of ['', '123', 'a:b', 'has space', 'x'.repeat(201), '-leading', 'meta', 'marker']) {
          await expect(jobs.add('email', id, {})).rejects.toThrow(TypeError);
        }
        const notJson: unknown[] = [
          { when: new Date() },
          { missing: undefined },
          { n: Number.NaN },
          { big: 1n },
          { list: [() => 1] },
          [1, 2],
          null,
        ];
        for (const payload of notJson) {
          await expect(jobs.add('email', 'x-1', payload as JsonObject)).rejects.toThrow(TypeError);
        }
        await expect(jobs.add('email', 'x-1', { blob: 'x'.repeat(70 * 1024) })).rejects.toThrow(/limit/);
        expect(await jobs.jobState('email', 'x-1')).toBeNull();
        await expect(jobs.process('email', async () => undefined, { concurrency: 0 })).rejects.toThrow(
          RangeError,
        );
      },
      timeout,
    );

    it(
      'refuses every call once closed, as not retryable',
      async () => {
        const jobs = await open();
        await jobs.close();
        const closed = { code: 'JOB_QUEUE_UNAVAILABLE', retryable: false };
        await expect(jobs.add('email', 'e-1', {})).rejects.toBeInstanceOf(JobQueueUnavailableError);
        await expect(jobs.add('email', 'e-1', {})).rejects.toMatchObject(closed);
        await expect(jobs.process('email', async () => undefined)).rejects.toMatchObject(closed);
        await expect(jobs.countDead('email')).rejects.toMatchObject(closed);
        await expect(jobs.close()).resolves.toBeUndefined();
      },
      timeout,
    );

    it(
      'stores the handler’s error message as given, and no payload data in dead letters or logs',
      async () => {
        const jobs = await open();
        const canary = 'CANARY-1987-04-12';
        const { handler } = recorder(async (job) => {
          // A handler that throws a non-Error (here, a value holding personal data) must not leak it.
          if (job.id === 'odd') throw `failed for ${canary}`;
          throw new Error('SMTP 550 mailbox unavailable');
        });
        await jobs.add('email', 'plain', { accountId: 'a-1', dateOfBirth: canary });
        await jobs.add('email', 'odd', { accountId: 'a-2', dateOfBirth: canary });
        await jobs.process('email', handler);
        await waitUntil(async () => (await jobs.countDead('email')) === 2, 'both jobs died');
        const dead = await jobs.listDead('email');
        expect(Object.fromEntries(dead.map((d) => [d.id, d.lastError]))).toEqual({
          plain: 'SMTP 550 mailbox unavailable',
          odd: 'handler threw a non-Error value (string)',
        });
        expect(JSON.stringify(dead)).not.toContain(canary);
        expect(logs.length).toBeGreaterThan(0);
        expect(JSON.stringify(logs)).not.toContain(canary);
      },
      timeout,
    );
  });
}

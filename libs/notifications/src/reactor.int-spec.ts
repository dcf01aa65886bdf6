import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type AddResult,
  type JobQueue,
  JobQueueUnavailableError,
  type JsonObject,
  type NewJob,
} from '@portal/jobs';
import { Metrics } from '@portal/observability';
import { SqliteCheckpointStore } from './checkpoints';
import { DeliveryReactor } from './reactor';
import { Fixture, memoryLogger, waitFor } from './testing/harness';

/** A queue that records adds, can be "down" or fail for good, can hold adds, and dedupes by id as the real ones do. */
class RecordingQueue {
  readonly added: { queue: string; jobId: string; payload: JsonObject }[] = [];
  readonly batches: number[] = [];
  private readonly ids = new Set<string>();
  failuresLeft = 0;
  brokenLeft = 0;
  gate?: Promise<void>;
  async add(queue: 'email' | 'letter', jobId: string, payload: JsonObject): Promise<AddResult> {
    const [result] = await this.addMany(queue, [{ jobId, payload }]);
    return result!;
  }
  async addMany(queue: 'email' | 'letter', jobs: readonly NewJob[]): Promise<AddResult[]> {
    this.batches.push(jobs.length);
    await this.gate;
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new JobQueueUnavailableError('Could not add a job to email: connect ECONNREFUSED', true);
    }
    if (this.brokenLeft > 0) {
      this.brokenLeft--;
      throw new Error('unexpected reply');
    }
    return jobs.map(({ jobId, payload }) => {
      const duplicate = this.ids.has(`${queue}/${jobId}`);
      this.ids.add(`${queue}/${jobId}`);
      if (!duplicate) this.added.push({ queue, jobId, payload });
      return { jobId, duplicate };
    });
  }
}

describe('DeliveryReactor', () => {
  let f: Fixture;
  let checkpoints: SqliteCheckpointStore;
  let queue: RecordingQueue;
  const running: DeliveryReactor[] = [];
  const logs = memoryLogger();

  const start = async (options: ConstructorParameters<typeof DeliveryReactor>[4] = {}) => {
    const reactor = new DeliveryReactor(f.store, queue as unknown as JobQueue, checkpoints, logs, {
      maxRetryDelayMs: 20,
      ...options,
    });
    await reactor.start();
    running.push(reactor);
    return reactor;
  };
  const caughtUp = (reactor: DeliveryReactor) =>
    waitFor(async () => {
      const last = (await f.store.readAll()).at(-1)!;
      return reactor.lastPosition?.commit === last.position.commit ? true : undefined;
    });

  beforeEach(() => {
    f = new Fixture();
    checkpoints = new SqliteCheckpointStore(join(f.dir, 'checkpoints.sqlite'));
    queue = new RecordingQueue();
  });
  afterEach(async () => {
    for (const r of running.splice(0)) await r.stop();
    await checkpoints.close();
    await f.close();
  });

  it('adds one job per event that needs a message, named by the event id, and none for the others', async () => {
    const reactor = await start();
    const a = await f.registered('a@example.com');
    await f.loginCode(a);
    await caughtUp(reactor);
    const issued = (await f.store.readAll()).filter((e) => e.type === 'OtpIssued');
    expect(queue.added).toEqual([
      {
        queue: 'email',
        jobId: issued[0].id,
        payload: { streamId: `account-${a}`, revision: String(issued[0].revision), kind: 'email-code' },
      },
    ]);
  });

  it('resumes from its checkpoint after a restart, and a lost checkpoint only re-adds duplicates', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const first = await start({ metrics });
    await f.loginCode(await f.registered('b@example.com'));
    await caughtUp(first);
    await first.stop();
    running.length = 0;
    const saved = await checkpoints.load('delivery-reactor');
    expect(saved).toEqual(first.lastPosition);

    await f.loginCode(await f.registered('c@example.com'));
    const second = await start({ metrics });
    await caughtUp(second);
    expect(queue.added).toHaveLength(2);
    expect(await metrics.render().then((m) => m.body)).not.toMatch(
      /delivery_jobs_duplicate_total\{queue="email"\} [1-9]/,
    );

    await second.stop();
    running.length = 0;
    await checkpoints.save('delivery-reactor', { commit: -1n, prepare: -1n });
    const third = await start({ metrics });
    await caughtUp(third);
    expect(queue.added).toHaveLength(2);
    expect((await metrics.render()).body).toContain('delivery_jobs_duplicate_total{queue="email"} 2');
  });

  it('passes an event row the store cannot read, naming it, and delivers every event before and after it', async () => {
    const a = await f.registered('g@example.com');
    await f.loginCode(a);
    const b = await f.registered('h@example.com');
    await f.loginCode(b);
    const c = await f.registered('i@example.com');
    await f.loginCode(c);
    const codes = (await f.store.readAll()).filter((e) => e.type === 'OtpIssued');
    // b's code: its data no longer parses (a damaged file, a hand edit).
    const db = new Database(join(f.dir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = '{"loginId":' WHERE event_id = ?`).run(codes[1].id);
    db.close();
    const metrics = new Metrics({ defaultMetrics: false });
    const reactor = await start({ resubscribeDelayMs: 10, metrics });
    await waitFor(async () => (queue.added.length === 2 ? true : undefined));
    expect(queue.added.map((j) => j.jobId)).toEqual([codes[0].id, codes[2].id]);
    await waitFor(async () => (reactor.lastPosition?.commit === codes[2].position.commit ? true : undefined));
    const named = logs.lines.filter((l) => l.includes(codes[1].id));
    expect(named.length).toBeGreaterThanOrEqual(1);
    expect(named[0]).toContain(`account-${b}`);
    expect((await metrics.render()).body).toContain('delivery_events_unreadable_total 1');
  });

  it('while the queue is down, tries the same event again until it is added, and skips none', async () => {
    queue.failuresLeft = 5;
    const reactor = await start();
    const a = await f.registered('d@example.com');
    await f.loginCode(a);
    await f.loginCode(a);
    await caughtUp(reactor);
    expect(queue.added).toHaveLength(2);
    expect(queue.failuresLeft).toBe(0);
    // One error line for the outage, not one per try; then one line when it ends.
    const lines = logs.lines.filter((l) => l.includes('cannot add jobs'));
    expect(lines).toHaveLength(1);
    expect(logs.lines.some((l) => l.includes('the job queue answers again'))).toBe(true);
  });

  it('adds the jobs of many events in batches of at most batchSize, and skips none', async () => {
    const a = await f.registered('f@example.com');
    for (let i = 0; i < 10; i++) await f.loginCode(a);
    const reactor = await start({ batchSize: 4 });
    await caughtUp(reactor);
    expect(queue.added).toHaveLength(10);
    expect(new Set(queue.added.map((j) => j.jobId)).size).toBe(10);
    expect(Math.max(...queue.batches)).toBeLessThanOrEqual(4);
    expect(queue.batches.length).toBeLessThan(10);
  });

  it('moves its position (and checkpoint) past an event only once its job is stored', async () => {
    const a = await f.registered('g@example.com');
    await f.loginCode(a);
    let release!: () => void;
    queue.gate = new Promise((resolve) => (release = resolve));
    const reactor = await start();
    await waitFor(async () => (queue.batches.length > 0 ? true : undefined));
    const codeEvent = (await f.store.readAll()).find((e) => e.type === 'OtpIssued')!;
    expect((reactor.lastPosition?.commit ?? -1n) < codeEvent.position.commit).toBe(true);
    const saved = await checkpoints.load('delivery-reactor');
    expect((saved?.commit ?? -1n) < codeEvent.position.commit).toBe(true);
    release();
    await caughtUp(reactor);
    expect(queue.added.map((j) => j.jobId)).toEqual([codeEvent.id]);
  });

  it('when a batch fails for good, resubscribes from its position and adds the same events again', async () => {
    queue.brokenLeft = 1;
    const a = await f.registered('h@example.com');
    await f.loginCode(a);
    await f.loginCode(a);
    const reactor = await start({ resubscribeDelayMs: 10 });
    await caughtUp(reactor);
    expect(queue.added).toHaveLength(2);
    expect(queue.batches.length).toBeGreaterThanOrEqual(2);
    expect(logs.lines.some((l) => l.includes('resubscribing from its checkpoint'))).toBe(true);
  });

  it('does not deliver events older than the queue remembers job ids for', async () => {
    await f.loginCode(await f.registered('e@example.com'));
    // A reactor living 8 days later, with the default 7-day horizon.
    const reactor = await start({ now: () => Date.now() + 8 * 24 * 3600_000 });
    await caughtUp(reactor);
    expect(queue.added).toEqual([]);
    expect(logs.lines.some((l) => l.includes('too old to deliver'))).toBe(true);
  });
});

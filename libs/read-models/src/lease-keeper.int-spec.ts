/**
 * The lease keeper against the SQLite document store, two processes' worth of
 * keepers on one file, and a clock the test moves (no waiting on timers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DocumentStore, type Fence, LeaseLostError, SqliteDocumentStore } from '@portal/documents';
import { memoryLogger } from '../../notifications/src/testing/harness';
import { LeaseKeeper, type LeaseWork } from './lease-keeper';

class Work implements LeaseWork {
  fence?: Fence;
  readonly log: string[] = [];
  async onAcquired(fence: Fence): Promise<void> {
    this.fence = fence;
    this.log.push(`acquired ${fence.token}`);
  }
  async onLost(): Promise<void> {
    this.fence = undefined;
    this.log.push('lost');
  }
}

describe('LeaseKeeper', () => {
  let dir: string;
  let a: DocumentStore;
  let b: DocumentStore;
  let clock: number;
  const now = () => clock;
  const keeper = (docs: DocumentStore, work: Work, holder?: string) =>
    new LeaseKeeper(docs, 'projector', work, memoryLogger(), {
      ttlMs: 15_000,
      renewEveryMs: 3_600_000, // the test ticks by hand
      now,
      ...(holder ? { holder } : {}),
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-lease-'));
    a = SqliteDocumentStore.open(join(dir, 'rm.sqlite'));
    b = SqliteDocumentStore.open(join(dir, 'rm.sqlite'));
    clock = 1_800_000_000_000;
  });

  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one process is active, the other waits on standby and takes over once the lease expires; the paused one is fenced off', async () => {
    const workA = new Work();
    const workB = new Work();
    const first = keeper(a, workA, 'host-a/1/x');
    const second = keeper(b, workB, 'host-b/1/y');
    await first.start();
    await second.start();
    expect(first.state).toBe('active');
    expect(second.state).toBe('standby');
    expect(workB.log).toEqual([]);
    const staleFence = workA.fence!;

    // A is paused (no renewal) past its lease: B takes over with a greater token.
    clock += 15_000;
    await second.tick();
    expect(second.state).toBe('active');
    expect(workB.fence!.token).toBeGreaterThan(staleFence.token);
    // A wakes up: its fenced checkpoint is refused before it even learns it lost the lease...
    await expect(
      a.saveCheckpoint('projector-v1', { commit: 9n, prepare: 9n }, { fence: staleFence }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    // ...and its next renewal stops its work.
    await first.tick();
    expect(first.state).toBe('standby');
    expect(workA.log).toEqual(['acquired 1', 'lost']);
    await first.stop();
    await second.stop();
  });

  it('a clean stop frees the lease for a standby at once', async () => {
    const workA = new Work();
    const workB = new Work();
    const first = keeper(a, workA);
    const second = keeper(b, workB);
    await first.start();
    await second.start();
    expect(second.state).toBe('standby');
    await first.stop();
    expect(workA.log).toEqual(['acquired 1', 'lost']);
    await second.tick();
    expect(workB.log).toEqual(['acquired 2']);
    await second.stop();
  });

  it('a restart on the same host takes over from its dead predecessor at once, not from a live process elsewhere', async () => {
    // The lease held, unexpired, by an earlier run of this very process (same host, same pid: a container restarted in place).
    await a.acquireLease('projector', `${hostname()}/${process.pid}/earlier-run`, 15_000, { now: clock });
    const work = new Work();
    const restarted = keeper(b, work);
    await restarted.start();
    expect(restarted.state).toBe('active');
    expect(work.log).toEqual(['acquired 2']);
    await restarted.stop();

    await a.acquireLease('projector', 'another-host/1/live', 15_000, { now: clock });
    const other = keeper(b, new Work());
    await other.start();
    expect(other.state).toBe('standby');
    await other.stop();
  });

  it('stops its work when the store cannot renew the lease past its expiry, and reports the failure', async () => {
    const work = new Work();
    const k = keeper(a, work);
    await k.start();
    const acquire = jest
      .spyOn(a, 'acquireLease')
      .mockRejectedValue(Object.assign(new Error('down'), { name: 'DocumentStoreUnavailableError' }));
    clock += 5_000;
    await k.tick();
    expect(k.state).toBe('active'); // still within its lease
    expect(k.failure).toBe('DocumentStoreUnavailableError');
    clock += 10_000;
    await k.tick();
    expect(k.state).toBe('standby');
    expect(work.log).toEqual(['acquired 1', 'lost']);
    acquire.mockRestore();
    await k.tick();
    expect(k.state).toBe('active');
    await k.stop();
  });
});

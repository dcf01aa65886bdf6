/**
 * Seeded history, on the real SQLite stores: it reads like live traffic (codes,
 * locks, reminders) and the delivery reactor sends none of it, from any checkpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '@portal/event-store';
import type { JobQueue, NewJob } from '@portal/jobs';
import type { Logger } from '@portal/observability';
import { DELIVERIES, DeliveryReactor, SqliteCheckpointStore } from '@portal/notifications';
import { main as seedData } from './seed-data';

jest.setTimeout(120_000);

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;

describe('seed-data and the delivery reactor', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seed-data-'));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await seedData(['--accounts', '120', '--no-rebuild', '--batch', '60'], {
        DATA_DIR: dir,
        LOG_LEVEL: 'silent',
      });
      expect(code).toBe(0);
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks every seeded event imported, and the reactor turns none of them into a job, even from no checkpoint', async () => {
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const checkpoints = new SqliteCheckpointStore(join(dir, 'checkpoints-test.sqlite'));
    const added: NewJob[] = [];
    const jobs = {
      addMany: async (_queue: string, batch: readonly NewJob[]) => {
        added.push(...batch);
        return batch.map((j) => ({ jobId: j.jobId, duplicate: false }));
      },
    } as unknown as JobQueue;
    // No age limit: the mark alone must hold back last week's seeded codes and locks.
    const reactor = new DeliveryReactor(store, jobs, checkpoints, quiet, { maxAgeMs: Infinity });
    try {
      const all: RecordedEvent[] = await store.readAll();
      const wouldSend = all.filter((e) => e.streamId.startsWith('account-') && e.type in DELIVERIES);
      // The seeded history does hold what live traffic would mail: codes, locks, reminders.
      expect(wouldSend.map((e) => e.type)).toEqual(expect.arrayContaining(['OtpIssued']));
      expect(all.every((e) => e.metadata.imported === 'seed-data')).toBe(true);

      await reactor.start();
      const last = all.at(-1)!.position.commit;
      for (let i = 0; i < 400 && reactor.lastPosition?.commit !== last; i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(reactor.lastPosition?.commit).toBe(last);
      expect(added).toEqual([]);
    } finally {
      await reactor.stop();
      await checkpoints.close();
      await store.close();
    }
  });
});

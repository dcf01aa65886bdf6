import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { testEvent, uniqueStream } from '../testing/event-factory';
import { SqliteEventStore } from './sqlite-event-store';
import { WalCheckpointer } from './wal-checkpointer';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const walBytes = (file: string) => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

describe('WalCheckpointer', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wal-checkpointer-'));
    file = join(dir, 'events.sqlite');
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the log bounded under continuous writes by restarting it, and loses nothing', async () => {
    const restartPages = 128;
    const store = SqliteEventStore.open(file, {
      checkpointer: { intervalMs: 10, restartPages, catchUpPages: 16 },
    });
    const streams: string[] = [];
    let largestLog = 0;
    try {
      // ~27 MB of log in all: without restarts the file would grow to that size (SQLite's own
      // checkpoint alone comes at 10,000 pages, ~40 MB, and a passive one never restarts the log).
      const pad = 'x'.repeat(600);
      for (let commit = 0; commit < 1_000; commit++) {
        const batch = Array.from({ length: 10 }, () => {
          const stream = uniqueStream('wal');
          streams.push(stream);
          return store.append(
            stream,
            [testEvent('Padded', { pad }), testEvent('Padded', { pad })],
            'no_stream',
          );
        });
        await Promise.all(batch);
        largestLog = Math.max(largestLog, walBytes(file));
        // A service does other work between its commits; the restart takes the write lock in such a gap.
        await pause(1);
      }
      const stats = store.diagnostics().checkpointer;
      expect(stats).toMatchObject({ running: true });
      expect(stats!.restarts).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
    // The log file (its high-water mark: a restarted log is reused) stayed at a third of what was written.
    expect(largestLog).toBeLessThan(9_000_000);

    const reopened = SqliteEventStore.open(file, { checkpointer: false });
    try {
      const all = await reopened.readAll();
      expect(all).toHaveLength(streams.length * 2);
      expect(new Set(all.map((e) => e.streamId))).toEqual(new Set(streams));
      expect(all.every((e) => e.type === 'Padded' && (e.data.pad as string).length === 600)).toBe(true);
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it('copies the log into the database file off the writer, and ends its thread on close', async () => {
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (v TEXT)');
    const insert = writer.prepare('INSERT INTO t VALUES (?)');
    writer.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('y'.repeat(1000));
    })();
    const before = statSync(file).size;
    const checkpointer = WalCheckpointer.start(file, { intervalMs: 5 });
    try {
      const deadline = Date.now() + 15_000;
      while (checkpointer.stats().checkpoints === 0 && Date.now() < deadline) await pause(5);
      // The writer never checkpointed (autocheckpoint off): the rows reached the file through the worker.
      expect(statSync(file).size).toBeGreaterThan(before + 400 * 1000);
      expect(checkpointer.stats()).toMatchObject({ running: true });
      expect(checkpointer.stats().lastError).toBeUndefined();
    } finally {
      await checkpointer.close();
    }
    expect(checkpointer.stats().running).toBe(false);
    // Closed twice: nothing left to do.
    await checkpointer.close();
    const count = writer.prepare('SELECT count(*) FROM t').pluck().get();
    writer.close();
    expect(count).toBe(500);
  });

  it('is off with checkpointer: false', async () => {
    const store = SqliteEventStore.open(file, { checkpointer: false });
    try {
      expect(store.diagnostics().checkpointer).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('keeps no process alive: a store never closed lets its process exit (its threads hold no reference)', async () => {
    // getActiveResourcesInfo lists what keeps the event loop alive; a referenced worker shows as a MessagePort.
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    const before = ports();
    const store = SqliteEventStore.open(file);
    try {
      await pause(20);
      expect(store.diagnostics().checkpointer).toBeDefined();
      expect(ports()).toBe(before);
      // While a commit is under way the commit worker is referenced; once answered, not.
      await store.append(uniqueStream('idle'), [testEvent()], 'no_stream');
      expect(ports()).toBe(before);
    } finally {
      await store.close();
    }
  });
});

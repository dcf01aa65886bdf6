import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventIdConflictError } from '../validation';
import {
  EventStoreUnavailableError,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { describeEventStoreContract, waitUntil } from '../testing/event-store.contract';
import { numberedEvents, testEvent, uniqueStream } from '../testing/event-factory';
import { SqliteEventStore } from './sqlite-event-store';

async function tempFile(): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sqlite-event-store-'));
  return { file: join(dir, 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

describeEventStoreContract('SQLite', async () => {
  const { file, remove } = await tempFile();
  let current = SqliteEventStore.open(file, { pollIntervalMs: 20 });
  return {
    store: current,
    restart: async () => {
      await current.close();
      current = SqliteEventStore.open(file, { pollIntervalMs: 20 });
      return current;
    },
    cleanup: async () => {
      await current.close();
      await remove();
    },
  };
});

// The same contract with group commits on the event loop (`commits: 'loop'`, the fallback).
describeEventStoreContract('SQLite, commits on the loop', async () => {
  const { file, remove } = await tempFile();
  const open = () =>
    SqliteEventStore.open(file, { pollIntervalMs: 20, commits: 'loop', checkpointer: false });
  let current = open();
  return {
    store: current,
    restart: async () => {
      await current.close();
      current = open();
      return current;
    },
    cleanup: async () => {
      await current.close();
      await remove();
    },
  };
});

describe('SqliteEventStore', () => {
  let file: string;
  let remove: () => Promise<void>;
  let store: SqliteEventStore;

  beforeEach(async () => {
    ({ file, remove } = await tempFile());
    store = SqliteEventStore.open(file, { pollIntervalMs: 20 });
  });

  afterEach(async () => {
    await store.close();
    await remove();
  });

  it('runs in WAL mode with synchronous=FULL', () => {
    expect(store.diagnostics()).toMatchObject({ journalMode: 'wal', synchronous: 2 });
  });

  it('commits appends made in the same turn in one transaction', async () => {
    const before = store.diagnostics().commits;
    const results = await Promise.all(
      Array.from({ length: 64 }, () => store.append(uniqueStream(), [testEvent()], 'no_stream')),
    );
    expect(store.diagnostics().commits - before).toBe(1);
    const seqs = results.map((r) => r.position.commit);
    expect(new Set(seqs).size).toBe(64);
  });

  it('fails only the conflicting append of a batch', async () => {
    const stream = uniqueStream();
    await store.append(stream, numberedEvents(1), 'no_stream');
    const other = uniqueStream();
    const before = store.diagnostics().commits;
    const [a, b, c, d] = await Promise.allSettled([
      store.append(stream, numberedEvents(2, 1), 0n),
      store.append(stream, numberedEvents(1, 3), 0n),
      store.append(other, numberedEvents(3), 'no_stream'),
      store.append(stream, numberedEvents(1, 3), 2n),
    ]);
    expect(store.diagnostics().commits - before).toBe(1);
    expect(a).toMatchObject({ status: 'fulfilled', value: { nextRevision: 2n } });
    expect(b).toMatchObject({ status: 'rejected', reason: { actual: 2n } });
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(c).toMatchObject({ status: 'fulfilled', value: { nextRevision: 2n } });
    expect(d).toMatchObject({ status: 'fulfilled', value: { nextRevision: 3n } });
    expect((await store.readStream(stream)).map((e) => e.data.n)).toEqual([0, 1, 2, 3]);
  });

  it('treats a re-append with any as a no-op that returns the original revision and position', async () => {
    const stream = uniqueStream();
    const events = numberedEvents(2);
    const first = await store.append(stream, events, 'any');
    await store.append(stream, numberedEvents(1, 2), 'any');
    const again = await store.append(stream, events, 'any');
    expect(again).toEqual(first);
    const sameBatch = await Promise.all([
      store.append(stream, [events[0]], 'any'),
      store.append(stream, [events[0]], 5n),
    ]);
    expect(sameBatch.map((r) => r.nextRevision)).toEqual([0n, 0n]);
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('refuses an event id already used by another stream, or an append only partly stored', async () => {
    const event = testEvent();
    const stream = uniqueStream();
    await store.append(stream, [event], 'no_stream');
    await expect(store.append(uniqueStream(), [event], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append(stream, [event, testEvent()], 'any')).rejects.toBeInstanceOf(
      EventIdConflictError,
    );
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('rejects malformed appends before they reach a batch', async () => {
    const stream = uniqueStream();
    const event = testEvent();
    await expect(store.append('', [event], 'any')).rejects.toThrow(TypeError);
    await expect(store.append(stream, [event, event], 'any')).rejects.toThrow(/appears twice/);
    await expect(store.append(stream, [{ ...testEvent(), type: '$system' }], 'any')).rejects.toThrow(
      /reserved/,
    );
    await expect(store.append(stream, [testEvent()], -1n)).rejects.toThrow(/negative/);
    await expect(store.append(stream, [testEvent('Big', { n: 1n })], 'any')).rejects.toThrow(TypeError);
    await expect(store.readStream(stream, { maxCount: -1 })).rejects.toThrow(/maxCount/);
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('commits the appends still queued when it is closed, so they survive a reopen', async () => {
    const stream = uniqueStream();
    const pending = store.append(stream, numberedEvents(3), 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 2n });
    store = SqliteEventStore.open(file);
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('delivers to a subscription events appended by another connection to the same file', async () => {
    const other = SqliteEventStore.open(file);
    const stream = uniqueStream();
    const delivered: RecordedEvent[] = [];
    const sub = store.subscribeToAll((e) => {
      delivered.push(e);
    });
    try {
      await other.append(stream, numberedEvents(3), 'no_stream');
      await waitUntil(() => delivered.length === 3, 'the poll found the other connection’s events');
      await expect(store.append(stream, [testEvent()], 'no_stream')).rejects.toMatchObject({ actual: 2n });
    } finally {
      await sub.stop();
      await other.close();
    }
    expect(delivered.map((e) => e.data.n)).toEqual([0, 1, 2]);
  });

  it('fails a whole batch as retryable when the transaction cannot start', async () => {
    const blocker = new Database(file, { timeout: 0 });
    const busy = SqliteEventStore.open(file, { busyTimeoutMs: 10 });
    try {
      blocker.prepare('BEGIN IMMEDIATE').run();
      const outcomes = await Promise.allSettled([
        busy.append(uniqueStream(), [testEvent()], 'any'),
        busy.append(uniqueStream(), [testEvent()], 'any'),
      ]);
      for (const o of outcomes) {
        expect(o.status).toBe('rejected');
        const reason = o.status === 'rejected' ? o.reason : undefined;
        expect(reason).toBeInstanceOf(EventStoreUnavailableError);
        expect(reason).toMatchObject({ retryable: true });
      }
      blocker.prepare('ROLLBACK').run();
      await expect(busy.append(uniqueStream(), [testEvent()], 'any')).resolves.toMatchObject({
        nextRevision: 0n,
      });
    } finally {
      await busy.close();
      blocker.close();
    }
  });

  it('commits in a worker thread: the event loop runs while a commit waits for the write lock', async () => {
    const blocker = new Database(file, { timeout: 0 });
    const patient = SqliteEventStore.open(file, { busyTimeoutMs: 10_000 });
    try {
      blocker.prepare('BEGIN IMMEDIATE').run();
      const stream = uniqueStream();
      const appended = patient.append(stream, [testEvent()], 'no_stream');
      // Only the event loop can end the blocker's transaction. A commit on the loop would hold the
      // loop in SQLite's busy wait until its timeout, and the append would fail.
      setTimeout(() => blocker.prepare('COMMIT').run(), 50);
      await expect(appended).resolves.toMatchObject({ nextRevision: 0n });
      expect(await patient.readStream(stream)).toHaveLength(1);
    } finally {
      await patient.close();
      blocker.close();
    }
  });

  it('wakes an idle subscription on a local commit instead of waiting for its poll timer', async () => {
    const slowPoll = SqliteEventStore.open(file, { pollIntervalMs: 60_000 });
    const seen: string[] = [];
    const sub = slowPoll.subscribeToAll((e) => {
      seen.push(e.id);
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const event = testEvent();
      await slowPoll.append(uniqueStream(), [event], 'no_stream');
      await waitUntil(() => seen.length === 1, 'the commit woke the subscription', 5_000);
      expect(seen).toEqual([event.id]);
    } finally {
      await sub.stop();
      await slowPoll.close();
    }
  });

  it('splits a queue larger than maxBatchEvents over several commits', async () => {
    const small = SqliteEventStore.open(file, { maxBatchEvents: 10 });
    try {
      const before = small.diagnostics().commits;
      await Promise.all(
        Array.from({ length: 6 }, () => small.append(uniqueStream(), numberedEvents(4), 'no_stream')),
      );
      expect(small.diagnostics().commits - before).toBe(3);
    } finally {
      await small.close();
    }
  });

  it('pages a long catch-up and hands over to live events', async () => {
    const stream = uniqueStream();
    await store.append(stream, numberedEvents(1_500), 'no_stream');
    const seen: number[] = [];
    const sub = store.subscribeToAll((e) => {
      seen.push(Number(e.data.n));
    });
    try {
      await waitUntil(() => seen.length === 1_500, 'the history was delivered');
      await store.append(stream, numberedEvents(5, 1_500), 1_499n);
      await waitUntil(() => seen.length === 1_505, 'the live events were delivered');
    } finally {
      await sub.stop();
    }
    expect(seen).toEqual(Array.from({ length: 1_505 }, (_, i) => i));
  });
});

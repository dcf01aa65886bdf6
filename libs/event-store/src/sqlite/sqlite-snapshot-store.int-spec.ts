import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UnreadableSnapshotError } from '../snapshot-store.port';
import { uniqueStream } from '../testing/event-factory';
import { describeSnapshotStoreContract, testSnapshot } from '../testing/snapshot-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

async function tempFile(): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sqlite-snapshots-'));
  return { file: join(dir, 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

describeSnapshotStoreContract('SQLite', async () => {
  const { file, remove } = await tempFile();
  let current = SqliteEventStore.open(file, { pollIntervalMs: 20 });
  return {
    snapshots: current.snapshots(),
    events: current,
    restart: async () => {
      await current.close();
      current = SqliteEventStore.open(file, { pollIntervalMs: 20 });
      return { snapshots: current.snapshots(), events: current };
    },
    cleanup: async () => {
      await current.close();
      await remove();
    },
  };
});

describe('SqliteEventStore.snapshots()', () => {
  it('keeps snapshots in a table of their own, never among the events', async () => {
    const { file, remove } = await tempFile();
    const store = SqliteEventStore.open(file);
    try {
      const stream = uniqueStream('account');
      await store.snapshots().write(stream, testSnapshot());
      await store.close();
      const db = new Database(file, { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
        expect(db.prepare('SELECT stream_id, revision FROM snapshots').all()).toEqual([
          { stream_id: stream, revision: '41' },
        ]);
      } finally {
        db.close();
      }
    } finally {
      await store.close();
      await remove();
    }
  });

  it('names the stream of a damaged snapshot, never its content', async () => {
    const { file, remove } = await tempFile();
    let store = SqliteEventStore.open(file);
    try {
      const stream = uniqueStream('account');
      await store.snapshots().write(stream, testSnapshot({ state: 'v1.secret-ish' }));
      await store.close();
      const db = new Database(file);
      db.prepare("UPDATE snapshots SET revision = 'forty-one'").run();
      db.close();
      store = SqliteEventStore.open(file);
      const error = await store
        .snapshots()
        .read(stream)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableSnapshotError);
      expect((error as Error).message).toContain(stream);
      expect((error as Error).message).not.toContain('secret');
    } finally {
      await store.close();
      await remove();
    }
  });

  it('opens a file written before snapshots existed and adds the table', async () => {
    const { file, remove } = await tempFile();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(
      'CREATE TABLE events (seq INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL) STRICT;',
    );
    db.pragma('user_version = 1');
    db.close();
    const store = SqliteEventStore.open(file);
    try {
      const stream = uniqueStream('account');
      await store.snapshots().write(stream, testSnapshot());
      expect(await store.snapshots().read(stream)).toEqual(testSnapshot());
    } finally {
      await store.close();
      await remove();
    }
  });
});

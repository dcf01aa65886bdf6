import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DocumentStoreUnavailableError } from '../document-store.port';
import { describeDocumentStoreContract, pos, uniqueName } from '../testing/document-store.contract';
import { DocumentRequestError } from '../validation';
import { SqliteDocumentStore } from './sqlite-document-store';

async function tempFile(): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sqlite-documents-'));
  return { file: join(dir, 'read-models.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

describeDocumentStoreContract('SQLite', async () => {
  const { file, remove } = await tempFile();
  return { open: async () => SqliteDocumentStore.open(file), cleanup: remove };
});

describe('SqliteDocumentStore', () => {
  let file: string;
  let remove: () => Promise<void>;
  let opened: SqliteDocumentStore[];
  const accounts = { name: 'accounts', indexes: ['username', 'emails'] };
  const open = (busyTimeoutMs?: number) => {
    const store = SqliteDocumentStore.open(file, { busyTimeoutMs });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    ({ file, remove } = await tempFile());
    opened = [];
  });

  afterEach(async () => {
    for (const store of opened) await store.close();
    await remove();
  });

  it('runs in WAL mode with synchronous = NORMAL', () => {
    expect(open().diagnostics()).toEqual({ journalMode: 'wal', synchronous: 1 });
  });

  it('keeps the index terms equal to what the live bodies hold, through updates, deletes and revivals', async () => {
    const store = open();
    await store.ensure(1, [accounts]);
    await store.write(1, [
      { collection: 'accounts', id: 'a', doc: { username: 'ann', emails: ['x@t', 'y@t'] }, position: pos(1) },
      { collection: 'accounts', id: 'b', doc: { username: 'bob', emails: ['y@t'] }, position: pos(2) },
      { collection: 'accounts', id: 'c', doc: { username: 'cat' }, position: pos(3) },
    ]);
    await store.write(1, [
      { collection: 'accounts', id: 'a', doc: { username: 'ann', emails: ['y@t', 'z@t'] }, position: pos(4) },
      { collection: 'accounts', id: 'b', doc: null, position: pos(5) },
      { collection: 'accounts', id: 'c', doc: { username: 'cat', emails: ['x@t'] }, position: pos(6) },
      { collection: 'accounts', id: 'b', doc: { emails: ['b@t'] }, position: pos(7) },
    ]);
    const raw = new Database(file, { readonly: true });
    try {
      const terms = raw
        .prepare('SELECT field, value, id FROM accounts_v1_terms ORDER BY field, value, id')
        .raw()
        .all();
      expect(terms).toEqual([
        ['emails', 'b@t', 'b'],
        ['emails', 'x@t', 'c'],
        ['emails', 'y@t', 'a'],
        ['emails', 'z@t', 'a'],
        ['username', 'ann', 'a'],
        ['username', 'cat', 'c'],
      ]);
      // Positions are two INTEGER columns, not text.
      expect(
        raw.prepare('SELECT typeof("commit"), typeof("prepare") FROM accounts_v1 LIMIT 1').raw().get(),
      ).toEqual(['integer', 'integer']);
    } finally {
      raw.close();
    }
    expect(await store.count(1, 'accounts')).toBe(3);
  });

  it('refuses writes to a collection another connection dropped, even with its statements cached', async () => {
    const store = open();
    const other = open();
    const history = { name: 'history', indexes: [] };
    await store.ensure(1, [accounts, history]);
    await store.write(1, [{ collection: 'history', id: 'h', doc: { t: 'x' }, position: pos(1) }]);
    expect(await store.count(1, 'history')).toBe(1);
    await other.drop(1, [history]);
    expect(await store.get(1, 'history', 'h')).toBeUndefined();
    const error = await store
      .write(1, [{ collection: 'history', id: 'h2', doc: { t: 'y' }, position: pos(2) }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentRequestError);
    expect(error).toMatchObject({ code: 'DOCUMENT_COLLECTION_UNKNOWN' });
  });

  it('rolls back the whole call when one of its writes is refused mid-transaction', async () => {
    const store = open();
    await store.ensure(1, [accounts]);
    const writes = Array.from({ length: 50 }, (_, i) => ({
      collection: 'accounts',
      id: `acc-${i}`,
      doc: i === 49 ? { username: 49 } : { username: `u${i}` },
      position: pos(i + 1),
    }));
    await expect(store.write(1, writes)).rejects.toMatchObject({ code: 'DOCUMENT_INVALID_BODY' });
    expect(await store.count(1, 'accounts')).toBe(0);
    expect(await store.find(1, 'accounts', 'username', 'u1', { limit: 1 })).toEqual([]);
  });

  it('waits for another connection holding the write lock, then fails as retryable', async () => {
    const store = open(20);
    await store.ensure(1, [accounts]);
    const blocker = new Database(file);
    try {
      blocker.prepare('BEGIN IMMEDIATE').run();
      const error = await store
        .write(1, [{ collection: 'accounts', id: 'a', doc: { username: 'ann' }, position: pos(1) }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentStoreUnavailableError);
      expect(error).toMatchObject({ retryable: true });
      // Readers are not blocked by a writer in WAL mode.
      expect(await store.count(1, 'accounts')).toBe(0);
      blocker.prepare('ROLLBACK').run();
      expect(
        await store.write(1, [
          { collection: 'accounts', id: 'a', doc: { username: 'ann' }, position: pos(1) },
        ]),
      ).toBe(1);
    } finally {
      blocker.close();
    }
  });

  it('keeps collections of different names and generations in tables of their own', async () => {
    const store = open();
    const name = uniqueName('model');
    await store.ensure(3, [{ name, indexes: ['k'] }]);
    await store.ensure(12, [{ name, indexes: [] }]);
    const raw = new Database(file, { readonly: true });
    try {
      const tables = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ORDER BY name")
        .pluck()
        .all(`${name}%`);
      expect(tables).toEqual([`${name}_v12`, `${name}_v12_terms`, `${name}_v3`, `${name}_v3_terms`]);
    } finally {
      raw.close();
    }
  });
});

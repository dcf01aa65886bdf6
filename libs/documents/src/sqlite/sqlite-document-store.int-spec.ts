import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DocumentStoreUnavailableError, type Write } from '../document-store.port';
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

const ids = (docs: ReadonlyArray<{ id: string }>) => docs.map((d) => d.id);

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
    expect(open().diagnostics()).toMatchObject({ journalMode: 'wal', synchronous: 1 });
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

  it('opens a version 1 file: its collections keep working, and may become insert-only', async () => {
    const v1 = new Database(file);
    v1.pragma('journal_mode = WAL');
    v1.exec(`
      CREATE TABLE _collections (tbl TEXT PRIMARY KEY, name TEXT NOT NULL, generation INTEGER NOT NULL,
        indexes TEXT NOT NULL, live INTEGER NOT NULL) STRICT;
      CREATE TABLE _catalog (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT;
      INSERT INTO _catalog (id, version) VALUES (1, 0);
      CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE _checkpoints (name TEXT PRIMARY KEY, "commit" INTEGER NOT NULL, "prepare" INTEGER NOT NULL) STRICT;
      CREATE TABLE history_v1 (id TEXT PRIMARY KEY, "commit" INTEGER NOT NULL, "prepare" INTEGER NOT NULL,
        deleted INTEGER NOT NULL, body TEXT, terms TEXT) STRICT;
      CREATE TABLE history_v1_terms (field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (field, value, id)) STRICT, WITHOUT ROWID;
      INSERT INTO _collections VALUES ('history_v1', 'history', 1, '[]', 1);
      INSERT INTO history_v1 VALUES ('a/1', 1, 1, 0, '{"text":"one"}', NULL);
    `);
    v1.pragma('user_version = 1');
    v1.close();
    const store = open();
    expect((await store.get(1, 'history', 'a/1'))?.doc).toEqual({ text: 'one' });
    await store.ensure(1, [{ name: 'history', indexes: [], insertOnly: true }]);
    const write = (id: string, text: string, p: number) =>
      store.write(1, [{ collection: 'history', id, doc: { text }, position: pos(p) }]);
    expect(await write('a/1', 'again', 1)).toBe(0);
    expect(await write('a/2', 'two', 2)).toBe(1);
    expect(await store.count(1, 'history')).toBe(2);
  });

  it('a fill builds the same term rows and id index as writes without one; an id written twice keeps the first', async () => {
    const store = open();
    const history = { name: 'history', indexes: ['kind'], insertOnly: true };
    // One write per call, as batches would send them; the last is a replay of the third.
    const writes: Write[] = [
      { collection: 'accounts', id: 'a', doc: { username: 'ann', emails: ['x@t', 'y@t'] }, position: pos(1) },
      { collection: 'accounts', id: 'b', doc: { username: 'bob', emails: ['y@t'] }, position: pos(2) },
      { collection: 'history', id: 'a/1', doc: { kind: 'in' }, position: pos(1) },
      { collection: 'accounts', id: 'a', doc: { username: 'ann', emails: ['z@t'] }, position: pos(3) },
      { collection: 'accounts', id: 'b', doc: null, position: pos(4) },
      { collection: 'history', id: 'b/2', doc: { kind: 'out' }, position: pos(2) },
      { collection: 'history', id: 'a/1', doc: { kind: 'replayed' }, position: pos(1) },
    ];
    await store.ensure(1, [accounts, history]);
    await store.ensure(2, [accounts, history], { fill: true });
    for (const g of [1, 2]) for (const w of writes) await store.write(g, [w]);
    await expect(store.find(2, 'accounts', 'username', 'ann', { limit: 5 })).rejects.toMatchObject({
      code: 'DOCUMENT_GENERATION_FILLING',
    });
    await store.finishFill(2);
    const raw = new Database(file, { readonly: true });
    try {
      const rows = (sql: string) => raw.prepare(sql).raw().all();
      for (const t of ['accounts', 'history']) {
        expect(rows(`SELECT * FROM ${t}_v2_terms ORDER BY 1, 2, 3`)).toEqual(
          rows(`SELECT * FROM ${t}_v1_terms ORDER BY 1, 2, 3`),
        );
        expect(rows(`SELECT id, body FROM ${t}_v2 ORDER BY id`)).toEqual(
          rows(`SELECT id, body FROM ${t}_v1 ORDER BY id`),
        );
      }
      expect(rows(`SELECT * FROM accounts_v2_terms ORDER BY 1, 2, 3`)).toEqual([
        ['emails', 'z@t', 'a'],
        ['username', 'ann', 'a'],
      ]);
      expect(rows(`SELECT name FROM sqlite_master WHERE tbl_name = 'history_v2' AND type = 'index'`)).toEqual(
        [['history_v2_id']],
      );
    } finally {
      raw.close();
    }
    expect(await store.count(2, 'history')).toBe(2);
    expect((await store.get(2, 'history', 'a/1'))?.doc).toEqual({ kind: 'in' });
    expect(
      await store.write(2, [{ collection: 'history', id: 'b/2', doc: { kind: 'x' }, position: pos(2) }]),
    ).toBe(0);
  });

  it('finishFill builds the terms in steps, and a step repeated after a crash changes nothing', async () => {
    const store = SqliteDocumentStore.open(file, { fillTermsChunk: 2 });
    opened.push(store);
    await store.ensure(1, [accounts], { fill: true });
    const names = ['a', 'b', 'c', 'd', 'e'];
    await store.write(
      1,
      names.map((id, i) => ({
        collection: 'accounts',
        id,
        doc: { username: id, emails: ['all@t'] },
        position: pos(i + 1),
      })),
    );
    await store.finishFill(1);
    const expectAll = async () => {
      expect(ids(await store.find(1, 'accounts', 'emails', 'all@t', { limit: 10 }))).toEqual(names);
      for (const id of names)
        expect(ids(await store.find(1, 'accounts', 'username', id, { limit: 10 }))).toEqual([id]);
    };
    await expectAll();
    // As if the process had stopped before the fill's last transaction.
    const raw = new Database(file);
    raw.prepare("UPDATE _collections SET filling = 1 WHERE tbl = 'accounts_v1'").run();
    raw.prepare('UPDATE _catalog SET version = version + 1').run();
    raw.close();
    await store.finishFill(1);
    await expectAll();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM accounts_v1_terms').pluck().get()).toBe(10);
    check.close();
  });

  it('finishFill replaces a scratch file a crash left, removes its own, and reports a busy file as retryable', async () => {
    const store = SqliteDocumentStore.open(file, { fillTermsChunk: 2, busyTimeoutMs: 50 });
    opened.push(store);
    await store.ensure(1, [accounts], { fill: true });
    await store.write(
      1,
      ['a', 'b', 'c'].map((id, i) => ({
        collection: 'accounts',
        id,
        doc: { username: id, emails: ['all@t'] },
        position: pos(i + 1),
      })),
    );
    const scratch = `${file}.fill-accounts_v1`;
    writeFileSync(scratch, 'left by a crash');

    // Another connection holds the write lock longer than the store waits.
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    const refused = await store.finishFill(1).catch((e: unknown) => e);
    other.prepare('ROLLBACK').run();
    other.close();
    expect(refused).toBeInstanceOf(DocumentStoreUnavailableError);
    expect(refused).toMatchObject({ retryable: true, message: expect.stringContaining('SQLITE_BUSY') });
    expect(existsSync(scratch)).toBe(false);

    await store.finishFill(1);
    expect(existsSync(scratch)).toBe(false);
    expect(ids(await store.find(1, 'accounts', 'emails', 'all@t', { limit: 10 }))).toEqual(['a', 'b', 'c']);
    expect(ids(await store.find(1, 'accounts', 'username', 'b', { limit: 10 }))).toEqual(['b']);
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

  it('drops a generation off the event loop: gone for every connection from the start, the loop turning while its tables are dropped, none left at the end', async () => {
    const store = open();
    const other = open();
    const history = { name: 'history', indexes: ['account'], insertOnly: true };
    const docsOf = (generation: number, collection: string) =>
      Array.from({ length: 10 }, (_, i) => ({
        collection,
        id: `${collection}-${i}`,
        doc: { username: `u${i}`, emails: [`${i}@t`], account: `a${i}` },
        position: pos(generation * 100 + i + 1),
      }));
    for (const generation of [1, 2]) {
      await store.ensure(generation, [accounts, history], { fill: generation === 1 });
      await store.write(generation, [...docsOf(generation, 'accounts'), ...docsOf(generation, 'history')]);
    }
    await store.finishFill(1);
    const raw = new Database(file, { readonly: true });
    const tablesOf = (generation: number) =>
      (raw.prepare('SELECT name FROM sqlite_master').pluck().all() as string[]).filter((name) =>
        new RegExp(`_v${generation}(_|$)`).test(name),
      );
    try {
      expect(tablesOf(1).length).toBeGreaterThan(0);
      let done = false;
      const dropping = store.drop(1, [accounts, history]).then(() => (done = true));
      let turns = 0;
      while (!done) {
        // The loop runs while the tables are dropped; other connections see the generation gone.
        turns++;
        expect(await other.count(1, 'accounts')).toBe(0);
        expect(await other.get(1, 'history', 'history-1')).toBeUndefined();
        expect(await other.find(1, 'accounts', 'username', 'u1', { limit: 5 })).toEqual([]);
        await expect(other.write(1, docsOf(1, 'accounts').slice(0, 1))).rejects.toMatchObject({
          code: 'DOCUMENT_COLLECTION_UNKNOWN',
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
      await dropping;
      expect(turns).toBeGreaterThan(1);
      expect(tablesOf(1)).toEqual([]);
      expect(await other.count(2, 'accounts')).toBe(10);
      expect(ids(await other.find(2, 'accounts', 'username', 'u3', { limit: 5 }))).toEqual(['accounts-3']);
      expect(ids(await other.find(2, 'history', 'account', 'a3', { limit: 5 }))).toEqual(['history-3']);
      // Dropping again is harmless; ensuring again starts empty.
      await store.drop(1, [accounts, history]);
      await store.ensure(1, [accounts, history]);
      expect(await other.count(1, 'accounts')).toBe(0);
    } finally {
      raw.close();
    }
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

  describe('space after a generation is dropped', () => {
    const history = { name: 'history', indexes: [], insertOnly: true };
    /** A generation's worth of documents: a few MB of pages, with index terms. */
    async function fill(store: SqliteDocumentStore, generation: number): Promise<void> {
      await store.ensure(generation, [accounts, history], { fill: true });
      for (let batch = 0; batch < 20; batch++) {
        const writes: Write[] = [];
        for (let i = 0; i < 250; i++) {
          const n = batch * 250 + i;
          writes.push(
            {
              collection: 'accounts',
              id: `a${n}`,
              doc: { username: `u${n}`, pad: 'x'.repeat(300) },
              position: pos(n + 1),
            },
            { collection: 'history', id: `a${n}/1`, doc: { text: 'y'.repeat(300) }, position: pos(n + 1) },
          );
        }
        await store.write(generation, writes);
      }
      await store.finishFill(generation);
    }
    const pages = (f: string) => {
      const raw = new Database(f, { readonly: true });
      try {
        return {
          pageCount: raw.pragma('page_count', { simple: true }) as number,
          freePages: raw.pragma('freelist_count', { simple: true }) as number,
          autoVacuum: raw.pragma('auto_vacuum', { simple: true }) as number,
        };
      } finally {
        raw.close();
      }
    };

    it('a new file gives the pages of a dropped generation back: no free page is left, and the file is as small as before it was filled', async () => {
      const store = open();
      await fill(store, 1);
      const one = pages(file);
      expect(one.autoVacuum).toBe(2); // INCREMENTAL
      await fill(store, 2);
      expect(pages(file).pageCount).toBeGreaterThan(one.pageCount * 1.8);
      await store.drop(1, [accounts, history]);
      const after = pages(file);
      expect(after.freePages).toBe(0);
      expect(after.pageCount).toBeLessThanOrEqual(one.pageCount * 1.05);
      // What is left still serves.
      expect((await store.find(2, 'accounts', 'username', 'u4999', { limit: 1 })).map((d) => d.id)).toEqual([
        'a4999',
      ]);
    });

    it('a file made before incremental vacuum is converted once when a drop leaves much of it free, and then keeps no free page', async () => {
      const old = new Database(file);
      old.pragma('journal_mode = WAL');
      old.exec('CREATE TABLE made_before (x INTEGER)');
      old.close();
      const store = open();
      expect(pages(file).autoVacuum).toBe(0); // NONE: set when the first table was made
      await fill(store, 1);
      await fill(store, 2);
      await store.drop(1, [accounts, history]);
      const after = pages(file);
      expect(after.autoVacuum).toBe(2);
      expect(after.freePages).toBe(0);
      await fill(store, 3);
      await store.drop(2, [accounts, history]);
      expect(pages(file).freePages).toBe(0);
      expect((await store.get(3, 'accounts', 'a0'))?.doc).toMatchObject({ username: 'u0' });
    });
  });
});

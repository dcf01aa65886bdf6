/**
 * The embedded read-model store: one SQLite file (better-sqlite3).
 *
 * Durability: WAL with `synchronous = NORMAL`. A commit is not fsynced, so power
 * loss can drop the last few transactions, but WAL replays commits in order: what
 * survives is always a prefix of what was committed. The projector commits its
 * documents before its checkpoint, so a checkpoint never survives without the
 * documents it covers, and whatever was lost is re-projected from the checkpoint.
 * Read models can always be rebuilt from the events, which is why the fsync per
 * commit (FULL, as the event store uses) is not worth its cost here.
 *
 * Layout, per collection and generation: `<name>_v<gen>` holds the documents (id,
 * position as two INTEGERs, a tombstone flag, the body as JSON text, and the index
 * terms the body had when written), and `<name>_v<gen>_terms` (WITHOUT ROWID,
 * primary key field, value, id) holds one row per indexed value, so `find` is one
 * range scan of that key. `_collections` records each table's indexes and live
 * count; `_catalog` is bumped whenever that changes so another connection (a CLI on
 * the same file) reloads it; `_meta` and `_checkpoints` hold the small named values,
 * `_leases` the leases (holder, fencing token, expiry). A lease changes in one
 * IMMEDIATE transaction (read, decide, write under the write lock), and a fenced
 * write or checkpoint reads the lease's token in its own transaction: no other
 * connection can take the lease between the check and the write.
 *
 * A write reads the stored position and terms of its document first: a replayed
 * event then costs one lookup, and an update that leaves the indexed fields alone
 * (most of them) touches no term row and never re-parses the stored body. An
 * insert-only collection (history) skips the read: `ON CONFLICT (id) DO NOTHING`.
 *
 * Fills (`ensure(…, { fill: true })`, a rebuild's fresh generation): no term rows are
 * written and an insert-only table has no id index until `finishFill`, which builds
 * both with one sort each from the stored rows, in a worker thread so that the event
 * loop runs on (fill-worker.ts). Writing them as the rebuild went put one random
 * insert per history row and term into large B-trees, dirtying a page for almost
 * every row in every batch: most of the rebuild's commit time.
 *
 * Space: a file is made with `auto_vacuum = INCREMENTAL`, and `drop` gives the pages of
 * the dropped tables back to the file system afterwards, `RECLAIM_STEP_PAGES` at a time
 * with the event loop free in between: a rebuild leaves a file the size of one
 * generation, not two. A file made before (`auto_vacuum = NONE`, which only a VACUUM
 * changes) is converted once, by a VACUUM in a worker thread, the first time a drop
 * leaves more than `CONVERT_FREE_SHARE` of it free. The drop then asks SQLite to free
 * the memory it can (`shrink_memory`: the page cache the rebuild filled).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Position } from '@portal/event-store';
import {
  type CollectionSpec,
  type Doc,
  type DocumentStore,
  DocumentStoreUnavailableError,
  type EnsureOptions,
  type AcquireLeaseOptions,
  type Fence,
  type FencedOptions,
  type FindOptions,
  type Lease,
  LeaseLostError,
  type ListOptions,
  type StoredDoc,
  type Write,
} from '../document-store.port';
import {
  bodyJson,
  decodeMeta,
  DocumentRequestError,
  encodeMeta,
  indexTerms,
  listRange,
  tableName,
  validateCollectionName,
  validateFence,
  validateField,
  validateLeaseRequest,
  validateFindOptions,
  validateGeneration,
  validateKey,
  validateListOptions,
  validatePosition,
  validateSpecs,
} from '../validation';
import { runFillStep } from './fill-worker';

export interface SqliteDocumentStoreOptions {
  /** How long a statement waits for another connection (a CLI, the service) holding the write lock. */
  busyTimeoutMs?: number;
  /** Sorted term rows `finishFill` copies per write transaction (tests use a few). */
  fillTermsChunk?: number;
  /** SQLite's page cache for this connection, in MiB (64). */
  cacheMiB?: number;
  /** `drop` drops every table on this thread in one transaction (benchmarks: the way it was). */
  dropOnLoop?: boolean;
}

export interface SqliteDocumentStoreDiagnostics {
  journalMode: string;
  /** 1 = NORMAL. */
  synchronous: number;
  /** SQLite's page cache of this connection. */
  cacheKiB: number;
}

const SCHEMA_VERSION = 2;

/** Added beside the versioned schema: `IF NOT EXISTS` makes it safe on every open, old files included. */
const LEASES = `
CREATE TABLE IF NOT EXISTS _leases (
  name       TEXT    PRIMARY KEY,
  holder     TEXT    NOT NULL,
  token      INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  since      INTEGER NOT NULL
) STRICT;
`;

type LeaseRow = [string, number, number, number];

/** Version 1 → 2: collections may be insert-only, and a fresh generation may be filling. */
const MIGRATE_1_TO_2 = `
ALTER TABLE _collections ADD COLUMN insert_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE _collections ADD COLUMN filling INTEGER NOT NULL DEFAULT 0;
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS _collections (
  tbl         TEXT    PRIMARY KEY,
  name        TEXT    NOT NULL,
  generation  INTEGER NOT NULL,
  indexes     TEXT    NOT NULL,
  live        INTEGER NOT NULL,
  insert_only INTEGER NOT NULL DEFAULT 0,
  filling     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS _catalog (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT OR IGNORE INTO _catalog (id, version) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS _meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS _checkpoints (
  name      TEXT    PRIMARY KEY,
  "commit"  INTEGER NOT NULL,
  "prepare" INTEGER NOT NULL
) STRICT;
`;

/**
 * Table names come from validated names only (`[a-z][a-z0-9_]*_v<digits>`), so quoting suffices.
 * `deferIdIndex`: an insert-only collection being filled gets its id index (unique) when the fill ends.
 */
function createTables(table: string, deferIdIndex: boolean): string {
  return `
CREATE TABLE IF NOT EXISTS "${table}" (
  id        TEXT    ${deferIdIndex ? 'NOT NULL' : 'PRIMARY KEY'},
  "commit"  INTEGER NOT NULL,
  "prepare" INTEGER NOT NULL,
  deleted   INTEGER NOT NULL,
  body      TEXT,
  terms     TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS "${table}_terms" (
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  id    TEXT NOT NULL,
  PRIMARY KEY (field, value, id)
) STRICT, WITHOUT ROWID;
`;
}

/** id, commit, prepare, deleted, body */
type DocRow = [string, bigint, bigint, bigint, string | null];
/** commit, prepare, deleted, terms */
type HeadRow = [bigint, bigint, bigint, string | null];

/** indexes (JSON), insert_only, filling */
type SpecRow = [string, number, number];

type RowParams = [string, bigint, bigint, number, string | null, string | null];

interface TableHandle {
  readonly table: string;
  readonly indexes: readonly string[];
  /** Writes skip ids already stored without reading their position (CollectionSpec.insertOnly). */
  readonly insertOnly: boolean;
  /** Filling (EnsureOptions.fill): index terms wait for finishFill, and an insert-only table has no id index yet. */
  readonly filling: boolean;
  readonly head: Database.Statement<[string]>;
  /** Prepared on first use: a filling insert-only table has no unique index for its ON CONFLICT. */
  upsertStatement?: Database.Statement<RowParams>;
  /** Insert-only tables: INSERT that skips an existing id (a plain INSERT while filling: no id is written twice). */
  insertNewStatement?: Database.Statement<RowParams>;
  readonly getOne: Database.Statement<[string]>;
  /** By lower bound (`>` cursor or `>=` prefix), with or without the prefix's end. */
  readonly listAfter: Database.Statement<[string, number]>;
  readonly listAfterBefore: Database.Statement<[string, string, number]>;
  readonly listFrom: Database.Statement<[string, number]>;
  readonly listFromBefore: Database.Statement<[string, string, number]>;
  readonly find: Database.Statement<[string, string, string, number]>;
  readonly insertTerm: Database.Statement<[string, string, string]>;
  /** By row count, prepared on first use. */
  readonly insertTerms: Array<Database.Statement<[string[]]> | undefined>;
  readonly deleteTerm: Database.Statement<[string, string, string]>;
}

const NO_TERMS: readonly string[] = [];
const BACKFILL_PAGE = 1_000;
const MAX_TERMS_PER_INSERT = 32;
/** Sorted term rows finishFill copies per write transaction (~0.3 s; see fill-worker.ts). */
const FILL_TERMS_CHUNK = 100_000;
/** Free pages one `incremental_vacuum` step gives back (4 MiB of 4 KiB pages): one short write transaction. */
const RECLAIM_STEP_PAGES = 1_000;
/** A file without incremental vacuum is converted (VACUUM) once a drop leaves more than this share of it free. */
const CONVERT_FREE_SHARE = 0.25;
const AUTO_VACUUM_INCREMENTAL = 2;

/** Duck-typed: better-sqlite3's SqliteError may come from another module instance (Jest registries). */
function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Another connection dropped the table since this one prepared its statements. */
function isMissingTable(error: unknown): boolean {
  return /no such table/.test(messageOf(error));
}

/** Waiting on another connection or a full or failing disk: worth retrying; anything else is a bug. */
function isTransient(error: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL)/.test(sqliteCode(error));
}

/** A busy or failing file as the port's retryable error; anything else as it is. */
function transientAsUnavailable(error: unknown): unknown {
  if (!isTransient(error)) return error;
  return new DocumentStoreUnavailableError(
    `SQLite document store: ${sqliteCode(error)} (${messageOf(error)})`,
    true,
    error,
  );
}

function termKeys(terms: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < terms.length; i += 2) keys.add(`${terms[i]}\u0000${terms[i + 1]}`);
  return keys;
}

export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly handles = new Map<string, TableHandle>();
  private catalogVersion = -1n;
  private readonly fillTermsChunk: number;
  private readonly dropOnLoop: boolean;
  private readonly busyTimeoutMs: number;
  private closed = false;

  private readonly stmt: {
    catalogVersion: Database.Statement;
    bumpCatalog: Database.Statement;
    spec: Database.Statement<[string]>;
    insertSpec: Database.Statement<[string, string, number, string, number, number]>;
    setInsertOnly: Database.Statement<[number, string]>;
    fillingTables: Database.Statement<[number]>;
    endFilling: Database.Statement<[string]>;
    updateIndexes: Database.Statement<[string, string]>;
    deleteSpec: Database.Statement<[string]>;
    addLive: Database.Statement<[number, string]>;
    live: Database.Statement<[string]>;
    getMeta: Database.Statement<[string]>;
    setMeta: Database.Statement<[string, string]>;
    deleteMeta: Database.Statement<[string]>;
    loadCheckpoint: Database.Statement<[string]>;
    saveCheckpoint: Database.Statement<[string, bigint, bigint]>;
    getLease: Database.Statement<[string]>;
    putLease: Database.Statement<[string, string, number, number, number]>;
    ping: Database.Statement;
  };

  private readonly writeTx: Database.Transaction<
    (generation: number, writes: readonly Write[], fence: Fence | undefined) => number
  >;

  /** Opens (creating if needed) the store in `file`; the directory must exist. */
  static open(file: string, options: SqliteDocumentStoreOptions = {}): SqliteDocumentStore {
    return new SqliteDocumentStore(file, options);
  }

  private constructor(file: string, options: SqliteDocumentStoreOptions) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
    this.db = new Database(file, { timeout: this.busyTimeoutMs });
    this.fillTermsChunk = Math.max(1, Math.floor(options.fillTermsChunk ?? FILL_TERMS_CHUNK));
    this.dropOnLoop = options.dropOnLoop === true;
    try {
      // Takes effect on a new file only (before its first table): see the header, "Space".
      this.db.pragma(`auto_vacuum = ${AUTO_VACUUM_INCREMENTAL}`);
      const mode = this.db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal')
        throw new Error(`SQLite document store ${file}: cannot use WAL (journal_mode is ${mode})`);
      // See the header: commit order is kept, and read models can be rebuilt.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma(`cache_size = -${Math.max(1, Math.round((options.cacheMiB ?? 64) * 1024))}`);
      // Checkpoint every ~40 MB of WAL rather than 4 MB: pages rewritten by many batches are copied once.
      this.db.pragma('wal_autocheckpoint = 10000');
      this.db.pragma('journal_size_limit = 67108864');
      this.migrate();
      this.db.exec(LEASES);
      const db = this.db;
      const row = <P extends unknown[]>(sql: string) => db.prepare<P>(sql).raw(true).safeIntegers(true);
      this.stmt = {
        catalogVersion: db
          .prepare('SELECT version FROM _catalog WHERE id = 1')
          .pluck(true)
          .safeIntegers(true),
        bumpCatalog: db.prepare('UPDATE _catalog SET version = version + 1 WHERE id = 1'),
        spec: row<[string]>(
          'SELECT indexes, insert_only, filling FROM _collections WHERE tbl = ?',
        ).safeIntegers(false),
        insertSpec: db.prepare<[string, string, number, string, number, number]>(
          `INSERT INTO _collections (tbl, name, generation, indexes, live, insert_only, filling)
           VALUES (?, ?, ?, ?, 0, ?, ?)`,
        ),
        setInsertOnly: db.prepare<[number, string]>('UPDATE _collections SET insert_only = ? WHERE tbl = ?'),
        fillingTables: db
          .prepare<[number]>('SELECT tbl FROM _collections WHERE generation = ? AND filling = 1 ORDER BY tbl')
          .pluck(true),
        endFilling: db.prepare<[string]>('UPDATE _collections SET filling = 0 WHERE tbl = ?'),
        updateIndexes: db.prepare<[string, string]>('UPDATE _collections SET indexes = ? WHERE tbl = ?'),
        deleteSpec: db.prepare<[string]>('DELETE FROM _collections WHERE tbl = ?'),
        addLive: db.prepare<[number, string]>('UPDATE _collections SET live = live + ? WHERE tbl = ?'),
        live: db.prepare<[string]>('SELECT live FROM _collections WHERE tbl = ?').pluck(true),
        getMeta: db.prepare<[string]>('SELECT value FROM _meta WHERE key = ?').pluck(true),
        setMeta: db.prepare<[string, string]>(
          'INSERT INTO _meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ),
        deleteMeta: db.prepare<[string]>('DELETE FROM _meta WHERE key = ?'),
        loadCheckpoint: row<[string]>('SELECT "commit", "prepare" FROM _checkpoints WHERE name = ?'),
        saveCheckpoint: db.prepare<[string, bigint, bigint]>(
          `INSERT INTO _checkpoints (name, "commit", "prepare") VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET "commit" = excluded."commit", "prepare" = excluded."prepare"`,
        ),
        getLease: db
          .prepare<[string]>('SELECT holder, token, expires_at, since FROM _leases WHERE name = ?')
          .raw(true),
        putLease: db.prepare<[string, string, number, number, number]>(
          `INSERT INTO _leases (name, holder, token, expires_at, since) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, token = excluded.token,
             expires_at = excluded.expires_at, since = excluded.since`,
        ),
        ping: db.prepare('SELECT 1').pluck(true),
      };
      this.writeTx = db.transaction(
        (generation: number, writes: readonly Write[], fence: Fence | undefined) => {
          this.checkFence(fence);
          return this.applyWrites(generation, writes);
        },
      );
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true });
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new Error(`Document store schema version ${version} is newer than this code (${SCHEMA_VERSION})`);
    }
    if (version === SCHEMA_VERSION) return;
    this.db
      .transaction(() => {
        // Read again inside the write lock: another connection may have migrated meanwhile.
        const current = this.db.pragma('user_version', { simple: true });
        if (current === SCHEMA_VERSION) return;
        if (current === 1) this.db.exec(MIGRATE_1_TO_2);
        else this.db.exec(SCHEMA);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })
      .immediate();
  }

  diagnostics(): SqliteDocumentStoreDiagnostics {
    this.assertOpen();
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      cacheKiB: -Number(this.db.pragma('cache_size', { simple: true })),
    };
  }

  async ensure(
    generation: number,
    specs: readonly CollectionSpec[],
    options: EnsureOptions = {},
  ): Promise<void> {
    this.assertOpen();
    validateSpecs(generation, specs);
    const fill = options.fill === true;
    this.guard(() =>
      this.db
        .transaction(() => {
          let changed = false;
          for (const spec of specs) {
            const table = tableName(spec.name, generation);
            const insertOnly = spec.insertOnly === true ? 1 : 0;
            const stored = this.stmt.spec.get(table) as SpecRow | undefined;
            if (!stored) {
              this.db.exec(createTables(table, fill && insertOnly === 1));
              this.stmt.insertSpec.run(
                table,
                spec.name,
                generation,
                JSON.stringify([...new Set(spec.indexes)]),
                insertOnly,
                fill ? 1 : 0,
              );
              changed = true;
              continue;
            }
            if (stored[1] !== insertOnly) {
              this.stmt.setInsertOnly.run(insertOnly, table);
              this.handles.delete(table);
              changed = true;
            }
            const indexes = JSON.parse(stored[0]) as string[];
            const added = spec.indexes.filter((field) => !indexes.includes(field));
            if (added.length === 0) continue;
            // Indexes only grow: a model whose shape changes gets a new generation, not a narrower index.
            const union = [...indexes, ...new Set(added)];
            this.stmt.updateIndexes.run(JSON.stringify(union), table);
            this.handles.delete(table);
            // A filling table gets every term when its fill ends.
            if (stored[2] === 0) this.backfillTerms(this.handleOf(table)!);
            changed = true;
          }
          if (changed) this.stmt.bumpCatalog.run();
        })
        .immediate(),
    );
  }

  /**
   * Builds what a fill deferred, one step per transaction (the id index of an
   * insert-only table; the term rows of 20,000 documents at a time, sorted),
   * so another connection's writes (the live projector's, to the active generation)
   * wait for one step, not for the whole build. A step repeated after a crash changes
   * nothing (`IF NOT EXISTS`, `INSERT OR IGNORE`); the fill ends in the last transaction.
   */
  async finishFill(generation: number): Promise<void> {
    this.assertOpen();
    validateGeneration(generation);
    const tables = this.guard(() => this.stmt.fillingTables.all(generation) as string[]);
    if (tables.length === 0) return;
    for (const table of tables) {
      const handle = this.guard(() => {
        this.refreshCatalog();
        return this.handleOf(table);
      });
      if (!handle) continue;
      // One sort each instead of a random B-tree insert per document and term while filling.
      try {
        if (handle.insertOnly) await this.indexFilledIds(table);
        if (handle.indexes.length > 0) await this.fillStep('terms', table);
      } catch (error) {
        throw transientAsUnavailable(error);
      }
    }
    this.guard(() =>
      this.db
        .transaction(() => {
          for (const table of tables) {
            this.stmt.endFilling.run(table);
            this.handles.delete(table);
          }
          this.stmt.bumpCatalog.run();
        })
        .immediate(),
    );
  }

  /** One of finishFill's long steps, a drop or the one VACUUM, in a worker thread (fill-worker.ts). */
  private async fillStep(step: 'index-ids' | 'terms' | 'drop' | 'vacuum', table: string): Promise<void> {
    const file = this.db.name;
    await runFillStep({
      step,
      file,
      table,
      busyTimeoutMs: this.busyTimeoutMs,
      chunkRows: this.fillTermsChunk,
    });
  }

  private async indexFilledIds(table: string): Promise<void> {
    try {
      await this.fillStep('index-ids', table);
    } catch (error) {
      if (!sqliteCode(error).startsWith('SQLITE_CONSTRAINT')) throw error;
      this.guard(() => this.db.transaction(() => this.repairDuplicateIds(table)).immediate());
    }
  }

  /**
   * The unique id index of an insert-only table in which an id was written twice
   * while filling (a replay: one writer never sends it): the first write is kept, as
   * the index would have kept it, and the live count is taken again.
   */
  private repairDuplicateIds(table: string): void {
    this.db.exec(`DELETE FROM "${table}" WHERE rowid NOT IN (SELECT min(rowid) FROM "${table}" GROUP BY id)`);
    this.db
      .prepare<[string]>(
        `UPDATE _collections SET live = (SELECT count(*) FROM "${table}" WHERE deleted = 0) WHERE tbl = ?`,
      )
      .run(table);
    this.db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS "${table}_id" ON "${table}" (id)`);
  }

  /** Recomputes every live document's terms after an index was added (rare: parses every body once). */
  private backfillTerms(handle: TableHandle): void {
    const page = this.db
      .prepare<[string, number]>(
        `SELECT id, body, terms FROM "${handle.table}" WHERE id > ? AND deleted = 0 ORDER BY id LIMIT ?`,
      )
      .raw(true);
    const setTerms = this.db.prepare<[string | null, string]>(
      `UPDATE "${handle.table}" SET terms = ? WHERE id = ?`,
    );
    let after = '';
    for (;;) {
      const rows = page.all(after, BACKFILL_PAGE) as Array<[string, string, string | null]>;
      for (const [id, body, stored] of rows) {
        // Lenient: a value written before its field was indexed may not be a string; it stays unfindable.
        const terms = indexTerms(JSON.parse(body) as Doc, handle.indexes, '', 0, false);
        const json = terms.length > 0 ? JSON.stringify(terms) : null;
        if (json === stored) continue;
        setTerms.run(json, id);
        this.replaceTerms(handle, id, stored, terms);
      }
      if (rows.length < BACKFILL_PAGE) return;
      after = rows[rows.length - 1][0];
    }
  }

  async write(generation: number, writes: readonly Write[], options: FencedOptions = {}): Promise<number> {
    this.assertOpen();
    validateGeneration(generation);
    validateFence(options.fence);
    if (!Array.isArray(writes))
      throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'writes must be an array');
    if (writes.length === 0) return 0;
    return this.guard(() => this.writeTx.immediate(generation, writes, options.fence));
  }

  /** Inside a write transaction: refuses when the fence's lease passed to a newer holder. */
  private checkFence(fence: Fence | undefined): void {
    if (!fence) return;
    const row = this.stmt.getLease.get(fence.lease) as LeaseRow | undefined;
    if (row && row[1] > fence.token) throw new LeaseLostError(fence.lease, fence.token);
  }

  /** Runs inside one IMMEDIATE transaction: any throw (a bad write, a missing table) rolls the whole call back. */
  private applyWrites(generation: number, writes: readonly Write[]): number {
    this.refreshCatalog();
    const byCollection = new Map<string, TableHandle>();
    const liveDelta = new Map<TableHandle, number>();
    let applied = 0;
    for (let i = 0; i < writes.length; i++) {
      const write = writes[i];
      if (write === null || typeof write !== 'object') throw notAWrite(i);
      let handle = byCollection.get(write.collection);
      if (!handle) {
        validateCollectionName(write.collection);
        handle = this.handleOf(tableName(write.collection, generation));
        if (!handle) throw unknownCollection(write.collection, generation, i);
        byCollection.set(write.collection, handle);
      }
      const body = bodyJson(write, i);
      const termList =
        handle.indexes.length > 0
          ? indexTerms(write.doc, handle.indexes, write.collection, i, true)
          : NO_TERMS;
      const terms = termList.length > 0 ? JSON.stringify(termList) : null;
      const { commit, prepare } = write.position;
      if (handle.insertOnly) {
        // No read first: an id already stored is a replay of the one event that writes it.
        if (
          this.insertNew(handle).run(write.id, commit, prepare, body === null ? 1 : 0, body, terms)
            .changes === 0
        )
          continue;
        applied++;
        if (termList.length > 0 && !handle.filling) this.insertTerms(handle, write.id, termList);
        if (body !== null) liveDelta.set(handle, (liveDelta.get(handle) ?? 0) + 1);
        continue;
      }
      const head = handle.head.get(write.id) as HeadRow | undefined;
      if (head && !(commit > head[0] || (commit === head[0] && prepare > head[1]))) continue;
      // The WHERE repeats the check above in SQL, so the position rule holds even if the read were stale.
      const changes = this.upsert(handle).run(
        write.id,
        commit,
        prepare,
        body === null ? 1 : 0,
        body,
        terms,
      ).changes;
      if (changes === 0) continue;
      applied++;
      const storedTerms = head ? head[3] : null;
      if (storedTerms !== terms && !handle.filling)
        this.replaceTerms(handle, write.id, storedTerms, termList);
      const wasLive = head !== undefined && head[2] === 0n;
      const isLive = body !== null;
      if (wasLive !== isLive) liveDelta.set(handle, (liveDelta.get(handle) ?? 0) + (isLive ? 1 : -1));
    }
    for (const [handle, delta] of liveDelta) this.stmt.addLive.run(delta, handle.table);
    return applied;
  }

  private replaceTerms(
    handle: TableHandle,
    id: string,
    stored: string | null,
    terms: readonly string[],
  ): void {
    if (stored === null) {
      this.insertTerms(handle, id, terms);
      return;
    }
    const before = termKeys(JSON.parse(stored) as string[]);
    const after = termKeys(terms);
    for (const key of before) {
      if (after.has(key)) continue;
      const cut = key.indexOf('\u0000');
      handle.deleteTerm.run(key.slice(0, cut), key.slice(cut + 1), id);
    }
    for (const key of after) {
      if (before.has(key)) continue;
      const cut = key.indexOf('\u0000');
      handle.insertTerm.run(key.slice(0, cut), key.slice(cut + 1), id);
    }
  }

  /** A new document's terms in one statement: each statement run costs about as much as its row. */
  private insertTerms(handle: TableHandle, id: string, terms: readonly string[]): void {
    const rows = terms.length / 2;
    if (rows > MAX_TERMS_PER_INSERT) {
      for (let i = 0; i < terms.length; i += 2) handle.insertTerm.run(terms[i], terms[i + 1], id);
      return;
    }
    let statement = handle.insertTerms[rows];
    if (!statement) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?)').join(', ');
      statement = this.db.prepare<[string[]]>(
        `INSERT INTO "${handle.table}_terms" (field, value, id) VALUES ${values}`,
      );
      handle.insertTerms[rows] = statement;
    }
    const params: string[] = new Array(rows * 3);
    for (let i = 0, j = 0; i < terms.length; i += 2, j += 3) {
      params[j] = terms[i];
      params[j + 1] = terms[i + 1];
      params[j + 2] = id;
    }
    statement.run(params);
  }

  async get<T extends Doc = Doc>(
    generation: number,
    collection: string,
    id: string,
  ): Promise<StoredDoc<T> | undefined> {
    const table = this.readTable(generation, collection);
    return this.read(table, undefined, (handle) => {
      const row = handle.getOne.get(id) as DocRow | undefined;
      return row && row[3] === 0n ? toStored<T>(row) : undefined;
    });
  }

  async getMany(
    generation: number,
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, { position: Position; doc: Doc | null }>> {
    const table = this.readTable(generation, collection);
    if (!Array.isArray(ids))
      throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'ids must be an array');
    const found = new Map<string, { position: Position; doc: Doc | null }>();
    return this.read(table, found, (handle) => {
      for (const id of ids) {
        const row = handle.getOne.get(id) as DocRow | undefined;
        if (!row) continue;
        found.set(row[0], {
          position: { commit: row[1], prepare: row[2] },
          doc: row[4] === null ? null : (JSON.parse(row[4]) as Doc),
        });
      }
      return found;
    });
  }

  async find<T extends Doc = Doc>(
    generation: number,
    collection: string,
    field: string,
    value: string,
    options: FindOptions,
  ): Promise<StoredDoc<T>[]> {
    const table = this.readTable(generation, collection);
    validateField(collection, field);
    validateFindOptions(options);
    if (typeof value !== 'string') {
      throw new DocumentRequestError(
        'DOCUMENT_INVALID_ARGUMENT',
        `find in ${collection}: value must be a string`,
      );
    }
    return this.read(table, [], (handle) => {
      if (!handle.indexes.includes(field)) {
        // Another connection may have added the index since this one loaded the collection.
        this.handles.delete(table);
        handle = this.handleOf(table) ?? handle;
        if (!handle.indexes.includes(field)) {
          throw new DocumentRequestError(
            'DOCUMENT_FIELD_NOT_INDEXED',
            `find in ${collection}: field ${field} is not indexed (indexes: ${handle.indexes.join(', ') || 'none'})`,
          );
        }
      }
      if (handle.filling) {
        throw new DocumentRequestError(
          'DOCUMENT_GENERATION_FILLING',
          `find in ${collection}: generation ${generation} is being filled (its index terms come with finishFill)`,
        );
      }
      if (options.limit === 0) return [];
      const rows = handle.find.all(field, value, options.afterId ?? '', options.limit) as DocRow[];
      return rows.map((row) => toStored<T>(row));
    });
  }

  async list<T extends Doc = Doc>(
    generation: number,
    collection: string,
    options: ListOptions,
  ): Promise<StoredDoc<T>[]> {
    const table = this.readTable(generation, collection);
    validateListOptions(options);
    if (options.limit === 0) return [];
    const { lower, inclusive, upper } = listRange(options);
    return this.read(table, [], (handle) => {
      let rows: unknown[];
      if (upper === undefined) {
        rows = (inclusive ? handle.listFrom : handle.listAfter).all(lower, options.limit);
      } else {
        rows = (inclusive ? handle.listFromBefore : handle.listAfterBefore).all(lower, upper, options.limit);
      }
      return (rows as DocRow[]).map((row) => toStored<T>(row));
    });
  }

  async count(generation: number, collection: string): Promise<number> {
    const table = this.readTable(generation, collection);
    return this.guard(() => {
      const live = this.stmt.live.get(table) as number | undefined;
      return live ?? 0;
    });
  }

  /**
   * The tables are forgotten first, in one short transaction: from then on every
   * connection reads them as empty and refuses writes to them. They are then dropped
   * one collection at a time in a worker thread (fill-worker.ts): a `DROP TABLE` visits
   * every page of its table (190–394 ms for 10,000 accounts' generation on a loaded
   * test machine, bench/RESULTS.md "Rebuild beside serving"), which on this thread held
   * the event loop throughout. A write of this process that comes meanwhile still waits
   * for the statement running (SQLite has one writer). A drop cut short (a crash)
   * leaves tables no spec names; dropping the generation again removes them.
   */
  async drop(generation: number, specs: readonly CollectionSpec[]): Promise<void> {
    this.assertOpen();
    validateSpecs(generation, specs);
    const tables = specs.map((spec) => tableName(spec.name, generation));
    this.guard(() =>
      this.db
        .transaction(() => {
          for (const table of tables) {
            if (this.dropOnLoop)
              this.db.exec(`DROP TABLE IF EXISTS "${table}"; DROP TABLE IF EXISTS "${table}_terms";`);
            this.stmt.deleteSpec.run(table);
            this.handles.delete(table);
          }
          this.stmt.bumpCatalog.run();
        })
        .immediate(),
    );
    if (!this.dropOnLoop) {
      for (const table of tables) {
        try {
          await this.fillStep('drop', table);
        } catch (error) {
          throw transientAsUnavailable(error);
        }
      }
    }
    await this.reclaim();
  }

  /**
   * Gives the free pages back to the file system, in steps with the event loop free in
   * between, then the memory SQLite can spare. A file without incremental vacuum is
   * converted first when much of it is free (the VACUUM runs in a worker thread; other
   * connections' writes wait for it, reads go on).
   */
  private async reclaim(): Promise<void> {
    const pragma = (sql: string) => Number(this.guard(() => this.db.pragma(sql, { simple: true })));
    let free = pragma('freelist_count');
    if (free > 0 && pragma('auto_vacuum') !== AUTO_VACUUM_INCREMENTAL) {
      if (free <= pragma('page_count') * CONVERT_FREE_SHARE) return this.releaseMemory();
      try {
        await this.fillStep('vacuum', '');
      } catch (error) {
        throw transientAsUnavailable(error);
      }
      free = pragma('freelist_count');
    }
    while (free > 0 && !this.closed) {
      this.guard(() => this.db.pragma(`incremental_vacuum(${RECLAIM_STEP_PAGES})`));
      const left = pragma('freelist_count');
      // Nothing moved (cannot happen with incremental vacuum on): stop rather than spin.
      if (left >= free) break;
      free = left;
      await yieldToEventLoop();
    }
    this.releaseMemory();
  }

  /** The page cache a rebuild or a reclaim filled, and what else SQLite holds and can free. */
  private releaseMemory(): void {
    if (this.closed) return;
    this.guard(() => {
      // Copies the moved pages into the file now (never waiting for a reader), so the WAL can restart small.
      this.db.pragma('wal_checkpoint(PASSIVE)');
      this.db.pragma('shrink_memory');
    });
  }

  async getMeta(key: string): Promise<unknown> {
    this.assertOpen();
    validateKey(key, 'meta key');
    const json = this.guard(() => this.stmt.getMeta.get(key) as string | undefined);
    return json === undefined ? undefined : decodeMeta(json);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this.assertOpen();
    validateKey(key, 'meta key');
    const json = encodeMeta(key, value);
    this.guard(() => {
      // JSON has no undefined: storing it would read back as something else, so it removes the key.
      if (json === undefined) this.stmt.deleteMeta.run(key);
      else this.stmt.setMeta.run(key, json);
    });
  }

  async loadCheckpoint(name: string): Promise<Position | undefined> {
    this.assertOpen();
    validateKey(name, 'checkpoint name');
    const row = this.guard(() => this.stmt.loadCheckpoint.get(name) as [bigint, bigint] | undefined);
    return row ? { commit: row[0], prepare: row[1] } : undefined;
  }

  async saveCheckpoint(name: string, position: Position, options: FencedOptions = {}): Promise<void> {
    this.assertOpen();
    validateKey(name, 'checkpoint name');
    validatePosition(position, `checkpoint ${name}`);
    validateFence(options.fence);
    const fence = options.fence;
    if (!fence) {
      this.guard(() => this.stmt.saveCheckpoint.run(name, position.commit, position.prepare));
      return;
    }
    this.guard(() =>
      this.db
        .transaction(() => {
          this.checkFence(fence);
          this.stmt.saveCheckpoint.run(name, position.commit, position.prepare);
        })
        .immediate(),
    );
  }

  async acquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    options: AcquireLeaseOptions = {},
  ): Promise<Lease | undefined> {
    this.assertOpen();
    const now = validateLeaseRequest(name, holder, ttlMs, options);
    return this.guard(() =>
      this.db
        .transaction((): Lease | undefined => {
          const row = this.stmt.getLease.get(name) as LeaseRow | undefined;
          const expiresAt = now + ttlMs;
          if (row && row[0] === holder) {
            // A renewal: the same holder keeps its token (nobody else wrote in between).
            this.stmt.putLease.run(name, holder, row[1], expiresAt, row[3]);
            return { name, holder, token: row[1], expiresAt, since: row[3] };
          }
          if (row && row[2] > now && row[0] !== options.replacing) return undefined;
          const token = (row?.[1] ?? 0) + 1;
          this.stmt.putLease.run(name, holder, token, expiresAt, now);
          return { name, holder, token, expiresAt, since: now };
        })
        .immediate(),
    );
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.assertOpen();
    validateKey(name, 'lease name');
    validateKey(holder, 'lease holder');
    this.guard(() =>
      this.db
        .transaction(() => {
          const row = this.stmt.getLease.get(name) as LeaseRow | undefined;
          if (row && row[0] === holder) this.stmt.putLease.run(name, holder, row[1], 0, row[3]);
        })
        .immediate(),
    );
  }

  async getLease(name: string): Promise<Lease | undefined> {
    this.assertOpen();
    validateKey(name, 'lease name');
    const row = this.guard(() => this.stmt.getLease.get(name) as LeaseRow | undefined);
    return row ? { name, holder: row[0], token: row[1], expiresAt: row[2], since: row[3] } : undefined;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.guard(() => this.stmt.ping.get());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handles.clear();
    this.db.close();
  }

  /** Validates a read's target and returns its table; unknown tables read as empty. */
  private readTable(generation: number, collection: string): string {
    this.assertOpen();
    validateGeneration(generation);
    validateCollectionName(collection);
    return tableName(collection, generation);
  }

  /** Runs a read on a table's handle; a table that does not exist (or was just dropped elsewhere) reads as `empty`. */
  private read<R>(table: string, empty: R, fn: (handle: TableHandle) => R): R {
    return this.guard(() => {
      this.refreshCatalog();
      const handle = this.handleOf(table);
      if (!handle) return empty;
      try {
        return fn(handle);
      } catch (error) {
        if (!isMissingTable(error)) throw error;
        this.handles.delete(table);
        return empty;
      }
    });
  }

  /** Drops cached handles when another connection changed the catalog. Runs inside the write transaction. */
  private refreshCatalog(): void {
    const version = this.stmt.catalogVersion.get() as bigint;
    if (version !== this.catalogVersion) {
      this.handles.clear();
      this.catalogVersion = version;
    }
  }

  private handleOf(table: string): TableHandle | undefined {
    const cached = this.handles.get(table);
    if (cached) return cached;
    const spec = this.stmt.spec.get(table) as SpecRow | undefined;
    if (!spec) return undefined;
    const handle = this.prepareHandle(table, JSON.parse(spec[0]) as string[], spec[1] === 1, spec[2] === 1);
    this.handles.set(table, handle);
    return handle;
  }

  private upsert(handle: TableHandle): Database.Statement<RowParams> {
    // Row values compare lexicographically: (commit, prepare) strictly after the stored pair.
    handle.upsertStatement ??= this.db.prepare<RowParams>(
      `INSERT INTO "${handle.table}" (id, "commit", "prepare", deleted, body, terms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET
         "commit" = excluded."commit", "prepare" = excluded."prepare",
         deleted = excluded.deleted, body = excluded.body, terms = excluded.terms
       WHERE (excluded."commit", excluded."prepare") > ("commit", "prepare")`,
    );
    return handle.upsertStatement;
  }

  private insertNew(handle: TableHandle): Database.Statement<RowParams> {
    handle.insertNewStatement ??= this.db.prepare<RowParams>(
      `INSERT INTO "${handle.table}" (id, "commit", "prepare", deleted, body, terms) VALUES (?, ?, ?, ?, ?, ?)
       ${handle.filling ? '' : 'ON CONFLICT (id) DO NOTHING'}`,
    );
    return handle.insertNewStatement;
  }

  private prepareHandle(
    table: string,
    indexes: string[],
    insertOnly: boolean,
    filling: boolean,
  ): TableHandle {
    const db = this.db;
    const t = `"${table}"`;
    const rows = <P extends unknown[]>(sql: string) => db.prepare<P>(sql).raw(true).safeIntegers(true);
    const columns = 'id, "commit", "prepare", deleted, body';
    return {
      table,
      indexes,
      insertOnly,
      filling,
      head: rows<[string]>(`SELECT "commit", "prepare", deleted, terms FROM ${t} WHERE id = ?`),
      getOne: rows<[string]>(`SELECT ${columns} FROM ${t} WHERE id = ?`),
      listAfter: rows<[string, number]>(
        `SELECT ${columns} FROM ${t} WHERE id > ? AND deleted = 0 ORDER BY id LIMIT ?`,
      ),
      listAfterBefore: rows<[string, string, number]>(
        `SELECT ${columns} FROM ${t} WHERE id > ? AND id < ? AND deleted = 0 ORDER BY id LIMIT ?`,
      ),
      listFrom: rows<[string, number]>(
        `SELECT ${columns} FROM ${t} WHERE id >= ? AND deleted = 0 ORDER BY id LIMIT ?`,
      ),
      listFromBefore: rows<[string, string, number]>(
        `SELECT ${columns} FROM ${t} WHERE id >= ? AND id < ? AND deleted = 0 ORDER BY id LIMIT ?`,
      ),
      find: rows<[string, string, string, number]>(
        `SELECT d.id, d."commit", d."prepare", d.deleted, d.body
         FROM "${table}_terms" x JOIN ${t} d ON d.id = x.id
         WHERE x.field = ? AND x.value = ? AND x.id > ? AND d.deleted = 0
         ORDER BY x.id LIMIT ?`,
      ),
      insertTerms: [],
      insertTerm: db.prepare<[string, string, string]>(
        `INSERT INTO "${table}_terms" (field, value, id) VALUES (?, ?, ?)`,
      ),
      deleteTerm: db.prepare<[string, string, string]>(
        `DELETE FROM "${table}_terms" WHERE field = ? AND value = ? AND id = ?`,
      ),
    };
  }

  private guard<R>(fn: () => R): R {
    try {
      return fn();
    } catch (error) {
      throw transientAsUnavailable(error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new DocumentStoreUnavailableError('SQLite document store is closed', false);
  }
}

function toStored<T extends Doc>(row: DocRow): StoredDoc<T> {
  return { id: row[0], position: { commit: row[1], prepare: row[2] }, doc: JSON.parse(row[4]!) as T };
}

function notAWrite(index: number): DocumentRequestError {
  return new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', `write #${index} is not a write`);
}

function unknownCollection(collection: string, generation: number, index: number): DocumentRequestError {
  return new DocumentRequestError(
    'DOCUMENT_COLLECTION_UNKNOWN',
    `write #${index} to ${collection}: generation ${generation} has no such collection (call ensure first)`,
  );
}

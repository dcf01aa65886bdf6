/**
 * The two long steps of `finishFill`, and `drop`'s `DROP TABLE`s (which visit every
 * page of a table), each run on a connection of its own in a worker thread, so the
 * process's event loop (the API, when an admin starts a rebuild) keeps running
 * throughout: an insert-only table's unique id index (one `CREATE UNIQUE INDEX`,
 * which holds the write lock while it sorts), and a table's term rows. The same worker
 * runs the one VACUUM that turns incremental vacuum on in a file made without it
 * (`vacuum`, see the store's header, "Space"). The term rows:
 *
 * 1. Every term row of the table's documents is written, sorted by the terms' key
 *    (field, value, id), into a scratch file beside the store: one statement. It
 *    only reads the store (a WAL snapshot), so it holds no lock other connections
 *    wait for.
 * 2. The sorted rows are copied into the `_terms` table in slices of `chunkRows`, one
 *    short write transaction each. Each slice lands after the previous one in the
 *    B-tree: pages are filled in order instead of rewritten at random.
 *
 * Before this, `finishFill` inserted the terms of 20,000 documents per transaction,
 * sorted within the step only. Every step then wrote across the whole B-tree, and
 * the time grew much faster than the rows (bench/RESULTS.md, Projector, "finishFill
 * in linear time": 400,000 accounts' terms 124.1 s before, 52.7 s after).
 *
 * A repeated run (after a crash) inserts nothing twice (`INSERT OR IGNORE`), and a
 * scratch file left by a crash is replaced. SQLite may spill the sort to its temp
 * directory (`SQLITE_TMPDIR`, else `TMPDIR`, else `/var/tmp` or `/tmp`).
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface FillStep {
  /** `index-ids`: the unique id index; `terms`: the term rows; `drop`: the table, its terms and indexes; `vacuum`: incremental vacuum on (table unused). */
  step: 'index-ids' | 'terms' | 'drop' | 'vacuum';
  /** The store's file; the terms' scratch file is `<file>.fill-<table>`. */
  file: string;
  /** The documents' table (validated name); its terms go to `<table>_terms`. */
  table: string;
  busyTimeoutMs: number;
  /** Sorted term rows copied per write transaction. */
  chunkRows: number;
}

export interface FillStepResult {
  /** Term rows built (0 for the id index). */
  rows: number;
}

/**
 * The worker's code. Plain JavaScript, run with `eval`, so the same source runs
 * from the build and under the test runner (which cannot load a `.ts` worker).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { rmSync } = require('node:fs');
const Database = require(workerData.driver);
const { step, file, table, busyTimeoutMs, chunkRows, scratch } = workerData;
let db;
try {
  db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma('synchronous = NORMAL');
  const done = { 'index-ids': indexIds, terms, drop, vacuum }[step];
  parentPort.postMessage({ rows: done() });
} catch (error) {
  parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
} finally {
  if (db && db.open) db.close();
  rmSync(scratch, { force: true });
}

function indexIds() {
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS "' + table + '_id" ON "' + table + '" (id)');
  return 0;
}

// One statement (one write transaction) each: another connection's write waits for one of them.
function drop() {
  db.exec('DROP INDEX IF EXISTS "' + table + '_id"');
  db.exec('DROP TABLE IF EXISTS "' + table + '_terms"');
  db.exec('DROP TABLE IF EXISTS "' + table + '"');
  return 0;
}

function vacuum() {
  db.pragma('auto_vacuum = INCREMENTAL');
  db.exec('VACUUM');
  return 0;
}

function terms() {
  for (const f of [scratch, scratch + '-journal']) rmSync(f, { force: true });
  db.prepare('ATTACH DATABASE ? AS fill').run(scratch);
  db.exec('PRAGMA fill.journal_mode = OFF; PRAGMA fill.synchronous = OFF;');
  db.exec('CREATE TABLE fill.terms (field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL)');
  db.exec(
    'INSERT INTO fill.terms (field, value, id) ' +
      "SELECT f.value, json_extract(d.terms, '$[' || (f.key + 1) || ']'), d.id " +
      'FROM main."' + table + '" d, json_each(d.terms) f ' +
      'WHERE d.deleted = 0 AND d.terms IS NOT NULL AND f.key % 2 = 0 ORDER BY 1, 2, 3',
  );
  const rows = db.prepare('SELECT count(*) FROM fill.terms').pluck().get();
  const copy = db.prepare(
    'INSERT OR IGNORE INTO main."' + table + '_terms" (field, value, id) ' +
      'SELECT field, value, id FROM fill.terms WHERE rowid > ? AND rowid <= ? ORDER BY rowid',
  );
  const slice = db.transaction((from) => copy.run(from, from + chunkRows));
  for (let from = 0; from < rows; from += chunkRows) slice.immediate(from);
  db.exec('DETACH DATABASE fill');
  return rows;
}
`;

/** An error from the worker, with SQLite's code kept so the store can tell a busy file or a duplicate id from a fault. */
export class FillStepError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'FillStepError';
  }
}

export function runFillStep(job: FillStep): Promise<FillStepResult> {
  const scratch = `${job.file}.fill-${job.table}`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...job, scratch, driver: require.resolve('better-sqlite3') },
    });
    let answer: { rows?: number; error?: { message: string; code?: string } } | undefined;
    worker.once('message', (m: typeof answer) => (answer = m));
    worker.once('error', (error) => {
      answer = { error: { message: error.message } };
    });
    worker.once('exit', (exitCode) => {
      if (answer?.rows !== undefined) return resolve({ rows: answer.rows });
      // A worker that died without a word (out of memory) leaves its scratch file behind.
      rmSync(scratch, { force: true });
      const error = answer?.error ?? { message: `the fill worker stopped (exit code ${exitCode})` };
      const what =
        job.step === 'vacuum'
          ? 'turning incremental vacuum on (VACUUM)'
          : `${job.step === 'drop' ? 'dropping' : job.step === 'terms' ? 'building the terms of' : 'building the id index of'} ${job.table}`;
      reject(new FillStepError(`${what}: ${error.message}`, error.code));
    });
  });
}

/**
 * WAL checkpoints off the event loop: a worker thread with a connection of its own to
 * one SQLite file copies the write-ahead log into the database while the process's
 * writer keeps committing.
 *
 * Why: SQLite's automatic checkpoint runs inside the commit that crosses
 * `wal_autocheckpoint` pages, on the connection that committed, i.e. on the event
 * loop. With the event store's 10,000 pages a code-step load set one off every ~2.5 s,
 * each copying tens of MB and fsyncing the file (300–416 ms with the loop held); the
 * session store's default 1,000 pages set one off several times a second (a session
 * insert then cost ~170–220 µs of loop time on average against ~46–88 µs without).
 *
 * How, every `intervalMs`:
 * 1. a `PASSIVE` checkpoint: copies every frame committed so far that no reader still
 *    needs, taking no lock a writer or reader waits for;
 * 2. once the log holds `restartPages` frames or more, it is brought back to its
 *    start. A passive checkpoint alone never does that under a steady write load: the
 *    log restarts only when a writer begins while every frame is already copied, and
 *    frames keep arriving while a checkpoint runs (a test left the log at 343 MB). So
 *    up to `catchUpPasses` more passive passes shrink what is left to copy (each pass
 *    copies what arrived during the one before), then a `RESTART` checkpoint copies the
 *    rest while holding the write lock and waits (at most `restartBusyMs`) for readers
 *    to leave the log; the next commit then writes from the start of the file. The
 *    writer waits only for that last short copy and the database's fsync. Busy (a
 *    long reader, another process's checkpoint): nothing is lost, the next tick tries
 *    again.
 *
 * The writer's own automatic checkpoint stays on as a backstop at a higher threshold
 * (the caller sets it): if this worker cannot keep up or has died, the log is still
 * bounded as before.
 *
 * Durability is not touched: a checkpoint only copies frames that are already
 * committed (and, with `synchronous=FULL`, synced); SQLite syncs the log before
 * copying and the database before the log may restart, whichever connection runs it.
 *
 * `close()` stops the timer, lets a checkpoint in progress finish, closes the
 * worker's connection and ends the thread. The thread does not keep the process alive.
 */
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** Time between two checkpoints (250 ms). */
  intervalMs?: number;
  /** Log length (frames, i.e. pages) from which the log is brought back to its start (8,192: 32 MiB of 4 KiB pages). */
  restartPages?: number;
  /** The restart waits until at most this many frames are left to copy (256)… */
  catchUpPages?: number;
  /** …taking at most this many more passive passes to get there (4). */
  catchUpPasses?: number;
  /** How long the restart waits for the write lock and for readers to leave the log (50 ms). */
  restartBusyMs?: number;
  /** SQLite `journal_size_limit` of the worker's connection, in bytes (64 MiB): a restarted log longer than this is truncated. */
  journalSizeLimit?: number;
}

export interface WalCheckpointerStats {
  /** Checkpoint calls that copied frames, or found nothing left to copy (passive and restart). */
  checkpoints: number;
  /** Restart checkpoints that completed: after each, the next commit writes from the start of the log. */
  restarts: number;
  /** Restart checkpoints refused for a busy lock or a reader that stayed (tried again at the next tick). */
  busy: number;
  /** Frames in the log at the last checkpoint (since its last restart). */
  logPages: number;
  /** The last error a checkpoint threw (the worker goes on at the next tick), if any. */
  lastError?: string;
  /** false once the thread has ended (closed, or died). */
  running: boolean;
}

/**
 * The worker's code. Plain JavaScript run with `eval`, so the same source runs from the
 * build and under the test runner (which cannot load a `.ts` worker).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const o = workerData;
const db = new Database(o.file, { timeout: 0, fileMustExist: true });
db.pragma('journal_size_limit = ' + o.journalSizeLimit);
db.pragma('wal_autocheckpoint = 0');
const stats = { checkpoints: 0, restarts: 0, busy: 0, logPages: 0 };
// The log's length right after the last restart: nothing written since, nothing to restart again.
let restartedAt = -1;
let timer;
let stopping = false;
function checkpoint(mode) {
  const row = db.pragma('wal_checkpoint(' + mode + ')')[0];
  stats.checkpoints++;
  stats.logPages = row.log;
  return row;
}
function tick() {
  timer = undefined;
  try {
    let r = checkpoint('PASSIVE');
    if (r.log >= o.restartPages && !(r.log === restartedAt && r.checkpointed === r.log)) {
      for (let i = 0; i < o.catchUpPasses && r.log - r.checkpointed > o.catchUpPages; i++) r = checkpoint('PASSIVE');
      db.pragma('busy_timeout = ' + o.restartBusyMs);
      try {
        r = checkpoint('RESTART');
      } finally {
        db.pragma('busy_timeout = 0');
      }
      if (r.busy === 0) {
        stats.restarts++;
        restartedAt = r.log;
      } else stats.busy++;
    }
    delete stats.lastError;
  } catch (error) {
    stats.lastError = String((error && error.message) || error);
  }
  parentPort.postMessage(stats);
  if (!stopping) timer = setTimeout(tick, o.intervalMs);
}
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  stopping = true;
  if (timer !== undefined) clearTimeout(timer);
  db.close();
  parentPort.close();
});
timer = setTimeout(tick, o.intervalMs);
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly ended: Promise<void>;
  private current: WalCheckpointerStats = {
    checkpoints: 0,
    restarts: 0,
    busy: 0,
    logPages: 0,
    running: true,
  };

  /** Starts the worker on `file` (a WAL database that already exists). */
  static start(file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
    return new WalCheckpointer(file, options);
  }

  private constructor(file: string, options: WalCheckpointerOptions) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver: require.resolve('better-sqlite3'),
        intervalMs: options.intervalMs ?? 250,
        restartPages: options.restartPages ?? 8_192,
        catchUpPages: options.catchUpPages ?? 256,
        catchUpPasses: options.catchUpPasses ?? 4,
        restartBusyMs: options.restartBusyMs ?? 50,
        journalSizeLimit: options.journalSizeLimit ?? 64 * 1024 * 1024,
      },
    });
    this.worker.on('message', (stats: Omit<WalCheckpointerStats, 'running'>) => {
      this.current = { ...stats, running: true };
    });
    this.ended = new Promise((resolve) => {
      this.worker.once('error', (error) => {
        this.current = { ...this.current, lastError: error.message };
      });
      this.worker.once('exit', () => {
        this.current = { ...this.current, running: false };
        resolve();
      });
    });
    // Unreferenced after its listeners are on: adding a 'message' listener references the
    // worker's port again, and a store never closed (a test's, a CLI's) kept its process alive.
    this.worker.unref();
  }

  /** What the worker reported after its last checkpoint. */
  stats(): WalCheckpointerStats {
    return { ...this.current };
  }

  /** Stops checkpointing (a checkpoint under way finishes first) and ends the thread. */
  async close(): Promise<void> {
    // Referenced again while it stops, so that the process waits for it (and for the caller after it).
    this.worker.ref();
    if (this.current.running) this.worker.postMessage('stop');
    await this.ended;
  }
}

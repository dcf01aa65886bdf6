/**
 * The embedded session store: one SQLite file (`DATA_DIR/sessions.sqlite`), shared by
 * the API processes of one machine. See the port for the rules.
 */
import Database from 'better-sqlite3';
import { WalCheckpointer } from '@portal/event-store';
import {
  checkNewSession,
  checkText,
  checkTime,
  checkTimeouts,
  DEFAULT_TIMEOUTS,
  type NewSession,
  type Session,
  SessionExistsError,
  type SessionStore,
  type SessionTimeouts,
} from './session-store.port';

interface SessionRow {
  session_id: string;
  account_id: string;
  created_at: number;
  last_seen_at: number;
  must_change_password: number;
}

/**
 * Duck-typed, not `instanceof SqliteError`: better-sqlite3's native binding keeps the class
 * of the first module instance that loaded it (another realm under Jest's registries).
 */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class SqliteSessionStore implements SessionStore {
  private readonly db: Database.Database;
  readonly timeouts: SessionTimeouts;
  private readonly statements;
  private readonly checkpointer: WalCheckpointer;

  constructor(file: string, timeouts: SessionTimeouts = DEFAULT_TIMEOUTS) {
    this.timeouts = checkTimeouts(timeouts);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // Durability by what a loss would mean. A new session or a touch that a power cut
    // takes back (the last commits before it, never a process crash) costs a member one
    // more sign-in, or a session that ends a little sooner: safe. So they commit without
    // waiting for the disk (WAL, synchronous NORMAL: ~30 µs instead of ~280 µs of fsync on
    // the event loop, every sign-in and every signed-in request). A revocation coming
    // back would revive a session after a logout or password change: revoke and
    // revokeAllFor wait for the disk (synchronous FULL), which also makes every earlier
    // commit durable.
    this.db.pragma('synchronous = NORMAL');
    // Every sign-in is a commit of ~5 pages (three random-key indexes): at 2,000 a second,
    // SQLite's own checkpoint every 1,000 pages ran on the event loop several times a second.
    // A worker thread checkpoints instead (see WalCheckpointer); this one is a backstop.
    this.db.pragma('wal_autocheckpoint = 32768');
    this.db.pragma('journal_size_limit = 67108864');
    this.db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      token_hash   TEXT PRIMARY KEY,
      session_id   TEXT NOT NULL UNIQUE,
      account_id   TEXT NOT NULL,
      created_at   INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      must_change_password INTEGER NOT NULL,
      revoked_at   INTEGER
    ) STRICT;
    CREATE INDEX IF NOT EXISTS sessions_account ON sessions (account_id)`);
    this.statements = {
      insert: this.db.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, NULL)'),
      // One statement, so another process sharing the file cannot revoke or expire the
      // session between the check and the update.
      touch: this.db.prepare(
        `UPDATE sessions SET last_seen_at = ?
         WHERE token_hash = ? AND revoked_at IS NULL AND last_seen_at > ? AND created_at > ?
         RETURNING session_id, account_id, created_at, last_seen_at, must_change_password`,
      ),
      revoke: this.db.prepare(
        'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
      ),
      revokeAll: this.db.prepare(
        'UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL',
      ),
      ping: this.db.prepare('SELECT 1'),
    };
    this.checkpointer = WalCheckpointer.start(file);
  }

  async create(tokenHash: string, s: NewSession): Promise<void> {
    checkNewSession(tokenHash, s);
    try {
      this.statements.insert.run(
        tokenHash,
        s.sessionId,
        s.accountId,
        s.createdAt,
        s.createdAt,
        s.mustChangePassword ? 1 : 0,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new SessionExistsError();
      throw error;
    }
  }

  async touch(tokenHash: string, now: number): Promise<Session | undefined> {
    checkText(tokenHash, 'tokenHash');
    checkTime(now, 'now');
    const row = this.statements.touch.get(
      now,
      tokenHash,
      now - this.timeouts.idleMs,
      now - this.timeouts.absoluteMs,
    ) as SessionRow | undefined;
    if (!row) return undefined;
    return {
      sessionId: row.session_id,
      accountId: row.account_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      mustChangePassword: row.must_change_password === 1,
    };
  }

  async revoke(tokenHash: string, now: number): Promise<void> {
    checkText(tokenHash, 'tokenHash');
    checkTime(now, 'now');
    this.durably(() => this.statements.revoke.run(now, tokenHash));
  }

  async revokeAllFor(accountId: string, now: number): Promise<number> {
    checkText(accountId, 'accountId');
    checkTime(now, 'now');
    return this.durably(() => this.statements.revokeAll.run(now, accountId).changes);
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    await this.checkpointer.close();
    if (this.db.open) this.db.close();
  }

  /** Runs one write that must survive a power cut: its commit waits for the disk. */
  private durably<T>(write: () => T): T {
    this.db.pragma('synchronous = FULL');
    try {
      return write();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }
}

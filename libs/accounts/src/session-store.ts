/**
 * The embedded session store: one SQLite file (`DATA_DIR/sessions.sqlite`), for
 * `npm start` and a single API process. See the port for the rules.
 */
import Database from 'better-sqlite3';
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
  private readonly timeouts: SessionTimeouts;

  constructor(file: string, timeouts: SessionTimeouts = DEFAULT_TIMEOUTS) {
    this.timeouts = checkTimeouts(timeouts);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
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
  }

  async create(tokenHash: string, s: NewSession): Promise<void> {
    checkNewSession(tokenHash, s);
    try {
      this.db
        .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, NULL)')
        .run(tokenHash, s.sessionId, s.accountId, s.createdAt, s.createdAt, s.mustChangePassword ? 1 : 0);
    } catch (error) {
      if (isUniqueViolation(error)) throw new SessionExistsError();
      throw error;
    }
  }

  async touch(tokenHash: string, now: number): Promise<Session | undefined> {
    checkText(tokenHash, 'tokenHash');
    checkTime(now, 'now');
    // One statement, so another process sharing the file cannot revoke or expire the
    // session between the check and the update.
    const row = this.db
      .prepare(
        `UPDATE sessions SET last_seen_at = ?
         WHERE token_hash = ? AND revoked_at IS NULL AND last_seen_at > ? AND created_at > ?
         RETURNING session_id, account_id, created_at, last_seen_at, must_change_password`,
      )
      .get(now, tokenHash, now - this.timeouts.idleMs, now - this.timeouts.absoluteMs) as
      SessionRow | undefined;
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
    this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
      .run(now, tokenHash);
  }

  async revokeAllFor(accountId: string, now: number): Promise<number> {
    checkText(accountId, 'accountId');
    checkTime(now, 'now');
    return this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL')
      .run(now, accountId).changes;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

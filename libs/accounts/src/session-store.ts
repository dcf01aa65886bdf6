/**
 * Signed-in sessions. Only a hash of each token is stored; a session ends at its
 * idle or absolute timeout, on logout, and for every session of an account when
 * the account's password changes or it is locked, reset or deactivated.
 */
import Database from 'better-sqlite3';

export interface Session {
  sessionId: string;
  accountId: string;
  createdAt: number;
  lastSeenAt: number;
  mustChangePassword: boolean;
}

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

export class SqliteSessionStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly timeouts: SessionTimeouts = DEFAULT_TIMEOUTS,
  ) {
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

  create(tokenHash: string, s: Omit<Session, 'lastSeenAt'>): void {
    this.db
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(tokenHash, s.sessionId, s.accountId, s.createdAt, s.createdAt, s.mustChangePassword ? 1 : 0);
  }

  /** The live session for this token (its idle clock restarted), or undefined. */
  touch(tokenHash: string, now: number): Session | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as
      | {
          session_id: string;
          account_id: string;
          created_at: number;
          last_seen_at: number;
          must_change_password: number;
          revoked_at: number | null;
        }
      | undefined;
    if (!row || row.revoked_at !== null) return undefined;
    if (now - row.last_seen_at >= this.timeouts.idleMs || now - row.created_at >= this.timeouts.absoluteMs)
      return undefined;
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
    return {
      sessionId: row.session_id,
      accountId: row.account_id,
      createdAt: row.created_at,
      lastSeenAt: now,
      mustChangePassword: row.must_change_password === 1,
    };
  }

  revoke(tokenHash: string, now: number): void {
    this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
      .run(now, tokenHash);
  }

  revokeAllFor(accountId: string, now: number): number {
    return this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL')
      .run(now, accountId).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { type DataKeyStore, KeyErasedError } from './data-key-store';
import { decrypt, encrypt } from './key-wrap';

/** The embedded key store: a table in a SQLite file (WAL, synchronous FULL). */
export class SqliteDataKeyStore implements DataKeyStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly select: Database.Statement<[string]>;
  private readonly shred: Database.Statement<[string, string]>;

  constructor(
    file: string,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
      account_id TEXT PRIMARY KEY,
      wrapped    BLOB,
      erased_at  TEXT
    ) STRICT`);
    // Of two creators racing, the first insert wins and both read the same row back.
    this.insert = this.db.prepare('INSERT OR IGNORE INTO data_keys (account_id, wrapped) VALUES (?, ?)');
    this.select = this.db.prepare('SELECT wrapped, erased_at FROM data_keys WHERE account_id = ?');
    this.shred = this.db.prepare(
      `INSERT INTO data_keys (account_id, wrapped, erased_at) VALUES (?, NULL, ?)
       ON CONFLICT (account_id) DO UPDATE SET wrapped = NULL, erased_at = COALESCE(erased_at, excluded.erased_at)`,
    );
  }

  async getOrCreate(accountId: string): Promise<Buffer> {
    this.insert.run(accountId, encrypt(this.masterKey, randomBytes(32), accountId));
    const key = await this.get(accountId);
    if (key === 'erased') throw new KeyErasedError(accountId);
    if (key === undefined) throw new Error(`No data key stored for account ${accountId}`);
    return key;
  }

  async get(accountId: string): Promise<Buffer | 'erased' | undefined> {
    const row = this.select.get(accountId) as
      { wrapped: Buffer | null; erased_at: string | null } | undefined;
    if (!row) return undefined;
    if (row.erased_at !== null || row.wrapped === null) return 'erased';
    return decrypt(this.masterKey, row.wrapped, accountId);
  }

  async erase(accountId: string): Promise<void> {
    this.shred.run(accountId, new Date().toISOString());
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

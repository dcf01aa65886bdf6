import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  type DataKeyStore,
  KeyErasedError,
  type KeyStatus,
  type RewrapOptions,
  type RewrapResult,
  rewrapBatchSize,
} from './data-key-store';
import { MasterKeyRing, MasterKeyUnavailableError } from './master-keys';

interface Row {
  account_id: string;
  wrapped: Buffer | null;
  master_key_id: string | null;
  erased_at: string | null;
}

/** The embedded key store: a table in a SQLite file (WAL, synchronous FULL). */
export class SqliteDataKeyStore implements DataKeyStore {
  private readonly db: Database.Database;
  private readonly keys: MasterKeyRing;
  private readonly insert: Database.Statement<[string, Buffer, string]>;
  private readonly select: Database.Statement<[string]>;
  private readonly shred: Database.Statement<[string, string]>;

  /** @param masterKeys the ring (current and previous master keys), or a bare key for stores that never rotate */
  constructor(file: string, masterKeys: Buffer | MasterKeyRing) {
    this.keys = MasterKeyRing.from(masterKeys);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    // Of two creators racing, the first insert wins and both read the same row back.
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO data_keys (account_id, wrapped, master_key_id) VALUES (?, ?, ?)',
    );
    this.select = this.db.prepare(
      'SELECT account_id, wrapped, master_key_id, erased_at FROM data_keys WHERE account_id = ?',
    );
    this.shred = this.db.prepare(
      `INSERT INTO data_keys (account_id, wrapped, master_key_id, erased_at) VALUES (?, NULL, NULL, ?)
       ON CONFLICT (account_id) DO UPDATE SET wrapped = NULL, master_key_id = NULL,
         erased_at = COALESCE(erased_at, excluded.erased_at)`,
    );
  }

  /**
   * Files written before master-key ids were recorded get the column, and each key
   * the id of the configured master key that opens it. One immediate transaction, so
   * the api, projector and worker opening the file together migrate it once. A key
   * no configured master key opens keeps a NULL id and fails on read, naming the setting.
   */
  private migrate(): void {
    this.db
      .transaction(() => {
        this.db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
          account_id    TEXT PRIMARY KEY,
          wrapped       BLOB,
          erased_at     TEXT,
          master_key_id TEXT
        ) STRICT`);
        const columns = this.db.prepare('PRAGMA table_info(data_keys)').all() as Array<{ name: string }>;
        if (!columns.some((c) => c.name === 'master_key_id'))
          this.db.exec('ALTER TABLE data_keys ADD COLUMN master_key_id TEXT');
        this.db.exec(
          'CREATE INDEX IF NOT EXISTS data_keys_master_key_id ON data_keys (master_key_id) WHERE wrapped IS NOT NULL',
        );
        const unmarked = this.db
          .prepare(
            'SELECT account_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL AND master_key_id IS NULL',
          )
          .all() as Array<{ account_id: string; wrapped: Buffer }>;
        const mark = this.db.prepare('UPDATE data_keys SET master_key_id = ? WHERE account_id = ?');
        for (const row of unmarked) {
          const id = this.keys.identify(row.account_id, row.wrapped);
          if (id !== undefined) mark.run(id, row.account_id);
        }
      })
      .immediate();
  }

  async getOrCreate(accountId: string): Promise<Buffer> {
    const { masterKeyId, wrapped } = this.keys.wrap(accountId, randomBytes(32));
    this.insert.run(accountId, wrapped, masterKeyId);
    const key = await this.get(accountId);
    if (key === 'erased') throw new KeyErasedError(accountId);
    if (key === undefined) throw new Error(`No data key stored for account ${accountId}`);
    return key;
  }

  async get(accountId: string): Promise<Buffer | 'erased' | undefined> {
    const row = this.select.get(accountId) as Row | undefined;
    if (!row) return undefined;
    if (row.erased_at !== null || row.wrapped === null) return 'erased';
    return this.unwrap(row.account_id, row.master_key_id, row.wrapped);
  }

  private unwrap(accountId: string, masterKeyId: string | null, wrapped: Buffer): Buffer {
    if (masterKeyId === null) throw new MasterKeyUnavailableError(accountId, undefined);
    return this.keys.unwrap(accountId, { masterKeyId, wrapped });
  }

  async erase(accountId: string): Promise<void> {
    this.shred.run(accountId, new Date().toISOString());
  }

  async status(): Promise<KeyStatus> {
    const rows = this.db
      .prepare(
        `SELECT CASE WHEN wrapped IS NULL THEN 'erased' WHEN master_key_id IS NULL THEN 'unrecorded' ELSE 'live' END AS kind,
                master_key_id, COUNT(*) AS n
           FROM data_keys GROUP BY kind, master_key_id`,
      )
      .all() as Array<{ kind: 'erased' | 'unrecorded' | 'live'; master_key_id: string | null; n: number }>;
    const status: KeyStatus = { current: this.keys.current.id, byMasterKey: {}, unrecorded: 0, erased: 0 };
    for (const row of rows) {
      if (row.kind === 'live') status.byMasterKey[row.master_key_id!] = row.n;
      else status[row.kind] += row.n;
    }
    return status;
  }

  async rewrap(options?: RewrapOptions): Promise<RewrapResult> {
    const batchSize = rewrapBatchSize(options);
    const current = this.keys.current.id;
    const pending = `wrapped IS NOT NULL AND erased_at IS NULL AND (master_key_id IS NULL OR master_key_id <> ?)`;
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM data_keys WHERE ${pending}`).get(current) as { n: number }
    ).n;
    const page = this.db.prepare(
      `SELECT account_id, wrapped, master_key_id, erased_at FROM data_keys
        WHERE ${pending} AND account_id > ? ORDER BY account_id LIMIT ?`,
    );
    // Compare-and-set on the old wrapping: a key erased or re-wrapped by another process since the page was read is left alone.
    const swap = this.db.prepare(
      `UPDATE data_keys SET wrapped = ?, master_key_id = ?
        WHERE account_id = ? AND wrapped = ? AND master_key_id IS ? AND erased_at IS NULL`,
    );
    const progress = { rewrapped: 0, skipped: 0, total };
    let after = '';
    for (;;) {
      // Each page is one transaction; between pages the service's readers and writers get the file.
      const done = this.db
        .transaction(() => {
          const rows = page.all(current, after, batchSize) as Array<Row & { wrapped: Buffer }>;
          for (const row of rows) {
            const next = this.keys.wrap(
              row.account_id,
              this.unwrap(row.account_id, row.master_key_id, row.wrapped),
            );
            const changed = swap.run(
              next.wrapped,
              next.masterKeyId,
              row.account_id,
              row.wrapped,
              row.master_key_id,
            ).changes;
            if (changed === 1) progress.rewrapped++;
            else progress.skipped++;
          }
          if (rows.length > 0) after = rows[rows.length - 1].account_id;
          return rows.length < batchSize;
        })
        .immediate();
      await options?.onProgress?.({ ...progress });
      if (done) return progress;
    }
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

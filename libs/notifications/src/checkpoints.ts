/**
 * Where a subscriber (the delivery reactor, later the projector) keeps the position
 * of the last event it finished with. The SQLite adapter is one small table in a
 * file under DATA_DIR.
 */
import Database from 'better-sqlite3';
import { formatPosition, parsePosition, type Position } from '@portal/event-store';

export interface CheckpointStore {
  load(name: string): Promise<Position | undefined>;
  save(name: string, position: Position): Promise<void>;
  close(): Promise<void>;
}

export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly get;
  private readonly put;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL, saved_at TEXT NOT NULL)',
    );
    this.get = this.db.prepare<[string], { position: string }>(
      'SELECT position FROM checkpoints WHERE name = ?',
    );
    this.put = this.db.prepare<[string, string, string]>(
      'INSERT INTO checkpoints (name, position, saved_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET position = excluded.position, saved_at = excluded.saved_at',
    );
  }

  async load(name: string): Promise<Position | undefined> {
    const row = this.get.get(name);
    return row ? parsePosition(row.position) : undefined;
  }

  async save(name: string, position: Position): Promise<void> {
    this.put.run(name, formatPosition(position), new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

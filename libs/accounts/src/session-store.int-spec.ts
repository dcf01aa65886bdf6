import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteSessionStore } from './session-store';
import { describeSessionStoreContract } from './testing/session-store.contract';

describeSessionStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sessions-'));
  const opened: SqliteSessionStore[] = [];
  return {
    open: async (timeouts) => {
      const store = new SqliteSessionStore(join(dir, 'sessions.sqlite'), timeouts);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteSessionStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sessions-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps sessions across a reopen of the file, and stores only the hash it was given', async () => {
    const file = join(dir, 'sessions.sqlite');
    const first = new SqliteSessionStore(file);
    const createdAt = Date.now();
    await first.create('hash-of-token', {
      sessionId: 's-1',
      accountId: 'acc-1',
      createdAt,
      mustChangePassword: false,
    });
    await first.close();
    await first.close();
    const again = new SqliteSessionStore(file);
    expect(await again.touch('hash-of-token', createdAt + 1)).toMatchObject({ sessionId: 's-1' });
    await again.close();
    const rows = new Database(file, { readonly: true }).prepare('SELECT token_hash FROM sessions').all();
    expect(rows).toEqual([{ token_hash: 'hash-of-token' }]);
  });
});

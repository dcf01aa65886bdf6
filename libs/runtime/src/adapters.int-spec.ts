import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoSessionStore, SqliteSessionStore } from '@portal/accounts';
import { loadConfig } from '@portal/config';
import { SqliteEventStore } from '@portal/event-store';
import { createAccounts } from './adapters';
import { DEMO_ROSTER } from './start';

describe('createAccounts picks the session store', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'adapters-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    DATA_DIR: dir,
    ROSTER_FILE: DEMO_ROSTER,
    HMAC_KEY: randomBytes(32).toString('base64'),
    MASTER_KEY: randomBytes(32).toString('base64'),
    ...extra,
  });

  it('shared by every API instance in MongoDB when MONGO_URL is set', async () => {
    // The driver connects on first use; nothing here uses it, so no server is needed.
    const { accounts, close } = createAccounts(
      loadConfig(env({ MONGO_URL: 'mongodb://127.0.0.1:1/portal' })),
      store,
    );
    expect(accounts.deps.sessions).toBeInstanceOf(MongoSessionStore);
    await close();
  });

  it('in DATA_DIR/sessions.sqlite otherwise, released by close', async () => {
    const { accounts, close } = createAccounts(loadConfig(env()), store);
    expect(accounts.deps.sessions).toBeInstanceOf(SqliteSessionStore);
    await accounts.deps.sessions.create('hash-1', {
      sessionId: 's-1',
      accountId: 'acc-1',
      createdAt: Date.now(),
      mustChangePassword: false,
    });
    await close();
    const reopened = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
    expect(await reopened.touch('hash-1', Date.now())).toMatchObject({ sessionId: 's-1' });
    await reopened.close();
  });
});

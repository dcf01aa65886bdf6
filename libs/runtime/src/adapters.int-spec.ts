import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoSessionStore, SqliteSessionStore } from '@portal/accounts';
import { loadConfig } from '@portal/config';
import { SqliteEventStore } from '@portal/event-store';
import { type SqliteDocumentStore } from '@portal/documents';
import type { MongoClient } from 'mongodb';
import { createAccounts, createEventStore, createStaffSessionStore } from './adapters';
import { createDocumentStore } from './read-models';
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
    const { sessions, close } = createAccounts(
      loadConfig(env({ MONGO_URL: 'mongodb://127.0.0.1:1/portal' })),
      store,
    );
    expect(sessions).toBeInstanceOf(MongoSessionStore);
    await close();
  });

  it('in DATA_DIR/sessions.sqlite otherwise, released by close', async () => {
    const { sessions, close } = createAccounts(loadConfig(env()), store);
    expect(sessions).toBeInstanceOf(SqliteSessionStore);
    await sessions.create('hash-1', {
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

describe('the staff console session store', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'adapters-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const config = (extra: Record<string, string> = {}) =>
    loadConfig({
      DATA_DIR: dir,
      ROSTER_FILE: DEMO_ROSTER,
      STAFF_SESSION_IDLE_SECONDS: '120',
      STAFF_SESSION_ABSOLUTE_SECONDS: '3600',
      ...extra,
    });

  it('is DATA_DIR/staff-sessions.sqlite, apart from the members’, at the staff timeouts', async () => {
    const events = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const { sessions, staffSessions, close } = createAccounts(config(), events);
    expect(staffSessions).toBeInstanceOf(SqliteSessionStore);
    expect(staffSessions.timeouts).toEqual({ idleMs: 120_000, absoluteMs: 3_600_000 });
    await staffSessions.create('hash-1', {
      sessionId: 's-1',
      accountId: 'sam.support',
      createdAt: Date.now(),
      mustChangePassword: false,
    });
    expect(await sessions.touch('hash-1', Date.now())).toBeUndefined();
    await close();
    await events.close();
    const reopened = new SqliteSessionStore(join(dir, 'staff-sessions.sqlite'));
    expect(await reopened.touch('hash-1', Date.now())).toMatchObject({ accountId: 'sam.support' });
    await reopened.close();
  });

  it('is the staff_sessions collection on the shared client when MONGO_URL is set', async () => {
    const asked: string[] = [];
    const db = {
      writeConcern: undefined,
      collection: (name: string) => {
        asked.push(name);
        return {};
      },
      command: async () => ({ ok: 1 }),
    };
    const client = { db: () => db } as unknown as MongoClient;
    const staff = createStaffSessionStore(config({ MONGO_URL: 'mongodb://127.0.0.1:1/portal' }), client);
    expect(staff).toBeInstanceOf(MongoSessionStore);
    expect(asked).toEqual(['staff_sessions']);
    expect(staff.timeouts).toEqual({ idleMs: 120_000, absoluteMs: 3_600_000 });
    await staff.close();
  });
});

describe('the embedded stores share SQLITE_CACHE_MIB', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'adapters-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const caches = async (env: Record<string, string>) => {
    const config = loadConfig({ DATA_DIR: dir, ROSTER_FILE: DEMO_ROSTER, ...env });
    if (config.eventStore.kind !== 'sqlite') throw new Error('expected the embedded event store');
    const events = createEventStore(config.eventStore) as SqliteEventStore;
    const docs = (await createDocumentStore(config)) as SqliteDocumentStore;
    const sizes = { events: events.diagnostics().cacheKiB, readModels: docs.diagnostics().cacheKiB };
    await events.close();
    await docs.close();
    return sizes;
  };

  it('a third for the event store, the rest for the read models: 32 + 64 MiB by default', async () => {
    expect(await caches({})).toEqual({ events: 32 * 1024, readModels: 64 * 1024 });
    expect(await caches({ SQLITE_CACHE_MIB: '24' })).toEqual({ events: 8 * 1024, readModels: 16 * 1024 });
  });
});

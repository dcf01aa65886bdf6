/**
 * `Accounts` on the embedded stores in a fresh temporary directory, for integration
 * tests: events, data keys and sessions in SQLite files, the demo roster, random keys.
 * A test may hand in its own hasher, wrap the session store (to hold or fail it) or
 * wrap the data-key store (to count unwraps).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@portal/event-store';
import { CsvRoster } from '@portal/roster';
import { PasswordHasher } from '@portal/security';
import { type DataKeyStore, SqliteDataKeyStore, Vault } from '@portal/vault';
import { Accounts, type AccountsDeps } from '../accounts';
import { SqliteSessionStore } from '../session-store';
import type { SessionStore } from '../session-store.port';

export const DEMO_ROSTER = join(__dirname, '..', '..', '..', 'roster', 'demo', 'roster.csv');

export interface TempAccounts<S extends SessionStore> {
  accounts: Accounts;
  /** What `accounts` was built with: a test builds another process's `Accounts` from it, or reaches its vault. */
  deps: AccountsDeps;
  store: SqliteEventStore;
  sessions: S;
  close(): Promise<void>;
}

export async function tempAccounts<S extends SessionStore = SqliteSessionStore>(
  options: {
    hasher?: PasswordHasher;
    sessions?: (inner: SqliteSessionStore) => S;
    keys?: (inner: DataKeyStore) => DataKeyStore;
  } = {},
): Promise<TempAccounts<S>> {
  const dir = await mkdtemp(join(tmpdir(), 'accounts-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
  const inner = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
  const sessions = options.sessions ? options.sessions(inner) : (inner as unknown as S);
  const deps: AccountsDeps = {
    store,
    vault: new Vault(options.keys ? options.keys(keys) : keys),
    hasher: options.hasher ?? new PasswordHasher(),
    sessions,
    roster: new CsvRoster(DEMO_ROSTER),
    hmacKey: randomBytes(32),
  };
  const accounts = new Accounts(deps);
  return {
    accounts,
    deps,
    store,
    sessions,
    async close() {
      await store.close();
      await sessions.close();
      await keys.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

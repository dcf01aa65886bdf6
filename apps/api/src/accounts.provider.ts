import { join } from 'node:path';
import { type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Accounts, OutboxLetters, OutboxMailer, SqliteSessionStore } from '@portal/accounts';
import type { AppConfig } from '@portal/config';
import type { EventStore } from '@portal/event-store';
import { CsvRoster } from '@portal/roster';
import { APP_CONFIG, EVENT_STORE } from '@portal/runtime';
import { PasswordHasher } from '@portal/security';
import { SqliteDataKeyStore, Vault } from '@portal/vault';

export const ACCOUNTS = Symbol('ACCOUNTS');

/**
 * The embedded adapters for the portal's own ports live under DATA_DIR. (Their
 * MongoDB, SMTP and rate-limit counterparts are still to come: see the issue notes.)
 */
export const accountsProvider: Provider = {
  provide: ACCOUNTS,
  inject: [APP_CONFIG, EVENT_STORE],
  useFactory: (config: AppConfig, store: EventStore) => {
    const keys = new SqliteDataKeyStore(join(config.dataDir, 'keys.sqlite'), config.secrets.masterKey);
    const sessions = new SqliteSessionStore(join(config.dataDir, 'sessions.sqlite'));
    const accounts = new Accounts({
      store,
      vault: new Vault(keys),
      hasher: new PasswordHasher(),
      sessions,
      mailer: new OutboxMailer(join(config.dataDir, 'outbox'), config.email.from),
      letters: new OutboxLetters(join(config.dataDir, 'outbox')),
      roster: new CsvRoster(config.rosterFile),
      hmacKey: config.secrets.hmacKey,
    });
    const closable: Accounts & OnApplicationShutdown = Object.assign(accounts, {
      onApplicationShutdown: async () => {
        sessions.close();
        await keys.close();
      },
    });
    return closable;
  },
};

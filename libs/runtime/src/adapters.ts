/**
 * Picks each port's adapter from the configuration. The only place that knows
 * which adapters exist; everything else sees the ports.
 */
import { join } from 'node:path';
import { Accounts, MongoSessionStore, type SessionStore, SqliteSessionStore } from '@portal/accounts';
import { policyFrom } from '@portal/domain';
import { type AppConfig, type EventStoreConfig, makeOwnerOnlyDir, makeOwnerOnlyFile } from '@portal/config';
import {
  type EventStore,
  KurrentDbEventStore,
  type SnapshotStore,
  SqliteEventStore,
} from '@portal/event-store';
import type { Logger, Metrics } from '@portal/observability';
import { BullMqJobQueue, type JobQueue, type JobsLogger, SqliteJobQueue } from '@portal/jobs';
import {
  type LetterSender,
  type Mailer,
  OutboxLetterSender,
  OutboxMailer,
  SmtpMailer,
  VendorLetterSender,
} from '@portal/notifications';
import { InMemoryRateLimiter, type RateLimiter, RedisRateLimiter } from '@portal/ratelimit';
import { CsvRoster, MongoRoster, type Roster } from '@portal/roster';
import { PasswordHasher } from '@portal/security';
import {
  type DataKeyStore,
  MasterKeyRing,
  MongoDataKeyStore,
  SqliteDataKeyStore,
  Vault,
} from '@portal/vault';
import { createMongoClient } from '@portal/documents';
import type { MongoClient } from 'mongodb';

/**
 * `file`, created 0600 (its directory 0700) before SQLite opens it, so that the database
 * and its -wal and -shm files are the service user's alone whatever the umask.
 */
export function ownerOnly(file: string): string {
  makeOwnerOnlyFile(file);
  return file;
}

export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'sqlite':
      makeOwnerOnlyFile(config.file);
      return SqliteEventStore.open(config.file, { cacheMiB: config.cacheMiB });
    case 'eventstoredb':
      return KurrentDbEventStore.connect(config.url);
  }
}

/** The snapshot store beside the event store (a table in its file, or `snapshot-` streams on its server). */
export function snapshotStoreOf(store: EventStore): SnapshotStore | undefined {
  if (store instanceof SqliteEventStore || store instanceof KurrentDbEventStore) return store.snapshots();
  return undefined;
}

/**
 * The personal-data key store, its keys wrapped under MASTER_KEY (and opened under
 * MASTER_KEYS_PREVIOUS during a rotation): the `data_keys` collection when MONGO_URL
 * is set, on the given client or one of its own that `close` ends; else DATA_DIR/keys.sqlite.
 */
export function createDataKeyStore(config: AppConfig, shared?: MongoClient): DataKeyStore {
  const masterKeys = new MasterKeyRing(config.secrets.masterKey, config.secrets.previousMasterKeys);
  if (config.readModels.kind === 'mongodb') {
    const client = shared ?? createMongoClient(config.readModels.url);
    return MongoDataKeyStore.fromDb(client.db(), masterKeys, shared ? {} : { close: () => client.close() });
  }
  return new SqliteDataKeyStore(ownerOnly(join(config.dataDir, 'keys.sqlite')), masterKeys);
}

export const STAFF_SESSIONS_COLLECTION = 'staff_sessions';

/**
 * The staff console's sessions: the members' session store port and adapters, kept apart
 * from the members' sessions and ending at the staff timeouts (STAFF_SESSION_IDLE_SECONDS,
 * STAFF_SESSION_ABSOLUTE_SECONDS). The `staff_sessions` collection when MONGO_URL is set, on
 * the given client or one of its own that `close` ends; else DATA_DIR/staff-sessions.sqlite.
 * Either way every API process (and the staff CLI, which ends a disabled member's sessions)
 * sees the same sessions, and they outlive a restart.
 */
export function createStaffSessionStore(config: AppConfig, shared?: MongoClient): SessionStore {
  const timeouts = {
    idleMs: config.staffSessions.idleSeconds * 1000,
    absoluteMs: config.staffSessions.absoluteSeconds * 1000,
  };
  if (config.readModels.kind === 'mongodb') {
    const client = shared ?? createMongoClient(config.readModels.url);
    return MongoSessionStore.fromDb(client.db(), {
      collection: STAFF_SESSIONS_COLLECTION,
      timeouts,
      ...(shared ? {} : { close: () => client.close() }),
    });
  }
  makeOwnerOnlyDir(config.dataDir);
  return new SqliteSessionStore(ownerOnly(join(config.dataDir, 'staff-sessions.sqlite')), timeouts);
}

/**
 * The application layer with its own ports: data keys, the roster and sessions (members'
 * and the staff console's) in MongoDB when MONGO_URL is set (one client, which `close`
 * ends), so every API instance sees the same sessions; else data keys and sessions in
 * SQLite files under DATA_DIR and the roster from its CSV file. `close` releases the files
 * and the client.
 */
/**
 * `Accounts` and the collaborators it was built with, for what needs one of them itself (the
 * vault for the codecs that read events, the roster for the letters, the hasher and the
 * session store for tests); everything else goes through `accounts`' intent methods.
 */
export interface AccountsLayer {
  accounts: Accounts;
  vault: Vault;
  roster: Roster;
  hasher: PasswordHasher;
  sessions: SessionStore;
  /** The staff console's sessions (createStaffSessionStore), on the same client or directory. */
  staffSessions: SessionStore;
  close(): Promise<void>;
}

export function createAccounts(
  config: AppConfig,
  store: EventStore,
  observe: { logger?: Logger; metrics?: Metrics } = {},
): AccountsLayer {
  // The driver connects on first use, so start-up does not wait for MongoDB.
  const mongo = config.readModels.kind === 'mongodb' ? createMongoClient(config.readModels.url) : undefined;
  const keys = createDataKeyStore(config, mongo);
  const roster = mongo ? MongoRoster.fromDb(mongo.db()) : new CsvRoster(config.rosterFile);
  // DATA_DIR only for the embedded stores: with MONGO_URL nothing is kept on local disk.
  if (!mongo) makeOwnerOnlyDir(config.dataDir);
  const sessions: SessionStore = mongo
    ? MongoSessionStore.fromDb(mongo.db())
    : new SqliteSessionStore(ownerOnly(join(config.dataDir, 'sessions.sqlite')));
  const staffSessions = createStaffSessionStore(config, mongo);
  const vault = new Vault(keys);
  const hasher = new PasswordHasher();
  const accounts = new Accounts({
    // The seed's policy with the deployment's settings; policyFrom refuses a combination that makes no sense.
    policy: policyFrom(config.policy),
    store,
    vault,
    hasher,
    sessions,
    roster,
    hmacKey: config.secrets.hmacKey,
    snapshots: snapshotStoreOf(store),
    snapshotOptions: snapshotObservers(observe),
  });
  return {
    accounts,
    vault,
    roster,
    hasher,
    sessions,
    staffSessions,
    async close() {
      // Snapshot writes still in flight land before the stores they use close.
      await accounts.snapshots?.idle();
      await sessions.close();
      await staffSessions.close();
      await keys.close();
      await mongo?.close();
    },
  };
}

/**
 * A snapshot that could not be read or written costs a replay, never a command: it is
 * logged (the stream and the error's name and message, which hold no state). Not counted:
 * loads and snapshot writes happen only for accounts that exist, so a counter of them would
 * tell whoever reads the metrics a known username from an unknown one (test/metrics.e2e-spec.ts).
 */
function snapshotObservers({ logger }: { logger?: Logger }) {
  return {
    onError: (streamId: string, error: unknown) => {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      logger?.warn({ streamId, error: { name, message } }, 'snapshot skipped');
    },
  };
}

/** BullMQ on Redis when REDIS_URL is set; otherwise the embedded queue in DATA_DIR/jobs.sqlite. */
export async function createJobQueue(config: AppConfig, logger: JobsLogger): Promise<JobQueue> {
  if (config.jobs.kind === 'bullmq')
    return BullMqJobQueue.connect(config.jobs.url, {
      logger,
      ...(config.jobs.prefix ? { prefix: config.jobs.prefix } : {}),
    });
  return SqliteJobQueue.open(ownerOnly(join(config.dataDir, 'jobs.sqlite')), { logger });
}

export function createMailer(config: AppConfig): Mailer {
  return config.email.kind === 'smtp'
    ? new SmtpMailer(config.email.url, config.email.from)
    : new OutboxMailer(config.email.dir, config.email.from);
}

export function createLetterSender(config: AppConfig): LetterSender {
  return config.letters.kind === 'vendor'
    ? new VendorLetterSender(config.letters.url)
    : new OutboxLetterSender(config.letters.dir);
}

/** Shared by every API instance through Redis when REDIS_URL is set; otherwise counted in this process. */
export function createRateLimiter(config: AppConfig): RateLimiter {
  return config.jobs.kind === 'bullmq' ? new RedisRateLimiter(config.jobs.url) : new InMemoryRateLimiter();
}

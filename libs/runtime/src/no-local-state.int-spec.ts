/**
 * The production adapter set keeps no local state: with EVENTSTORE_URL, MONGO_URL,
 * REDIS_URL, SMTP_URL and LETTER_VENDOR_URL set (and the secrets given, as production
 * requires), building every adapter a process wires touches nothing under DATA_DIR.
 * The clients connect on first use, so no server is needed; DATA_DIR points to a
 * directory that does not exist, and must still not exist afterwards.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@portal/config';
import { createAccounts, createEventStore, createLetterSender, createMailer } from './adapters';
import { createDocumentStore, createReadModels } from './read-models';

describe('with every production store configured, no adapter writes to DATA_DIR', () => {
  let parent: string;
  let dataDir: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'no-local-state-'));
    dataDir = join(parent, 'absent');
  });
  afterEach(async () => rm(parent, { recursive: true, force: true }));

  it('builds the event store, accounts (keys, sessions, roster), read models, mailer and letter sender without creating it', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      HMAC_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY: randomBytes(32).toString('base64'),
      EVENTSTORE_URL: 'esdb://127.0.0.1:1?tls=false',
      MONGO_URL: 'mongodb://127.0.0.1:1/portal?serverSelectionTimeoutMS=100',
      REDIS_URL: 'redis://127.0.0.1:1',
      SMTP_URL: 'smtp://127.0.0.1:1',
      LETTER_VENDOR_URL: 'http://127.0.0.1:1/letters',
    });
    expect(config.jobs.kind).toBe('bullmq');
    const store = createEventStore(config.eventStore);
    const { vault, close } = createAccounts(config, store);
    const docs = await createDocumentStore(config);
    createReadModels(config, store, vault, docs);
    createMailer(config);
    createLetterSender(config);
    try {
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await docs.close();
      await close();
      await store.close();
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});

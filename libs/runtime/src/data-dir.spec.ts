import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@portal/config';
import { checkDataDir, dataDirUses } from './data-dir';

const KEYS = {
  NODE_ENV: 'production',
  HMAC_KEY: Buffer.alloc(32, 1).toString('base64'),
  MASTER_KEY: Buffer.alloc(32, 2).toString('base64'),
};
const SERVERS = {
  EVENTSTORE_URL: 'esdb://kurrentdb:2113?tls=false',
  MONGO_URL: 'mongodb://mongo:27017/portal?replicaSet=rs0',
  REDIS_URL: 'redis://redis:6379',
};
const config = (env: Record<string, string>) => loadConfig({ ...KEYS, ...env }, { rosterFile: 'roster.csv' });

describe('dataDirUses', () => {
  it('names every embedded adapter a process would keep in DATA_DIR', () => {
    expect(dataDirUses(config({}))).toEqual([
      'the event store',
      'the read models, data keys and sessions',
      'the job queue',
      'the email outbox',
      'the letter outbox',
    ]);
  });

  it('needs nothing for an API or projector on the servers, and only the letter outbox for a worker without a vendor', () => {
    expect(dataDirUses(config({ ...SERVERS, ROLES: 'api' }))).toEqual([]);
    expect(dataDirUses(config({ ...SERVERS, ROLES: 'projector' }))).toEqual([]);
    expect(dataDirUses(config({ ...SERVERS, ROLES: 'worker', SMTP_URL: 'smtp://mail:1025' }))).toEqual([
      'the letter outbox',
    ]);
    expect(
      dataDirUses(
        config({
          ...SERVERS,
          ROLES: 'worker',
          SMTP_URL: 'smtp://mail:1025',
          LETTER_VENDOR_URL: 'https://print.example/letters',
        }),
      ),
    ).toEqual([]);
  });
});

describe('checkDataDir', () => {
  it('does not touch DATA_DIR when nothing is kept there', () => {
    const parent = mkdtempSync(join(tmpdir(), 'data-dir-'));
    try {
      // A path under a file can never be made: only a check that stays away passes.
      const dataDir = join(__filename, 'data');
      expect(checkDataDir(config({ ...SERVERS, ROLES: 'api', DATA_DIR: dataDir }))).toBeNull();
      expect(checkDataDir(config({ DATA_DIR: join(parent, 'data') }))).toBeNull();
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('names DATA_DIR, the reason and the ways out when it cannot be made', () => {
    const dataDir = join(__filename, 'data');
    const problem = checkDataDir(config({ DATA_DIR: dataDir }));
    expect(problem).toMatch(
      new RegExp(
        `^DATA_DIR \\(${dataDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) cannot be written \\(ENOTDIR\\)`,
      ),
    );
    expect(problem).toContain('the event store, the read models, data keys and sessions, the job queue');
    expect(problem).toContain('set EVENTSTORE_URL, MONGO_URL and REDIS_URL');
  });
});

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults every port to its embedded adapter under DATA_DIR', () => {
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.eventStore).toEqual({ kind: 'sqlite', file: join(dir, 'events.sqlite'), cacheMiB: 32 });
    expect(c.readModels).toEqual({ kind: 'sqlite', file: join(dir, 'read-models.sqlite'), cacheMiB: 64 });
    expect(c.jobs).toEqual({ kind: 'in-process' });
    expect(c.email.kind).toBe('outbox');
    expect(c.letters).toEqual({ kind: 'outbox', dir: join(dir, 'outbox') });
    expect([...c.roles].sort()).toEqual(['api', 'projector', 'worker']);
  });

  it('picks the production adapter for each URL that is set', () => {
    const c = loadConfig({
      DATA_DIR: dir,
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      MONGO_URL: 'mongodb://localhost:27017/portal?replicaSet=rs0',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SMTP_URL: 'smtp://localhost:1025',
      LETTER_VENDOR_URL: 'http://localhost:8025/letters',
    });
    expect(c.eventStore.kind).toBe('eventstoredb');
    expect(c.readModels.kind).toBe('mongodb');
    expect(c.jobs).toEqual({ kind: 'bullmq', url: 'redis://127.0.0.1:6379' });
    expect(c.email.kind).toBe('smtp');
    expect(c.letters.kind).toBe('vendor');
  });

  it('takes a BullMQ key prefix from JOBS_PREFIX, and refuses one BullMQ could not use', () => {
    const c = loadConfig({ DATA_DIR: dir, REDIS_URL: 'redis://127.0.0.1:6379', JOBS_PREFIX: 'run-42_a' });
    expect(c.jobs).toEqual({ kind: 'bullmq', url: 'redis://127.0.0.1:6379', prefix: 'run-42_a' });
    expect(() =>
      loadConfig({ DATA_DIR: dir, REDIS_URL: 'redis://127.0.0.1:6379', JOBS_PREFIX: 'a:b' }),
    ).toThrow(/JOBS_PREFIX must be 1 to 64 letters, digits/);
  });

  it('names every wrong setting in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        DATA_DIR: dir,
        PORT: 'eighty',
        EVENTSTORE_URL: 'http://x',
        REDIS_URL: 'not a url',
        ROLES: 'api,web',
        SQLITE_CACHE_MIB: '2',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT /m);
    expect(problems).toMatch(/^EVENTSTORE_URL must start with esdb:/m);
    expect(problems).toMatch(/^REDIS_URL is not a URL/m);
    expect(problems).toMatch(/^ROLES /m);
    expect(problems).toMatch(/^SQLITE_CACHE_MIB must be a whole number of at least 3 \(got "2"\)$/m);
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('refuses to start in production without the secrets', () => {
    expect(() => loadConfig({ DATA_DIR: dir, NODE_ENV: 'production' })).toThrow(
      /HMAC_KEY is required.*MASTER_KEY is required/,
    );
  });

  it('rejects a key of the wrong length', () => {
    expect(() => loadConfig({ DATA_DIR: dir, MASTER_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /MASTER_KEY must be 32 bytes/,
    );
  });

  it('reads previous master keys for a rotation, none by default', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(loadConfig({ DATA_DIR: dir }).secrets.previousMasterKeys).toEqual([]);
    const c = loadConfig({
      DATA_DIR: dir,
      MASTER_KEYS_PREVIOUS: ` ${a.toString('base64')} ,${b.toString('base64')}`,
    });
    expect(c.secrets.previousMasterKeys).toEqual([a, b]);
  });

  it('names a wrong previous master key by its position, never quoting it', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    let error: unknown;
    try {
      loadConfig({
        DATA_DIR: dir,
        MASTER_KEYS_PREVIOUS: `${Buffer.alloc(32).toString('base64')},${short},`,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'MASTER_KEYS_PREVIOUS entry 2 must be 32 bytes in base64 (got 16 bytes)',
      'MASTER_KEYS_PREVIOUS entry 3 must be 32 bytes in base64 (got 0 bytes)',
    ]);
    expect((error as Error).message).not.toContain(short);
  });

  it('makes development secrets once, owner-readable, and keeps them across restarts', () => {
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.secrets.hmacKey).toHaveLength(32);
    expect(second.secrets.hmacKey.equals(first.secrets.hmacKey)).toBe(true);
    expect(second.secrets.masterKey.equals(first.secrets.masterKey)).toBe(true);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o077).toBe(0);
  });
});

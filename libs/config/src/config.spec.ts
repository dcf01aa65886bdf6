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

  it('serves metrics on their own listener, 127.0.0.1:9464 by default; 0 turns it off', () => {
    expect(loadConfig({ DATA_DIR: dir }).metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ DATA_DIR: dir, METRICS_PORT: '0' }).metrics).toEqual({ host: '127.0.0.1', port: 0 });
    expect(loadConfig({ DATA_DIR: dir, METRICS_HOST: '0.0.0.0', METRICS_PORT: '9100' }).metrics).toEqual({
      host: '0.0.0.0',
      port: 9100,
    });
    expect(() => loadConfig({ DATA_DIR: dir, METRICS_PORT: '70000' })).toThrow(/METRICS_PORT must be/);
    expect(() => loadConfig({ DATA_DIR: dir, PORT: '3000', METRICS_PORT: '3000' })).toThrow(
      /METRICS_PORT must differ from PORT/,
    );
  });

  it('trusts no proxy by default, and reads TRUST_PROXY as addresses and CIDRs, naming a bad entry', () => {
    expect(loadConfig({ DATA_DIR: dir }).trustProxy).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dir, TRUST_PROXY: ' 10.0.0.0/8, 127.0.0.1 ,::1, fd00::/8' }).trustProxy,
    ).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']);
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.0/33,proxy.internal,10.1.2.3' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'TRUST_PROXY entry 1 must be an IP address or a CIDR such as 10.0.0.0/8 (got "10.0.0.0/33")',
      'TRUST_PROXY entry 2 must be an IP address or a CIDR such as 10.0.0.0/8 (got "proxy.internal")',
    ]);
  });

  it('creates DATA_DIR and the development secrets readable by the owner only, whatever the umask', () => {
    const data = join(dir, 'nested', 'data');
    const before = process.umask(0);
    try {
      loadConfig({ DATA_DIR: data });
    } finally {
      process.umask(before);
    }
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});

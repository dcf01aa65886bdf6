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
      EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false',
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

  describe("EVENTSTORE_URL, checked by the KurrentDB client's parser", () => {
    const problemsOf = (url: string): string[] => {
      try {
        loadConfig({ DATA_DIR: dir, EVENTSTORE_URL: url });
        return [];
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        return e.problems;
      }
    };

    it.each([
      'kurrentdb://localhost:2113?tls=false',
      'kurrentdb://n1:2113,n2:2113,n3:2113?tls=true',
      'kurrentdb://admin:changeit@n1:2113,n2:2113?tls=true&tlsVerifyCert=false&nodePreference=leader',
      'kurrentdb+discover://cluster.internal:2113?tls=true',
      'esdb://localhost:2113?tls=false',
      'esdb+discover://cluster.internal:2113',
    ])('accepts %s', (url) => {
      expect(problemsOf(url)).toEqual([]);
      expect(loadConfig({ DATA_DIR: dir, EVENTSTORE_URL: url }).eventStore).toEqual({
        kind: 'eventstoredb',
        url,
      });
    });

    it.each([
      ['http://localhost:2113', /^EVENTSTORE_URL must start with kurrentdb:\/\/.*\(got http:\/\/\)$/],
      ['localhost:2113', /^EVENTSTORE_URL must start with kurrentdb:\/\//],
      [
        'kurrentdb://n1:2113,,n2:2113',
        /^EVENTSTORE_URL is not a valid KurrentDB connection string: expected /,
      ],
      ['kurrentdb://n1:2113,:2113', /^EVENTSTORE_URL host 2 is not host or host:port$/],
      ['kurrentdb://n1:21x3', /^EVENTSTORE_URL host 1 is not host or host:port$/],
      [
        'kurrentdb://n1:2113?tls=yes',
        /^EVENTSTORE_URL is not a valid KurrentDB connection string: expected true or false/,
      ],
      [
        'kurrentdb://n1:2113?tsl=false',
        /^EVENTSTORE_URL has an option the KurrentDB client does not know: tsl$/,
      ],
      ['kurrentdb://n1:99999', /^EVENTSTORE_URL host 1 has port 99999/],
      ['kurrentdb+discover://a:2113,b:2113', /^EVENTSTORE_URL: kurrentdb\+discover:\/\/ takes one DNS name/],
    ])('refuses %s, naming EVENTSTORE_URL', (url, message) => {
      const problems = problemsOf(url);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    });

    it('never repeats the URL, which may hold a password', () => {
      const warn = jest.spyOn(console, 'warn');
      try {
        for (const url of [
          'kurrentdb://admin:s3cret-pw@n1:2113?tls=maybe',
          'kurrentdb://admin:s3cret-pw@n1:2113?unknownOption=1',
          'esdb://admin:s3cret-pw@n1:2113',
        ]) {
          for (const problem of problemsOf(url)) expect(problem).not.toContain('s3cret-pw');
        }
        expect(warn).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
    });
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
    expect(problems).toMatch(/^EVENTSTORE_URL must start with kurrentdb:\/\//m);
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

  it('gives staff tokens 90 days unless STAFF_CREDENTIAL_DAYS says otherwise, and refuses less than a day', () => {
    expect(loadConfig({ DATA_DIR: dir }).staffCredentialDays).toBe(90);
    expect(loadConfig({ DATA_DIR: dir, STAFF_CREDENTIAL_DAYS: '30' }).staffCredentialDays).toBe(30);
    for (const days of ['0', '-5', '1.5', 'ninety'])
      expect(() => loadConfig({ DATA_DIR: dir, STAFF_CREDENTIAL_DAYS: days })).toThrow(
        /STAFF_CREDENTIAL_DAYS must be a whole number of days, at least 1/,
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

  it('allows no cross-origin caller by default, and reads CORS_ORIGINS as exact origins, naming a bad entry', () => {
    expect(loadConfig({ DATA_DIR: dir }).corsOrigins).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dir, CORS_ORIGINS: ' https://portal.example.org, http://localhost:5173 ' })
        .corsOrigins,
    ).toEqual(['https://portal.example.org', 'http://localhost:5173']);
    let error: unknown;
    try {
      loadConfig({
        DATA_DIR: dir,
        CORS_ORIGINS:
          'https://ok.example.org,*,https://portal.example.org/,https://*.example.org,HTTPS://Up.example.org,ftp://files.example.org,https://x.example.org:443',
      });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => /^CORS_ORIGINS entry (\d+) .* \(got (".*")\)$/.exec(p)?.slice(1))).toEqual([
      ['2', '"*"'],
      ['3', '"https://portal.example.org/"'],
      ['4', '"https://*.example.org"'],
      ['5', '"HTTPS://Up.example.org"'],
      ['6', '"ftp://files.example.org"'],
      ['7', '"https://x.example.org:443"'],
    ]);
    expect(problems[0]).toContain('must be an exact origin such as https://portal.example.org');
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

describe('MONGO_URL', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemsOf = (url: string): string[] => {
    try {
      loadConfig({ DATA_DIR: dir, MONGO_URL: url });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('accepts a replica set of several hosts, with or without ports and credentials, and an SRV name', () => {
    for (const url of [
      'mongodb://a,b,c/portal?replicaSet=rs0',
      'mongodb://svc:pa%24%24word@m1.example.test:27017,m2.example.test:27018,m3.example.test:27019/portal?replicaSet=rs0&authSource=admin',
      'mongodb://[::1]:27017,[::1]:27018/portal?replicaSet=rs0',
      'mongodb+srv://svc:pw@cluster0.example.test/portal?retryWrites=true',
      'mongodb://localhost:27017/portal?readPreference=primary&w=majority',
    ]) {
      expect([url, problemsOf(url)]).toEqual([url, []]);
      expect(loadConfig({ DATA_DIR: dir, MONGO_URL: url }).readModels).toEqual({ kind: 'mongodb', url });
    }
  });

  it("refuses what the driver's parser refuses, naming MONGO_URL and never the password", () => {
    for (const [url, reason] of [
      ['mongodb+srv://svc:Secr3t-pw@cluster0.example.test:27017/portal', /port/],
      ['mongodb+srv://svc:Secr3t-pw@a.example.test,b.example.test/portal', /multiple service names/],
      ['mongodb://svc:Secr3t-pw@a:1,b:2/portal?directConnection=true', /exactly one host/],
      ['mongodb://svc:Secr3t-pw@a/portal?replicaSet=rs0&noSuchOption=1', /not supported/],
      ['mongodb://svc:Secr3t@pw@a/portal', /connection string/],
      ['mongodb://svc:Secr3t-pw@a:70000/portal', /connection string/],
      ['http://svc:Secr3t-pw@a/portal', /mongodb:\/\//],
      ['not a url', /connection string/],
    ] as const) {
      const problems = problemsOf(url);
      expect([url, problems]).toEqual([url, [expect.stringMatching(/^MONGO_URL /)]]);
      expect(problems[0]).toMatch(reason);
      expect(problems[0]).not.toContain('Secr3t');
    }
  });

  it('refuses a read preference other than primary, and a w other than majority', () => {
    expect(problemsOf('mongodb://a,b/portal?replicaSet=rs0&readPreference=secondary')).toEqual([
      expect.stringMatching(/^MONGO_URL asks for readPreference=secondary: .*only primary/),
    ]);
    expect(problemsOf('mongodb://a/portal?w=1')).toEqual([expect.stringMatching(/^MONGO_URL asks for w=1/)]);
  });

  it('needs a database name MongoDB accepts, where every MongoDB store of the service lives', () => {
    for (const url of [
      'mongodb://a,b/?replicaSet=rs0',
      'mongodb://a:27017',
      'mongodb+srv://cluster0.example.test',
    ]) {
      expect([url, problemsOf(url)]).toEqual([
        url,
        [expect.stringMatching(/^MONGO_URL must name its database/)],
      ]);
    }
    for (const url of [
      'mongodb://a/por.tal',
      'mongodb://a/por%20tal',
      'mongodb://a/p$',
      `mongodb://a/${'d'.repeat(64)}`,
    ]) {
      expect([url, problemsOf(url)]).toEqual([
        url,
        [expect.stringMatching(/^MONGO_URL names the database /)],
      ]);
    }
  });
});

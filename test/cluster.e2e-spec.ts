/**
 * DESIGN.md "Tests that must exist": the lockout holds cluster-wide. Two API
 * instances share the embedded stores (one DATA_DIR): this test's process, and a
 * second Node process started as `npm start` would start it (the code compiled
 * with the project's swc settings into a temporary directory), with its own
 * stream locks, caches and SQLite connections. Only the stores themselves (the
 * event store's expected-revision check, the session file) keep them in step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Accounts } from '@portal/accounts';
import { type EventStore, type RecordedEvent, WrongExpectedRevisionError } from '@portal/event-store';
import { EVENT_STORE, PASSWORD_HASHER } from '@portal/runtime';
import type { PasswordHasher } from '@portal/security';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
import { eventually, Outbox } from './support/outbox';
import { NONMEMBER_FORM, PASSWORD, WRONG_PASSWORD } from './support/forms';
import { buildService, freePort, ROOT, spawnService, waitUntilReady } from './support/service-process';

const form = NONMEMBER_FORM;

/** The service in another process, API only, on `dataDir`. */
async function startProcess(dataDir: string): Promise<{
  http: () => ReturnType<typeof request>;
  /** The process's operations listener (`/metrics`). */
  metricsUrl: string;
  stop(): Promise<void>;
  /** The module files the process has loaded so far. */
  loadedModules(): Promise<string[]>;
}> {
  const build = await buildService();
  const metricsPort = await freePort();
  // Beside the data: the build is shared with other suites.
  const loaded = join(dataDir, `loaded-modules-${process.pid}.json`);
  const service = await spawnService({
    script: build.main,
    nodeArgs: ['--require', join(ROOT, 'test', 'support', 'loaded-modules.cjs')],
    env: {
      DATA_DIR: dataDir,
      ROLES: 'api',
      METRICS_PORT: String(metricsPort),
      LOADED_MODULES_FILE: loaded,
    },
  });
  await waitUntilReady(service, 30_000, 'the second instance');
  const loadedModules = async () => {
    service.child.kill('SIGUSR2');
    return eventually(
      async () => (existsSync(loaded) ? (JSON.parse(readFileSync(loaded, 'utf8')) as string[]) : undefined),
      5_000,
      'the list of loaded modules',
    );
  };
  return {
    http: () => request(service.base),
    metricsUrl: `http://127.0.0.1:${metricsPort}`,
    stop: service.stop,
    loadedModules,
  };
}

type Instance = { http: () => ReturnType<typeof request> };

describe('two API instances on one set of stores', () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof startProcess>>;
  let mail: Outbox;
  beforeAll(async () => {
    a = await startApp();
    b = await startProcess(a.dataDir);
    mail = new Outbox(a.dataDir);
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  const streamOf = async (username: string): Promise<RecordedEvent[]> => {
    const accountId = (await a.app.get<Accounts>(ACCOUNTS).holder('username', username))!;
    return a.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
  };
  const register = (t: Instance, username: string) =>
    t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...form, username, email: `${username}@example.com` });

  it('share their locks: 50 wrong passwords spread over both lock the account after exactly 5', async () => {
    await register(a, 'clustered1').expect(201);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? a : b)
          .http()
          .post('/v1/login')
          .send({ username: 'clustered1', password: WRONG_PASSWORD }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(401));
    for (const t of [a, b])
      await t.http().post('/v1/login').send({ username: 'clustered1', password: PASSWORD }).expect(401);
    const events = await streamOf('clustered1');
    const failed = events.filter((e) => e.type === 'LoginFailed');
    expect(failed.filter((e) => e.data.reason === 'wrong-password')).toHaveLength(5);
    expect(events.filter((e) => e.type === 'Locked')).toHaveLength(1);
    expect(failed.filter((e) => e.data.reason === 'locked')).toHaveLength(47);
  });

  it('see one code once: the same emailed code sent to both at once yields one session', async () => {
    await register(b, 'clustered2').expect(201);
    const step1 = await a
      .http()
      .post('/v1/login')
      .send({ username: 'clustered2', password: PASSWORD })
      .expect(200);
    const code = await mail.code('clustered2@example.com');
    const answers = await Promise.all(
      [a, b, a, b].map((t) =>
        t.http().post('/v1/login/verify-code').send({ loginToken: step1.body.loginToken, code }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
    const token = answers.find((r) => r.status === 200)!.body.sessionToken as string;
    // The session is good on both, and a password change on one ends it on both.
    for (const t of [a, b]) await t.http().get('/v1/me').set('authorization', `Bearer ${token}`).expect(200);
    await b
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${token}`)
      .send({ currentPassword: PASSWORD, newPassword: 'Another9Strong1Pass' })
      .expect(204);
    for (const t of [a, b]) await t.http().get('/v1/me').set('authorization', `Bearer ${token}`).expect(401);
    expect((await streamOf('clustered2')).filter((e) => e.type === 'LoginSucceeded')).toHaveLength(1);
  });

  it('a login that keeps losing the race to the other instance is answered as a failed login, argon2 run once', async () => {
    await register(a, 'clustered4').expect(201);
    const accounts = a.app.get<Accounts>(ACCOUNTS);
    const stream = `account-${(await accounts.holder('username', 'clustered4'))!}`;
    const store = a.app.get<EventStore>(EVENT_STORE);
    const append = store.append.bind(store);
    // Every append to the account meets a newer revision, as if the other instance always wrote first.
    const appends = jest.spyOn(store, 'append').mockImplementation(async (streamId, events, options) => {
      if (streamId === stream) throw new WrongExpectedRevisionError(streamId, options ?? 'any', 99n);
      return append(streamId, events, options);
    });
    const verify = jest.spyOn(a.app.get<PasswordHasher>(PASSWORD_HASHER), 'verify');
    try {
      const raced = await a
        .http()
        .post('/v1/login')
        .send({ username: 'clustered4', password: PASSWORD })
        .expect(401);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(appends.mock.calls.filter(([id]) => id === stream).length).toBeGreaterThan(1);
      const unknown = await a
        .http()
        .post('/v1/login')
        .send({ username: 'nobody-here', password: PASSWORD })
        .expect(401);
      expect(raced.body).toEqual(unknown.body);
    } finally {
      appends.mockRestore();
      verify.mockRestore();
    }
    await a.http().post('/v1/login').send({ username: 'clustered4', password: PASSWORD }).expect(200);
  });

  it('claim a username once: the same registration sent to both at once makes one account', async () => {
    const answers = await Promise.all(
      [a, b, a, b].map((t, i) =>
        t
          .http()
          .post('/v1/registrations/nonmember')
          .send({ ...form, username: 'clustered3', email: `clustered3-${i}@example.com` }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect((await streamOf('clustered3')).filter((e) => e.type === 'Registered')).toHaveLength(1);
  });

  it('a process serves /metrics on its operations listener (METRICS_PORT), not on the API port', async () => {
    await b.http().get('/metrics').expect(404);
    const scraped = await fetch(`${b.metricsUrl}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^http_requests_total\{/m);
  });

  it('the API process on the embedded stores never loads the production drivers or the PDF library', async () => {
    const packages = new Set(
      (await b.loadedModules()).map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? ''),
    );
    // Loaded at all: the list is real (the process served this suite's requests).
    expect(packages).toContain('better-sqlite3');
    for (const unused of [
      'mongodb',
      'bson',
      '@kurrent/kurrentdb-client',
      '@kurrent/bridge',
      '@grpc/grpc-js',
      'pdfkit',
    ])
      expect(packages).not.toContain(unused);
  });
});

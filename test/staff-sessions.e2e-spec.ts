/**
 * The staff console's sign-in across API instances (issue #25): two instances share the
 * embedded stores (one DATA_DIR): this test's process, and a second Node process started
 * as `npm start` would start it, with its own locks and SQLite connections.
 *
 * - A console session started on one instance works on the other, and on an instance
 *   started after the first ones stopped (sessions are in DATA_DIR/staff-sessions.sqlite,
 *   not in a process).
 * - One authenticator code sent to both instances at once signs in once.
 * - Each sign-in and sign-out is on the record (`staff-<id>:sign-ins`), with the client
 *   address, and auditors read it through the audit export; no stored event holds the
 *   password, the code or the session token.
 */
import request from 'supertest';
import { generate } from 'otplib';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { StaffDirectory, StaffSignInService } from '@portal/staff';
import { startApp, type TestApp } from './support/app';
import { buildService, spawnService, waitUntilReady } from './support/service-process';

type Http = () => ReturnType<typeof request>;

/** The service in another process, API only, on `dataDir`. */
async function startProcess(dataDir: string): Promise<{ http: Http; stop(): Promise<void> }> {
  const build = await buildService();
  const service = await spawnService({ script: build.main, env: { DATA_DIR: dataDir, ROLES: 'api' } });
  await waitUntilReady(service, 30_000, 'the second instance');
  return { http: () => request(service.base), stop: service.stop };
}

const setup = () => ({
  correlationId: 'test-setup',
  actor: { kind: 'system' as const, component: 'test' },
  occurredAt: new Date(),
});

describe('staff console sessions on two API instances', () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof startProcess>> | undefined;
  let store: EventStore;
  const secrets: Record<string, { password: string; secret: string }> = {};
  /** The session of whichever instance won the race below. */
  let raceWinner = '';

  /** A staff member enrolled for console sign-in, as the CLI does. */
  async function enrol(id: string, role: 'auditor' | 'support') {
    const signIn = a.app.get(StaffSignInService, { strict: false });
    await a.app.get(StaffDirectory, { strict: false }).create(id, [role], setup());
    const password = `canary ${id} passphrase 7f3a9c`;
    await signIn.setPassword(id, password, setup());
    const { secret } = await signIn.enrolTotp(id, setup());
    secrets[id] = { password, secret };
  }

  const code = (id: string) => generate({ secret: secrets[id].secret, epoch: Math.floor(Date.now() / 1000) });

  const signIn = async (http: Http, id: string, totp: string) =>
    http()
      .post('/v1/staff/session')
      .set('X-Requested-With', 'fetch')
      .send({ staffId: id, password: secrets[id].password, code: totp });

  const cookieOf = (res: request.Response): string => {
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = set.find((c) => c.startsWith('staff_session='));
    if (!session) throw new Error(`no session cookie (status ${res.status})`);
    return session.split(';')[0];
  };

  /** A route every auditor may read that records nothing when there is nothing to show. */
  const probe = (http: Http, cookie: string) =>
    http()
      .get('/v1/audit/read-models/compare')
      .set('Cookie', cookie)
      .set('X-Access-Reason', 'ticket 87: session check');

  beforeAll(async () => {
    a = await startApp({ LOG_LEVEL: 'warn' });
    store = a.app.get<EventStore>(EVENT_STORE);
    b = await startProcess(a.dataDir);
    await enrol('ada.auditor', 'auditor');
    await enrol('rae.racer', 'auditor');
  }, 90_000);
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('a session started on one instance is used on the other, and on one started later', async () => {
    const totp = await code('ada.auditor');
    const res = await signIn(a.http, 'ada.auditor', totp);
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    await probe(b!.http, cookie).expect(200);
    await probe(a.http, cookie).expect(200);

    // The second instance stops and another starts on the same DATA_DIR: the session holds.
    await b!.stop();
    b = await startProcess(a.dataDir);
    await probe(b.http, cookie).expect(200);

    // Signed out on one instance, the session is refused on the other; the sign-out is recorded.
    await b
      .http()
      .delete('/v1/staff/session')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'fetch')
      .expect(204);
    await probe(a.http, cookie).expect(401);

    const records = await store.readStream('staff-ada.auditor:sign-ins');
    expect(records.map((e) => e.type)).toEqual(['StaffSignedIn', 'StaffSignedOut']);
    for (const e of records) {
      expect(e.metadata.actor).toEqual({ kind: 'staff', staffId: 'ada.auditor' });
      expect(e.metadata.clientIp).toMatch(/127\.0\.0\.1$/);
    }
    expect(records[0].data).toMatchObject({ method: 'password+totp', totpStep: expect.any(Number) });

    // The canaries: neither the password, nor the code, nor the session token is in any stored event.
    const token = cookie.slice('staff_session='.length);
    const stored = (await store.readAll({}))
      .map((e) => JSON.stringify({ streamId: e.streamId, data: e.data, metadata: e.metadata }))
      .join('\n');
    expect(stored).not.toContain(secrets['ada.auditor'].password);
    expect(stored).not.toContain('canary');
    expect(stored).not.toContain(`"${totp}"`);
    expect(stored).not.toContain(token);
  }, 90_000);

  it('one code sent to both instances at once signs in once', async () => {
    const totp = await code('rae.racer');
    const answers = await Promise.all([
      signIn(a.http, 'rae.racer', totp),
      signIn(b!.http, 'rae.racer', totp),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    raceWinner = cookieOf(answers.find((r) => r.status === 200)!);
    expect((await store.readStream('staff-rae.racer:sign-ins')).map((e) => e.type)).toEqual([
      'StaffSignedIn',
    ]);
  });

  it('auditors read who signed in, when and from where, through the audit export', async () => {
    const exported = await a
      .http()
      .get('/v1/audit/events')
      .query({ streamId: 'staff-ada.auditor:sign-ins' })
      .set('Cookie', raceWinner)
      .set('X-Access-Reason', 'ticket 88: sign-in review')
      .expect(200);
    const lines = exported.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; metadata: { clientIp?: string; occurredAt: string } });
    expect(lines.map((l) => l.type)).toEqual(['StaffSignedIn', 'StaffSignedOut']);
    expect(lines[0].metadata).toMatchObject({ clientIp: expect.stringMatching(/127\.0\.0\.1$/) });
  });
});

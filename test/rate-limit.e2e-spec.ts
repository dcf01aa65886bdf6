import { randomBytes, randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM, PASSWORD } from './support/forms';
import { Outbox } from './support/outbox';
import { redisUrl, requireRedis } from './support/redis';

const login = (t: TestApp, username: string) =>
  t.http().post('/v1/login').send({ username, password: 'Wrong7Password9' });

describe('rate limits (in-process, no REDIS_URL)', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startApp({
        RATE_LIMIT_IP_PER_MINUTE: '12',
        RATE_LIMIT_ACCOUNT_PER_MINUTE: '3',
        RATE_LIMIT_MESSAGES_PER_HOUR: '2',
      })),
  );
  afterAll(() => t.close());

  it('limits credential checks per account named, the same for an unknown username as for any other', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(t, 'nobody-here-1')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await login(t, 'nobody-here-1').expect(429);
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^Too many attempts. Try again in \d+ seconds.$/),
      },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account from the same address still gets its own tries.
    await login(t, 'nobody-here-2').expect(401);
  });

  it('limits messages per account per hour, and every route per address', async () => {
    const remind = () => t.http().post('/v1/username-reminders').send({ email: 'someone@example.com' });
    expect([(await remind()).status, (await remind()).status, (await remind()).status]).toEqual([
      202, 202, 429,
    ]);
    expect(Number((await remind()).headers['retry-after'])).toBeGreaterThan(60);

    // 12 credential checks per minute from one address: 6 were used above.
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(t, `spray-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect((t.logs.join('\n').match(/"route":"\/v1\/login","status":429/g) ?? []).length).toBeGreaterThan(0);
  });

  it('keeps usernames and emails out of the limiter keys and the logs', () => {
    const logs = t.logs.join('\n');
    expect(logs).not.toContain('nobody-here-1');
    expect(logs).not.toContain('someone@example.com');
  });
});

describe('rate limits: one account however it is named', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startApp({ RATE_LIMIT_ACCOUNT_PER_MINUTE: '3', RATE_LIMIT_MESSAGES_PER_HOUR: '2' })),
  );
  afterAll(() => t.close());

  it('counts a member id however it is typed, and a new username picked per try does not reset the count', async () => {
    const tries = ['DEMO0000009', 'demo-000 0009', 'Demo 0000009'];
    const statuses = [];
    for (const username of tries) statuses.push((await login(t, username)).status);
    // create-username names the member id and a new username: the member id's bucket, already spent.
    const create = await t
      .http()
      .post('/v1/login/create-username')
      .send({
        memberId: 'DEMO-0000009',
        password: 'Wrong7Password9',
        username: `fresh${randomUUID().slice(0, 8)}`,
        email: 'fresh@example.com',
      });
    statuses.push(create.status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts a username typed in fullwidth letters in the bucket of the plain one, as the lookup finds one account', async () => {
    // NFKC makes `ｆｕｌｌｗｉｄｔｈｐａｔ` the username `fullwidthpat`: a bucket of its own would multiply the limit.
    const tries = ['fullwidthpat', 'ｆｕｌｌｗｉｄｔｈｐａｔ', 'FullWidthPat', 'ＦＵＬＬＷＩＤＴＨＰＡＴ'];
    const statuses = [];
    for (const username of tries) statuses.push((await login(t, username)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The same for the messages a reset sends: 2 an hour here, however the username is typed.
    const reset = (username: string) => t.http().post('/v1/password-resets').send({ username });
    const sent = [];
    for (const username of ['resetwide1', 'ｒｅｓｅｔｗｉｄｅ１', ' ResetWide1 '])
      sent.push((await reset(username)).status);
    expect(sent).toEqual([202, 202, 429]);
  });
});

describe('rate limits: a token counts for an account only once it proves genuine', () => {
  let t: TestApp;
  let mail: Outbox;
  beforeAll(async () => {
    t = await startApp({ RATE_LIMIT_ACCOUNT_PER_MINUTE: '3' });
    mail = new Outbox(t.dataDir);
  });
  afterAll(() => t.close());

  it("forged login and reset tokens naming a victim cost the victim's bucket nothing", async () => {
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username: 'victim001', email: 'victim@example.com' })
      .expect(201);
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'victim001'))!;
    const login = await t
      .http()
      .post('/v1/login')
      .send({ username: 'victim001', password: PASSWORD })
      .expect(200);
    const token = login.body.loginToken as string;
    const code = await mail.code('victim@example.com');
    // What an attacker can make: the victim's id with a made-up secret, and the victim's token altered.
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const forged = [`${accountId}.${randomUUID()}`, `${token.slice(0, -1)}${last}`, `${accountId}.x`];
    for (const loginToken of [...forged, ...forged])
      expect((await t.http().post('/v1/login/verify-code').send({ loginToken, code: '000000' })).status).toBe(
        401,
      );
    for (const resetToken of forged)
      await t.http().post('/v1/password-resets/verify-code').send({ resetToken, code: '000000' }).expect(401);
    // The victim's own step still has its whole bucket.
    await t.http().post('/v1/login/verify-code').send({ loginToken: token, code }).expect(200);
  });

  it('a genuine reset token counts for its account, a decoy for its username, whichever request made it', async () => {
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username: 'resetbucket1', email: 'resetbucket@example.com' })
      .expect(201);
    for (const username of ['resetbucket1', 'nobodybucket1']) {
      const start = async () =>
        (await t.http().post('/v1/password-resets').send({ username }).expect(202)).body.resetToken as string;
      const tokens = [await start(), await start(), await start(), await start()];
      const statuses = [];
      for (const resetToken of tokens)
        statuses.push(
          (await t.http().post('/v1/password-resets/verify-code').send({ resetToken, code: '000000' }))
            .status,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
    }
  });
});

describe('rate limits shared through Redis (REDIS_URL)', () => {
  const apps: TestApp[] = [];
  beforeAll(() => requireRedis());
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('counts the hits of every API instance together', async () => {
    // Two API processes' worth of app, one Redis; only the per-account limit, so no key is shared with other runs.
    const env = {
      REDIS_URL: redisUrl(),
      ROLES: 'api',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '4',
    };
    // One server secret for both, as in production (it keys the limiter's hashed account names).
    const secret = randomBytes(32).toString('base64');
    const [a, b] = [
      await startApp({ ...env, HMAC_KEY: secret }),
      await startApp({ ...env, HMAC_KEY: secret }),
    ];
    apps.push(a, b);
    const name = `shared-${randomUUID().slice(0, 8)}`;
    const statuses = [];
    for (const t of [a, b, a, b, a]) statuses.push((await login(t, name)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('lets requests through, and says so once in the log, when Redis does not answer', async () => {
    const t = await startApp({
      REDIS_URL: 'redis://127.0.0.1:1',
      ROLES: 'api',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '1',
    });
    apps.push(t);
    for (let i = 0; i < 3; i++) await login(t, 'while-redis-is-down').expect(401);
    expect(t.logs.filter((l) => l.includes('rate limiter unavailable'))).toHaveLength(1);
  });
});

describe('rate limits behind a reverse proxy (TRUST_PROXY)', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });
  // Only the per-address limit, 2 a minute: each client's third login is refused.
  const env = { RATE_LIMIT_IP_PER_MINUTE: '2' };
  const loginVia = (t: TestApp, forwardedFor: string, i: number) =>
    login(t, `proxied-${i}`).set('X-Forwarded-For', forwardedFor);

  it('from a trusted proxy, gives each client named in X-Forwarded-For its own bucket', async () => {
    // The test's requests come from the loopback address: here, the trusted proxy.
    const t = await startApp({ ...env, TRUST_PROXY: '10.9.0.0/16, 127.0.0.1, ::1' });
    apps.push(t);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await loginVia(t, '203.0.113.7', i)).status);
    for (let i = 0; i < 3; i++) statuses.push((await loginVia(t, '198.51.100.20', i)).status);
    expect(statuses).toEqual([401, 401, 429, 401, 401, 429]);
    // A client cannot pick its address through a trusted proxy: the proxy appends the peer it saw, last.
    const spoofed = await login(t, 'proxied-x').set('X-Forwarded-For', '192.0.2.1, 203.0.113.7');
    expect(spoofed.status).toBe(429);
  });

  it('from a peer that is not a trusted proxy, ignores X-Forwarded-For', async () => {
    const t = await startApp({ ...env, TRUST_PROXY: '10.9.0.0/16' });
    apps.push(t);
    const statuses = [];
    for (const [i, forwardedFor] of ['203.0.113.7', '198.51.100.20', '192.0.2.99'].entries())
      statuses.push((await loginVia(t, forwardedFor, i)).status);
    expect(statuses).toEqual([401, 401, 429]);
  });
});

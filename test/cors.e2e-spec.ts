import { startApp, type TestApp } from './support/app';

const PORTAL = 'https://portal.example.org';
const OTHER = 'https://evil.example.net';
const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'access-control-max-age',
];
const shape = { error: { code: expect.any(String), message: expect.any(String) } };

/** A browser frontend on another origin: only the origins in CORS_ORIGINS may call, and never with `*`. */
describe('CORS with an allowlist', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ CORS_ORIGINS: `${PORTAL},http://localhost:5173` });
  });
  afterAll(() => t.close());

  const preflight = (origin: string, route = '/v1/login') =>
    t
      .http()
      .options(route)
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization,x-correlation-id');

  it('answers an allowed origin’s preflight 204, echoing the origin with the methods, headers and max age', async () => {
    const res = await preflight(PORTAL).expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(res.headers['vary']).toMatch(/\bOrigin\b/);
    expect(res.headers['access-control-allow-methods'].split(', ')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']),
    );
    expect(res.headers['access-control-allow-headers']).toBe(
      'Content-Type, Authorization, X-Correlation-Id, X-Access-Reason',
    );
    expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
    // Sessions travel in the Authorization header, never in cookies: no credentials mode, never `*`.
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    // Any route, staff ones included, takes the same preflight.
    const staff = await preflight('http://localhost:5173', '/v1/support/accounts').expect(204);
    expect(staff.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('refuses another origin’s preflight (and one with no origin) 404 in the error shape, with no CORS header', async () => {
    for (const origin of [OTHER, `${PORTAL}.evil.net`, 'https://PORTAL.example.org', 'null']) {
      const res = await preflight(origin).expect(404);
      expect(res.body).toMatchObject(shape);
      for (const header of CORS_HEADERS) expect(res.headers[header]).toBeUndefined();
    }
    const bare = await t.http().options('/v1/login').expect(404);
    expect(bare.body).toMatchObject(shape);
    expect(bare.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('marks a simple request from an allowed origin, exposing the correlation id and Retry-After', async () => {
    const res = await t
      .http()
      .post('/v1/login')
      .set('Origin', PORTAL)
      .send({ username: 'nobody-at-all', password: 'Wrong7Password9' })
      .expect(401);
    expect(res.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(res.headers['vary']).toMatch(/\bOrigin\b/);
    expect(res.headers['access-control-expose-headers']).toBe('X-Correlation-Id, Retry-After');
    expect(res.headers['x-correlation-id']).toEqual(expect.any(String));
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers a request from another origin as it would any other, with no CORS header (the browser withholds it)', async () => {
    const res = await t
      .http()
      .post('/v1/login')
      .set('Origin', OTHER)
      .send({ username: 'nobody-at-all', password: 'Wrong7Password9' })
      .expect(401);
    for (const header of CORS_HEADERS) expect(res.headers[header]).toBeUndefined();
  });
});

describe('CORS_ORIGINS unset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('adds no CORS header anywhere, and a preflight is a 404 in the error shape', async () => {
    const res = await t
      .http()
      .options('/v1/login')
      .set('Origin', PORTAL)
      .set('Access-Control-Request-Method', 'POST')
      .expect(404);
    expect(res.body).toMatchObject(shape);
    const simple = await t.http().get('/health').set('Origin', PORTAL);
    for (const header of CORS_HEADERS) {
      expect(res.headers[header]).toBeUndefined();
      expect(simple.headers[header]).toBeUndefined();
    }
  });
});

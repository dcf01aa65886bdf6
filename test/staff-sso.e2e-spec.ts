/**
 * Console single sign-on (issue 25, item 2) against a local OpenID Connect provider (oidc-provider):
 * the whole authorization code flow over HTTP, the roles from the provider's claim, the sign-in
 * recorded on the staff stream, and the refusals (no mapped role, a state that does not match, a
 * callback without the browser's flow cookie). No code, token or secret reaches a log line.
 */
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { AccessLog, ssoStaffId, StaffDirectory } from '@portal/staff';
import { startApp, type TestApp } from './support/app';
import { type LocalProvider, startLocalProvider } from './support/oidc-provider';

jest.setTimeout(30_000);

const cookieFrom = (setCookie: string[] | string | undefined, name: string): string | undefined => {
  const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const line of lines) {
    const [pair] = line.split(';');
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return undefined;
};

describe('staff console single sign-on (OpenID Connect)', () => {
  let idp: LocalProvider;
  let t: TestApp;

  /** The provider's accounts, read at each sign-in: a test changes a user's groups here. */
  const accounts: Record<string, { roles: string[] }> = {
    sam: { roles: ['portal-support', 'cafeteria'] },
    ava: { roles: ['portal-audit'] },
    nora: { roles: ['cafeteria'] },
  };

  beforeAll(async () => {
    idp = await startLocalProvider(accounts);
    t = await startApp({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: idp.redirectUri,
      OIDC_ROLE_MAP: 'portal-support:support,portal-audit:auditor',
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Start → the provider's login as `account` → the callback; answers the callback's response. */
  async function signIn(account: string, tamper: { state?: string; dropFlowCookie?: boolean } = {}) {
    const start = await t.http().get('/v1/staff/sso/start').expect(302);
    const flow = cookieFrom(start.headers['set-cookie'], 'staff_sso');
    expect(flow).toBeDefined();
    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    // What the browser must bring back is sealed in the cookie, not readable in it.
    expect(flow).not.toContain(authorize.searchParams.get('state'));

    const back = await idp.signInAt(authorize.href, account);
    expect(back.pathname).toBe('/v1/staff/sso/callback');
    if (tamper.state !== undefined) back.searchParams.set('state', tamper.state);
    const callback = t
      .http()
      .get(`/v1/staff/sso/callback${back.search}`)
      .set('user-agent', 'sso-test-browser');
    if (!tamper.dropFlowCookie) void callback.set('cookie', `staff_sso=${flow}`);
    const res = await callback.expect(302);
    return {
      res,
      code: back.searchParams.get('code')!,
      session: cookieFrom(res.headers['set-cookie'], 'staff_session'),
    };
  }

  it('is announced to the console', async () => {
    expect((await t.http().get('/v1/staff/sso').expect(200)).body).toEqual({ enabled: true });
  });

  it('signs a support user in with the role from the claim, recorded on the staff stream', async () => {
    const { res, code, session } = await signIn('sam');
    expect(res.headers.location).toBe('/console/?sso=signed-in');
    expect(session).toBeDefined();
    const setCookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(setCookies.find((c) => c.startsWith('staff_session='))).toMatch(/HttpOnly; SameSite=Strict/);
    // The flow cookie is spent.
    expect(setCookies.find((c) => c.startsWith('staff_sso='))).toMatch(/^staff_sso=;.*Max-Age=0/);

    const staffId = ssoStaffId(idp.issuer, 'sam');
    const who = await t.http().get('/v1/staff/session').set('cookie', `staff_session=${session}`).expect(200);
    expect(who.body).toMatchObject({ staffId, roles: ['support'] });

    await t
      .http()
      .get('/v1/support/accounts')
      .query({ username: 'nobodyhere' })
      .set({ cookie: `staff_session=${session}`, 'x-access-reason': 'ticket 12 sso check' })
      .expect(200);
    // An auditor's route is not a support user's.
    const forbidden = await t
      .http()
      .get('/v1/audit/verify')
      .query({ streamId: `staff-${staffId}` })
      .set({ cookie: `staff_session=${session}`, 'x-access-reason': 'ticket 12 sso check' })
      .expect(403);
    expect(forbidden.body.error.code).toBe('STAFF_FORBIDDEN');

    const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`staff-${staffId}`);
    expect(stream.map((e) => [e.type, e.data])).toEqual([
      [
        'StaffSsoSignedIn',
        { staffId, issuer: idp.issuer, subject: 'sam', roles: ['support'], signedInAt: expect.any(String) },
      ],
    ]);
    expect(stream[0].metadata).toMatchObject({ actor: { kind: 'staff', staffId } });

    // The code (and so any token) is in no log line, nor is the client secret.
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(idp.clientSecret);
    expect(JSON.stringify(stream.map((e) => [e.data, e.metadata]))).not.toContain(code);
  });

  it('gives an auditor the auditor routes; records every sign-in on :sign-ins, and on the own stream only a change of roles', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const first = await signIn('ava');
    const staffId = ssoStaffId(idp.issuer, 'ava');
    const verify = await t
      .http()
      .get('/v1/audit/verify')
      .query({ streamId: `staff-${staffId}` })
      .set({ cookie: `staff_session=${first.session}`, 'x-access-reason': 'ticket 13 sso check' })
      .expect(200);
    expect(verify.body.intact).toBe(true);
    await signIn('ava');
    await signIn('ava');
    // The stream the guard reads whole on every request does not grow with sign-ins.
    expect((await store.readStream(`staff-${staffId}`)).map((e) => e.type)).toEqual(['StaffSsoSignedIn']);
    const records = await store.readStream(`staff-${staffId}:sign-ins`);
    expect(records.map((e) => [e.type, e.data])).toEqual(
      [1, 2, 3].map(() => ['StaffSignedIn', { method: 'sso', signedInAt: expect.any(String) }]),
    );
    for (const e of records)
      expect(e.metadata).toMatchObject({
        actor: { kind: 'staff', staffId },
        clientIp: expect.stringMatching(/127\.0\.0\.1$/),
        userAgent: 'sso-test-browser',
      });

    // The provider adds a group: the next sign-in adds one event, and the guard applies it to every session.
    const who = (session: string | undefined) =>
      t.http().get('/v1/staff/session').set('cookie', `staff_session=${session}`).expect(200);
    expect((await who(first.session)).body.roles).toEqual(['auditor']);
    accounts.ava.roles = ['portal-audit', 'portal-support'];
    const promoted = await signIn('ava');
    expect((await who(promoted.session)).body.roles).toEqual(['support', 'auditor']);
    expect((await who(first.session)).body.roles).toEqual(['support', 'auditor']);
    await signIn('ava');
    expect((await store.readStream(`staff-${staffId}`)).map((e) => [e.type, e.data.roles])).toEqual([
      ['StaffSsoSignedIn', ['auditor']],
      ['StaffRolesChanged', ['support', 'auditor']],
    ]);
    accounts.ava.roles = ['portal-audit'];

    // Signing out of a single sign-on session is recorded like any other.
    await t
      .http()
      .delete('/v1/staff/session')
      .set({ cookie: `staff_session=${promoted.session}`, 'x-requested-with': 'fetch' })
      .expect(204);
    const after = await store.readStream(`staff-${staffId}:sign-ins`);
    expect(after.map((e) => e.type)).toEqual([...Array(5).fill('StaffSignedIn'), 'StaffSignedOut']);
    expect(after[5].metadata).toMatchObject({ actor: { kind: 'staff', staffId } });
  });

  it('refuses a user whose claim maps to no staff role, and records the refusal', async () => {
    const { res, session } = await signIn('nora');
    expect(res.headers.location).toBe('/console/?sso=no-role');
    expect(session).toBeUndefined();
    const staffId = ssoStaffId(idp.issuer, 'nora');
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream(`staff-${staffId}`)).toEqual([]);
    await t.app.get(AccessLog).drain();
    const refusals = await t.app.get<EventStore>(EVENT_STORE).readStream('staff-refusals');
    const data = refusals.map((e) => e.data as { why: Record<string, number>; staffIds?: string[] });
    expect(data.some((d) => d.why['sso-no-role'] === 1 && d.staffIds?.includes(staffId))).toBe(true);
  });

  it('refuses a disabled member whatever the provider says, and gives such a member no local credential', async () => {
    await signIn('sam');
    const staffId = ssoStaffId(idp.issuer, 'sam');
    const staff = t.app.get(StaffDirectory, { strict: false });
    const ctx = {
      correlationId: 'test',
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    };
    await expect(staff.rotateSecret(staffId, ctx)).rejects.toMatchObject({ code: 'STAFF_SSO_MANAGED' });
    await expect(staff.changeRoles(staffId, ['admin'], ctx)).rejects.toMatchObject({
      code: 'STAFF_SSO_MANAGED',
    });
    await staff.disable(staffId, 'left the team', ctx);
    const { res, session } = await signIn('sam');
    expect(res.headers.location).toBe('/console/?sso=refused');
    expect(session).toBeUndefined();
  });

  it('refuses a callback whose state does not match, or without the flow cookie of the browser that began it', async () => {
    const forged = await signIn('sam', { state: 'not-the-state-we-sent' });
    expect(forged.res.headers.location).toBe('/console/?sso=refused');
    expect(forged.session).toBeUndefined();
    const noCookie = await signIn('sam', { dropFlowCookie: true });
    expect(noCookie.res.headers.location).toBe('/console/?sso=refused');
    expect(noCookie.session).toBeUndefined();
    await t.app.get(AccessLog).drain();
    const refusals = await t.app.get<EventStore>(EVENT_STORE).readStream('staff-refusals');
    const failed = refusals.reduce(
      (n, e) => n + ((e.data as { why: Record<string, number> }).why['sso-failed'] ?? 0),
      0,
    );
    expect(failed).toBe(2);
  });
});

describe('staff console single sign-on, provider down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({
      // Nothing listens on port 9 (discard) here: the provider's metadata cannot be fetched.
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'portal-console',
      OIDC_CLIENT_SECRET: 'unused-client-secret',
      OIDC_REDIRECT_URI: 'http://localhost:3000/v1/staff/sso/callback',
      OIDC_ROLE_MAP: 'portal-support:support',
    });
  });
  afterAll(() => t.close());

  it('sends the browser back to the console saying so, and names only the error in the log', async () => {
    const res = await t.http().get('/v1/staff/sso/start').expect(302);
    expect(res.headers.location).toBe('/console/?sso=unavailable');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(t.logs.join('\n')).not.toContain('unused-client-secret');
  });
});

describe('staff console single sign-on, not configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('is announced as off, and its routes send the browser back to the console', async () => {
    expect((await t.http().get('/v1/staff/sso').expect(200)).body).toEqual({ enabled: false });
    expect((await t.http().get('/v1/staff/sso/start').expect(302)).headers.location).toBe(
      '/console/?sso=off',
    );
    expect((await t.http().get('/v1/staff/sso/callback?code=x&state=y').expect(302)).headers.location).toBe(
      '/console/?sso=off',
    );
  });
});

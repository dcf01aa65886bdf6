/**
 * Passkeys over HTTP with a software authenticator (test/support/soft-authenticator.ts): adding
 * one from a fresh session, signing in with it in place of the emailed code and alone, and each
 * refusal (another origin or RP id, a replayed or expired challenge, a counter that went back,
 * no user verification where it is required, a removed credential, a locked account), counted
 * toward the lock as DESIGN's "every login path" asks, under parallel attempts too.
 */
import type { Accounts } from '@portal/accounts';
import type { EventStore, RecordedEvent } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { newChallenge } from '../apps/api/src/portal/passkeys/passkey-challenge';
import { startApp, type TestApp } from './support/app';
import { StaffDirectory } from '@portal/staff';
import { eventually, Outbox } from './support/outbox';
import { NONMEMBER_FORM, PASSWORD, WRONG_PASSWORD } from './support/forms';
import { SoftCredential } from './support/soft-authenticator';

const ORIGIN = 'https://portal.example.test';
const RP_ID = 'portal.example.test';
const APPLE = 'ABCDE12345.org.example.portal';

describe('portal: passkeys', () => {
  let t: TestApp;
  let mail: Outbox;
  beforeAll(async () => {
    t = await startApp({ PORTAL_URL: ORIGIN, PASSKEY_PASSWORDLESS: 'true', WEBAUTHN_APPLE_APP_IDS: APPLE });
    mail = new Outbox(t.dataDir);
  });
  afterAll(() => t.close());

  const emailOf = (username: string) => `${username}@example.com`;
  const register = async (username: string): Promise<string> => {
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username, email: emailOf(username) })
      .expect(201);
    return (await t.app.get<Accounts>(ACCOUNTS).holder('username', username))!;
  };
  const streamOf = (accountId: string): Promise<RecordedEvent[]> =>
    t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
  const count = (events: RecordedEvent[], type: string, data: Record<string, unknown> = {}) =>
    events.filter((e) => e.type === type && Object.entries(data).every(([k, v]) => e.data[k] === v)).length;
  const logIn = (username: string, password = PASSWORD) =>
    t.http().post('/v1/login').send({ username, password });
  const signInWithEmailCode = async (username: string): Promise<string> => {
    const step1 = await logIn(username).expect(200);
    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code: await mail.code(emailOf(username)) })
      .expect(200);
    return step2.body.sessionToken as string;
  };
  const bearer = (session: string) => ({ authorization: `Bearer ${session}` });
  /** Adds a passkey from `session`: the authenticator makes it for the options' RP and user. */
  const addPasskey = async (session: string, name = 'Pat’s phone') => {
    const options = await t.http().post('/v1/me/passkeys/options').set(bearer(session)).expect(200);
    expect(options.body.rp.id).toBe(RP_ID);
    const credential = new SoftCredential(options.body.rp.id, options.body.user.id);
    const added = await t
      .http()
      .post('/v1/me/passkeys')
      .set(bearer(session))
      .send({ response: credential.attest(options.body, ORIGIN), name })
      .expect(201);
    return { credential, passkeyId: added.body.passkeyId as string, options: options.body };
  };
  /** Step 1 of log on, then the passkey options for that login. */
  const passkeyLogin = async (username: string) => {
    const step1 = await logIn(username).expect(200);
    expect(step1.body.secondFactor).toBe('passkey');
    const options = await t
      .http()
      .post('/v1/login/passkey/options')
      .send({ loginToken: step1.body.loginToken })
      .expect(200);
    return { loginToken: step1.body.loginToken as string, options: options.body };
  };
  const verify = (loginToken: string, response: unknown) =>
    t.http().post('/v1/login/verify-passkey').send({ loginToken, response });
  const passwordlessOptions = async () =>
    (await t.http().post('/v1/login/passwordless/options').send({}).expect(200)).body;
  const passwordless = (response: unknown) => t.http().post('/v1/login/passwordless').send({ response });

  it('adds a passkey after a fresh sign-in, lists it, and signs in with it in place of the emailed code', async () => {
    const accountId = await register('passkey01');
    const session = await signInWithEmailCode('passkey01');
    const { credential, passkeyId } = await addPasskey(session);
    const list = await t.http().get('/v1/me/passkeys').set(bearer(session)).expect(200);
    expect(list.body).toEqual([
      { passkeyId, name: 'Pat’s phone', registeredAt: expect.any(String), synced: true },
    ]);

    const codesBefore = count(await streamOf(accountId), 'OtpIssued');
    const { loginToken, options } = await passkeyLogin('passkey01');
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: credential.credentialId })]);
    // No code is emailed for a passkey account's login.
    expect(count(await streamOf(accountId), 'OtpIssued')).toBe(codesBefore);
    const signedIn = await verify(loginToken, credential.assert(options, ORIGIN)).expect(200);
    await t.http().get('/v1/me').set(bearer(signedIn.body.sessionToken)).expect(200);

    const events = await streamOf(accountId);
    expect(count(events, 'PasskeyUsed', { via: 'second-step' })).toBe(1);
    expect(count(events, 'LoginSucceeded', { method: 'passkey' })).toBe(1);
    const listed = await t.http().get('/v1/me/passkeys').set(bearer(session)).expect(200);
    expect(listed.body[0].lastUsedAt).toEqual(expect.any(String));
    // The name is the person's: sealed in the event.
    const registered = events.find((e) => e.type === 'PasskeyRegistered')!;
    expect(JSON.stringify(registered.data)).not.toContain('Pat’s phone');
  });

  it('a lost phone: resend-code emails a code, which still signs in', async () => {
    await register('passkey02');
    await addPasskey(await signInWithEmailCode('passkey02'));
    const { loginToken } = await passkeyLogin('passkey02');
    await t.http().post('/v1/login/resend-code').send({ loginToken }).expect(202);
    await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken, code: await mail.code(emailOf('passkey02')) })
      .expect(200);
  });

  it('refuses another origin and another RP id, each counted toward the lock', async () => {
    const accountId = await register('passkey03');
    const { credential } = await addPasskey(await signInWithEmailCode('passkey03'));
    const { loginToken, options } = await passkeyLogin('passkey03');
    const elsewhere = await verify(loginToken, credential.assert(options, 'https://evil.example')).expect(
      401,
    );
    expect(elsewhere.body.error.code).toBe('PASSKEY_REFUSED');
    const otherRp = await verify(
      loginToken,
      credential.assert(options, ORIGIN, { rpId: 'evil.example' }),
    ).expect(401);
    expect(otherRp.body.error.code).toBe('PASSKEY_REFUSED');
    expect(count(await streamOf(accountId), 'LoginFailed', { reason: 'wrong-passkey' })).toBe(2);
    // The right assertion still works afterwards.
    await verify(loginToken, credential.assert(options, ORIGIN)).expect(200);
  });

  it('refuses a replayed registration, a replayed sign-in and an expired challenge', async () => {
    await register('passkey04');
    const session = await signInWithEmailCode('passkey04');
    const { credential, options: creation } = await addPasskey(session);
    // The same registration answer again (another credential, the same challenge).
    const again = new SoftCredential(RP_ID, creation.user.id);
    const replayed = await t
      .http()
      .post('/v1/me/passkeys')
      .set(bearer(session))
      .send({ response: again.attest(creation, ORIGIN), name: 'Again' })
      .expect(401);
    expect(replayed.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');

    const options = await passwordlessOptions();
    const answer = credential.assert(options, ORIGIN);
    await passwordless(answer).expect(200);
    const replay = await passwordless(answer).expect(401);
    expect(replay.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');

    const accounts = t.app.get<Accounts>(ACCOUNTS);
    const expired = newChallenge(accounts, { p: 'passwordless' }, Date.now() - 6 * 60_000);
    const late = await passwordless(credential.assert({ challenge: expired }, ORIGIN)).expect(401);
    expect(late.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
    // A challenge this service did not make.
    const made = await passwordless(credential.assert({ challenge: 'A'.repeat(60) }, ORIGIN)).expect(401);
    expect(made.body.error.code).toBe('PASSKEY_CHALLENGE_INVALID');
  });

  it('refuses a counter that went back, and records it', async () => {
    const accountId = await register('passkey05');
    const { credential } = await addPasskey(await signInWithEmailCode('passkey05'));
    credential.counter = 10;
    await passwordless(credential.assert(await passwordlessOptions(), ORIGIN)).expect(200);
    // A copy of the credential, behind the original.
    credential.counter = 3;
    const cloned = await passwordless(credential.assert(await passwordlessOptions(), ORIGIN)).expect(401);
    expect(cloned.body.error.code).toBe('PASSKEY_SIGN_COUNT_REGRESSED');
    const events = await streamOf(accountId);
    expect(events.find((e) => e.type === 'PasskeySignCountRegressed')?.data).toMatchObject({
      storedCount: 11,
      reportedCount: 4,
    });
  });

  it('passwordless needs user verification', async () => {
    await register('passkey06');
    const { credential } = await addPasskey(await signInWithEmailCode('passkey06'));
    const answer = credential.assert(await passwordlessOptions(), ORIGIN, { userVerified: false });
    const refused = await passwordless(answer).expect(401);
    expect(refused.body.error.code).toBe('PASSKEY_USER_VERIFICATION_REQUIRED');
  });

  it('a removed passkey no longer signs in; renaming and removing an unknown one is 404', async () => {
    await register('passkey07');
    const session = await signInWithEmailCode('passkey07');
    const kept = await addPasskey(session, 'Kept');
    const gone = await addPasskey(session, 'Gone');
    await t
      .http()
      .patch(`/v1/me/passkeys/${kept.passkeyId}`)
      .set(bearer(session))
      .send({ name: 'Renamed' })
      .expect(204);
    await t.http().delete(`/v1/me/passkeys/${gone.passkeyId}`).set(bearer(session)).expect(204);
    const list = await t.http().get('/v1/me/passkeys').set(bearer(session)).expect(200);
    expect(list.body.map((p: { name: string }) => p.name)).toEqual(['Renamed']);
    const unknown = await t
      .http()
      .delete(`/v1/me/passkeys/${gone.passkeyId}`)
      .set(bearer(session))
      .expect(404);
    expect(unknown.body.error.code).toBe('PASSKEY_NOT_FOUND');

    const alone = await passwordless(gone.credential.assert(await passwordlessOptions(), ORIGIN)).expect(401);
    expect(alone.body.error.code).toBe('PASSKEY_UNKNOWN');
    const { loginToken, options } = await passkeyLogin('passkey07');
    const second = await verify(loginToken, gone.credential.assert(options, ORIGIN)).expect(401);
    expect(second.body.error.code).toBe('PASSKEY_UNKNOWN');
    await verify(loginToken, kept.credential.assert(options, ORIGIN)).expect(200);
  });

  it('a locked account is refused on both passkey paths, as a wrong password is, and the try recorded', async () => {
    const accountId = await register('passkey08');
    const { credential } = await addPasskey(await signInWithEmailCode('passkey08'));
    const { loginToken, options } = await passkeyLogin('passkey08');
    for (let i = 0; i < 5; i++) await logIn('passkey08', WRONG_PASSWORD).expect(401);
    const alone = await passwordless(credential.assert(await passwordlessOptions(), ORIGIN)).expect(401);
    expect(alone.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(count(await streamOf(accountId), 'LoginFailed', { reason: 'locked' })).toBe(1);
    // The login started before the lock ended with it.
    const second = await verify(loginToken, credential.assert(options, ORIGIN)).expect(401);
    expect(['INVALID_CREDENTIALS', 'LOGIN_NOT_STARTED']).toContain(second.body.error.code);
    expect(count(await streamOf(accountId), 'LoginSucceeded', { method: 'passkey' })).toBe(0);
  });

  it('50 parallel refused passkey assertions lock the account after exactly 5; the right one is then refused', async () => {
    const accountId = await register('passkey09');
    const { credential } = await addPasskey(await signInWithEmailCode('passkey09'));
    const { loginToken, options } = await passkeyLogin('passkey09');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        verify(loginToken, credential.assert(options, 'https://evil.example')),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(401));
    const events = await streamOf(accountId);
    expect(count(events, 'LoginFailed', { reason: 'wrong-passkey' })).toBe(5);
    expect(count(events, 'Locked')).toBe(1);
    await verify(loginToken, credential.assert(options, ORIGIN)).expect(401);
    const alone = await passwordless(credential.assert(await passwordlessOptions(), ORIGIN)).expect(401);
    expect(alone.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(count(await streamOf(accountId), 'LoginSucceeded')).toBe(1);
  });

  it('the same valid assertion sent 10 times at once yields one session', async () => {
    const accountId = await register('passkey11');
    const { credential } = await addPasskey(await signInWithEmailCode('passkey11'));
    const answer = credential.assert(await passwordlessOptions(), ORIGIN);
    const answers = await Promise.all(Array.from({ length: 10 }, () => passwordless(answer)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(9);
    const events = await streamOf(accountId);
    expect(count(events, 'LoginSucceeded', { method: 'passkey' })).toBe(1);
    // The replays are refused as a spent challenge: not counted toward the lock, not a counter regression.
    expect(count(events, 'LoginFailed') + count(events, 'PasskeySignCountRegressed')).toBe(0);
    expect(new Set(answers.filter((a) => a.status === 401).map((a) => a.body.error.code))).toEqual(
      new Set(['PASSKEY_CHALLENGE_INVALID']),
    );
  });

  it('support sees how many passkeys and when each was last used, removes one with a reason; history and audit show them', async () => {
    const accountId = await register('passkey10');
    const { credential, passkeyId } = await addPasskey(await signInWithEmailCode('passkey10'));
    await passwordless(credential.assert(await passwordlessOptions(), ORIGIN)).expect(200);
    const staff = t.app.get(StaffDirectory, { strict: false });
    const ctx = {
      correlationId: 'test',
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    };
    const token = (await staff.create('sue.support', ['support'], ctx)).token;
    const auditor = (await staff.create('al.auditor', ['auditor'], ctx)).token;
    const as = (tok: string) => ({
      authorization: `Bearer ${tok}`,
      'x-access-reason': 'member called: lost phone',
    });

    const page = await eventually(async () => {
      const r = await t.http().get(`/v1/support/accounts/${accountId}`).set(as(token)).expect(200);
      return r.body.passkeys?.[0]?.lastUsedAt ? r.body : undefined;
    });
    expect(page.passkeys).toEqual([
      { passkeyId, registeredAt: expect.any(String), lastUsedAt: expect.any(String) },
    ]);

    const state = await t.http().get(`/v1/audit/accounts/${accountId}/state`).set(as(auditor)).expect(200);
    expect(JSON.stringify(state.body)).toContain('Pat’s phone');
    expect(JSON.stringify(state.body)).toContain(passkeyId);

    await t
      .http()
      .post(`/v1/support/accounts/${accountId}/passkeys/${passkeyId}/remove`)
      .set(as(token))
      .send({ reason: 'Lost phone, ticket 4711' })
      .expect(200);
    const again = await t
      .http()
      .post(`/v1/support/accounts/${accountId}/passkeys/${passkeyId}/remove`)
      .set(as(token))
      .send({ reason: 'Lost phone, ticket 4711' })
      .expect(404);
    expect(again.body.error.code).toBe('PASSKEY_NOT_FOUND');
    const refused = await passwordless(credential.assert(await passwordlessOptions(), ORIGIN)).expect(401);
    expect(refused.body.error.code).toBe('PASSKEY_UNKNOWN');

    const history = await t
      .http()
      .get(`/v1/support/accounts/${accountId}/history`)
      .set(as(token))
      .expect(200);
    const texts: string[] = history.body.items.map((i: { text: string }) => i.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Signed in with a passkey',
        'Passkey used to sign in without a password',
        expect.stringMatching(/^Passkey “.*” added \(synced passkey\)$/),
        expect.stringMatching(/^Passkey removed by staff member sue.support, reason given: “.*”$/),
      ]),
    );
    await eventually(async () => {
      const r = await t.http().get(`/v1/support/accounts/${accountId}`).set(as(token)).expect(200);
      return r.body.passkeys === undefined ? true : undefined;
    });
  });

  it('serves the iOS association when configured, and no Android asset links when not', async () => {
    const apple = await t.http().get('/.well-known/apple-app-site-association').expect(200);
    expect(apple.body).toEqual({ webcredentials: { apps: [APPLE] } });
    await t.http().get('/.well-known/assetlinks.json').expect(404);
  });
});

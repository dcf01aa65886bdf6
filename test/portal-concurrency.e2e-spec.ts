/**
 * DESIGN.md "Tests that must exist": parallel attempts against one account count
 * exactly as many as the policy allows (authenticator codes, reset codes, a reset
 * token), and a locked account is refused on every login path: a log on with the
 * answer a wrong password gets, a token with the answer any token naming no login
 * in progress gets. Wrong passwords, emailed login codes and security answers
 * in parallel are in portal-login.e2e-spec.ts.
 */
import { generate } from 'otplib';
import type { Accounts } from '@portal/accounts';
import type { EventStore, RecordedEvent } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
import { eventually, Outbox } from './support/outbox';
import { NONMEMBER_FORM, PASSWORD, WRONG_PASSWORD } from './support/forms';

const form = NONMEMBER_FORM;

describe('portal: parallel attempts and the lock on every login path', () => {
  let t: TestApp;
  let mail: Outbox;
  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
  });
  afterAll(() => t.close());

  const emailOf = (username: string) => `${username}@example.com`;
  const register = async (username: string): Promise<string> => {
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...form, username, email: emailOf(username) })
      .expect(201);
    return (await t.app.get<Accounts>(ACCOUNTS).holder('username', username))!;
  };
  const streamOf = (accountId: string): Promise<RecordedEvent[]> =>
    t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
  const count = (events: RecordedEvent[], type: string, data: Record<string, unknown> = {}) =>
    events.filter((e) => e.type === type && Object.entries(data).every(([k, v]) => e.data[k] === v)).length;
  const logIn = (username: string, password: string) =>
    t.http().post('/v1/login').send({ username, password });
  const signInWithEmailCode = async (username: string): Promise<string> => {
    const step1 = await logIn(username, PASSWORD).expect(200);
    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code: await mail.code(emailOf(username)) })
      .expect(200);
    return step2.body.sessionToken as string;
  };
  /** Adds an authenticator app; `codeAt(s)` is its code `s` seconds from now. The current step is spent. */
  const enrolAuthenticator = async (session: string) => {
    const auth = { authorization: `Bearer ${session}` };
    const enrol = await t.http().post('/v1/me/authenticator').set(auth).expect(200);
    const epoch = Math.floor(Date.now() / 1000);
    const codeAt = (offset: number) => generate({ secret: enrol.body.secret, epoch: epoch + offset });
    await t
      .http()
      .post('/v1/me/authenticator/confirm')
      .set(auth)
      .send({ enrolmentToken: enrol.body.enrolmentToken, code: await codeAt(0) })
      .expect(204);
    // A code no step near now accepts, whichever step boundary the test crosses.
    const near = new Set(await Promise.all([-60, -30, 0, 30, 60, 90].map(codeAt)));
    let wrong = 0;
    while (near.has(String(wrong).padStart(6, '0'))) wrong++;
    return { codeAt, wrongCode: String(wrong).padStart(6, '0') };
  };
  const lock = async (username: string) => {
    for (let i = 0; i < 5; i++) await logIn(username, WRONG_PASSWORD).expect(401);
  };
  /** Forgot password with a username, started while the test waits for its effect (it happens after the answer). */
  const startReset = async (accountId: string, username: string): Promise<string> => {
    const before = count(await streamOf(accountId), 'PasswordResetRequested');
    const start = await t.http().post('/v1/password-resets').send({ username }).expect(202);
    await eventually(
      async () => (count(await streamOf(accountId), 'PasswordResetRequested') > before ? true : undefined),
      10_000,
      'the reset to be recorded',
    );
    return start.body.resetToken as string;
  };

  it('50 parallel wrong authenticator codes lock the account after exactly 5; the right code is then refused', async () => {
    const accountId = await register('totprace1');
    const { codeAt, wrongCode } = await enrolAuthenticator(await signInWithEmailCode('totprace1'));
    const step1 = await logIn('totprace1', PASSWORD).expect(200);
    expect(step1.body.secondFactor).toBe('authenticator');

    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t
          .http()
          .post('/v1/login/verify-authenticator')
          .send({ loginToken: step1.body.loginToken, code: wrongCode }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(401));
    const events = await streamOf(accountId);
    expect(count(events, 'LoginFailed', { reason: 'wrong-authenticator-code' })).toBe(5);
    expect(count(events, 'LoginFailed')).toBe(5);
    expect(count(events, 'Locked')).toBe(1);

    await t
      .http()
      .post('/v1/login/verify-authenticator')
      .send({ loginToken: step1.body.loginToken, code: await codeAt(30) })
      .expect(401);
    await logIn('totprace1', PASSWORD).expect(401);
    // The only session ever started is the one that enrolled the app.
    expect(count(await streamOf(accountId), 'LoginSucceeded')).toBe(1);
  });

  it('50 parallel wrong reset codes use exactly the 5 tries; the right code is then refused', async () => {
    const accountId = await register('resetrace1');
    const resetToken = await startReset(accountId, 'resetrace1');
    const right = await mail.code(emailOf('resetrace1'));
    const wrong = right === '000000' ? '111111' : '000000';

    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.http().post('/v1/password-resets/verify-code').send({ resetToken, code: wrong }),
      ),
    );
    // One answer for every refusal on a reset's code step (a decoy's too), so only the events show the 5 tries.
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(Array(50).fill([401, 'CODE_INVALID']));
    expect(count(await streamOf(accountId), 'OtpFailed')).toBe(5);

    const late = await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken, code: right })
      .expect(401);
    expect(late.body.error.code).toBe('CODE_INVALID');
    expect(count(await streamOf(accountId), 'OtpVerified')).toBe(0);
    await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken, newPassword: 'Another9Strong1Pass' })
      .expect(403);
    const events = await streamOf(accountId);
    expect(count(events, 'OtpVerified')).toBe(0);
    expect(count(events, 'PasswordReset')).toBe(0);
  });

  it('50 parallel completions of one verified reset: exactly one new password is set', async () => {
    const accountId = await register('resetrace2');
    const resetToken = await startReset(accountId, 'resetrace2');
    await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken, code: await mail.code(emailOf('resetrace2')) })
      .expect(204);

    const passwords = Array.from({ length: 50 }, (_, i) => `Parallel${i}Reset9Pass`);
    const answers = await Promise.all(
      passwords.map((newPassword) =>
        t.http().post('/v1/password-resets/complete').send({ resetToken, newPassword }),
      ),
    );
    const won = answers.flatMap((a, i) => (a.status === 204 ? [i] : []));
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 403 && a.body.error.code === 'RESET_NOT_ALLOWED')).toHaveLength(
      49,
    );
    expect(count(await streamOf(accountId), 'PasswordReset')).toBe(1);
    await logIn('resetrace2', passwords[won[0]]).expect(200);
    await logIn('resetrace2', passwords[(won[0] + 1) % 50]).expect(401);
  });

  it('a locked account is refused on every login path: a log on as a wrong password is, a token as one naming no login', async () => {
    // Emailed codes: a login started before the lock, and a reset started during it.
    const mailAccount = await register('lockedmail');
    const started = await logIn('lockedmail', PASSWORD).expect(200);
    const startedCode = await mail.code(emailOf('lockedmail'));
    const wrongPassword = (await logIn('lockedmail', WRONG_PASSWORD).expect(401)).body;
    expect(wrongPassword.error.code).toBe('INVALID_CREDENTIALS');
    for (let i = 0; i < 4; i++) await logIn('lockedmail', WRONG_PASSWORD).expect(401);
    expect(count(await streamOf(mailAccount), 'Locked')).toBe(1);

    const refusals: { path: string; status: number; body: unknown }[] = [];
    const attempt = async (path: string, body: object) => {
      const r = await t.http().post(path).send(body);
      refusals.push({ path, status: r.status, body: r.body });
    };
    await attempt('/v1/login', { username: 'lockedmail', password: PASSWORD });
    await attempt('/v1/login/verify-code', { loginToken: started.body.loginToken, code: startedCode });
    // A reset may start while locked (seed 004), but its code must not open a session on the login path.
    const mailReset = await startReset(mailAccount, 'lockedmail');
    const resetCode = await mail.code(emailOf('lockedmail'));
    await attempt('/v1/login/verify-code', { loginToken: mailReset, code: resetCode });

    // The app and its recovery codes: a login started before the lock, and a reset started during it.
    const appAccount = await register('lockedapp');
    const session = await signInWithEmailCode('lockedapp');
    const { codeAt } = await enrolAuthenticator(session);
    const recovery = await t
      .http()
      .post('/v1/me/recovery-codes')
      .set('authorization', `Bearer ${session}`)
      .expect(200);
    const appStarted = await logIn('lockedapp', PASSWORD).expect(200);
    expect(appStarted.body.secondFactor).toBe('authenticator');
    await lock('lockedapp');
    const appReset = await startReset(appAccount, 'lockedapp');
    await attempt('/v1/login', { username: 'lockedapp', password: PASSWORD });
    for (const loginToken of [appStarted.body.loginToken, appReset]) {
      await attempt('/v1/login/verify-authenticator', { loginToken, code: await codeAt(30) });
      await attempt('/v1/login/verify-recovery-code', { loginToken, code: recovery.body.codes[0] });
    }

    // A log on with the password is refused as a wrong password is. Every token here names no login in
    // progress (the lock ended the ones started before it; a reset's never was one): each is told to start
    // again, as it would be without the lock, and as a decoy reset's token is, so nothing tells the lock
    // or a real account apart.
    const decoy = await t.http().post('/v1/password-resets').send({ username: 'nobodylocked1' }).expect(202);
    await attempt('/v1/login/verify-code', { loginToken: decoy.body.resetToken, code: resetCode });
    const notStarted = { error: { code: 'LOGIN_NOT_STARTED', message: 'Start again by signing in.' } };
    expect(refusals).toEqual(
      refusals.map(({ path }) => ({
        path,
        status: 401,
        body: path === '/v1/login' ? wrongPassword : notStarted,
      })),
    );
    expect(refusals.filter((r) => r.path === '/v1/login')).toHaveLength(2);
    for (const accountId of [mailAccount, appAccount]) {
      const events = await streamOf(accountId);
      const lockedAt = events.findIndex((e) => e.type === 'Locked');
      expect(count(events.slice(lockedAt), 'LoginSucceeded')).toBe(0);
      expect(count(events.slice(lockedAt), 'RecoveryCodeUsed')).toBe(0);
    }
    // The reset itself still works while locked, with the same code, on its own route.
    await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken: mailReset, code: resetCode })
      .expect(204);
  });

  it("forgot password with an app: the app's code verifies the reset on the reset route; tokens do not cross routes", async () => {
    const accountId = await register('appreset1');
    const { codeAt } = await enrolAuthenticator(await signInWithEmailCode('appreset1'));
    const login = await logIn('appreset1', PASSWORD).expect(200);
    // A login's token does not verify a reset (it would record a sign-in with no session).
    const crossed = await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken: login.body.loginToken, code: await codeAt(30) })
      .expect(401);
    expect(crossed.body.error.code).toBe('CODE_INVALID');
    const resetToken = await startReset(accountId, 'appreset1');
    // No code is emailed to an app user; a reset's token does not sign in.
    await t
      .http()
      .post('/v1/login/verify-authenticator')
      .send({ loginToken: resetToken, code: await codeAt(30) })
      .expect(401);
    await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken, code: await codeAt(30) })
      .expect(204);
    await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken, newPassword: 'Another9Strong1Pass' })
      .expect(204);
    await logIn('appreset1', 'Another9Strong1Pass').expect(200);
    const events = await streamOf(accountId);
    expect(count(events, 'PasswordReset', { via: 'two-step' })).toBe(1);
    expect(count(events, 'LoginSucceeded')).toBe(1);
    expect(count(events, 'OtpIssued')).toBe(1); // the first sign-in's, before the app
  });
});

import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { generate } from 'otplib';
import { startApp, type TestApp } from './support/app';
import { Outbox } from './support/outbox';
import { NONMEMBER_FORM, PASSWORD, WRONG_PASSWORD } from './support/forms';

/** Issue 23 item 4: the account policy from configuration ("Tests and staging need a short lock window"). */
describe('policy settings', () => {
  describe('a short lock window (LOCK_SECONDS)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startApp({ LOCK_THRESHOLD: '3', LOCK_SECONDS: '3' })));
    afterAll(() => t.close());

    it('locks after LOCK_THRESHOLD wrong passwords and opens again once the window has passed, without support', async () => {
      await t
        .http()
        .post('/v1/registrations/nonmember')
        .send({ ...NONMEMBER_FORM, username: 'shortlock01', email: 'shortlock@example.com' })
        .expect(201);
      const logIn = (password: string) =>
        t.http().post('/v1/login').send({ username: 'shortlock01', password });
      for (let i = 0; i < 3; i++) await logIn(WRONG_PASSWORD).expect(401);

      const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'shortlock01'))!;
      const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
      const locks = stream.filter((e) => e.type === 'Locked');
      expect(locks).toHaveLength(1);
      // The third wrong password locked it (the seed's threshold is 5).
      expect(stream.filter((e) => e.type === 'LoginFailed')).toHaveLength(3);
      const lockedUntil = Date.parse((locks[0].data as { until: string }).until);
      // Locked: the right password is answered as a wrong one while the window lasts.
      if (Date.now() < lockedUntil - 1000) {
        expect((await logIn(PASSWORD).expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');
      }

      // On the real clock, bounded: the window is seconds, not the seed's 30 minutes.
      const giveUpAt = Date.now() + 60_000;
      while (Date.now() <= lockedUntil && Date.now() < giveUpAt)
        await new Promise((r) => setTimeout(r, Math.max(50, Math.min(500, lockedUntil - Date.now() + 50))));
      const open = await logIn(PASSWORD).expect(200);
      expect(open.body.loginToken).toEqual(expect.any(String));
    }, 90_000);
  });

  describe('AUTHENTICATOR_REQUIRED and a longer PASSWORD_MIN_LENGTH', () => {
    let t: TestApp;
    beforeAll(
      async () => (t = await startApp({ AUTHENTICATOR_REQUIRED: 'true', PASSWORD_MIN_LENGTH: '24' })),
    );
    afterAll(() => t.close());
    const LONG_PASSWORD = 'Canary7Password9Secret42x';

    it('refuses a password shorter than the setting, naming the length', async () => {
      expect(PASSWORD.length).toBeLessThan(24);
      const short = await t
        .http()
        .post('/v1/registrations/nonmember')
        .send({ ...NONMEMBER_FORM, username: 'longpass01', email: 'longpass@example.com' })
        .expect(400);
      expect(short.body.error.fields.password).toContain('at least 24 characters');
    });

    it('refuses it at the form, with the other bad fields at once (the form checks the configured policy)', async () => {
      // A bad date stops the form before any handler runs: the password is named there, or not at all.
      const both = await t
        .http()
        .post('/v1/registrations/nonmember')
        .send({
          ...NONMEMBER_FORM,
          username: 'longpass02',
          email: 'longpass2@example.com',
          dateOfBirth: '1990-02-30',
        })
        .expect(400);
      expect(Object.keys(both.body.error.fields).sort()).toEqual(['dateOfBirth', 'password']);
      expect(both.body.error.fields.password).toContain('at least 24 characters');
    });

    it('a login without an app: password, emailed code, then an app enrolled before any session (AUTHENTICATOR_REQUIRED)', async () => {
      await t
        .http()
        .post('/v1/registrations/nonmember')
        .send({
          ...NONMEMBER_FORM,
          username: 'needsapp01',
          email: 'needsapp@example.com',
          password: LONG_PASSWORD,
        })
        .expect(201);
      const step1 = await t
        .http()
        .post('/v1/login')
        .send({ username: 'needsapp01', password: LONG_PASSWORD })
        .expect(200);
      expect(step1.body.secondFactor).toBe('email-code');
      const loginToken = step1.body.loginToken as string;
      const step2 = await t
        .http()
        .post('/v1/login/verify-code')
        .send({ loginToken, code: await new Outbox(t.dataDir).code('needsapp@example.com') })
        .expect(200);
      // No session yet: an app to enrol.
      expect(step2.body).toEqual({
        authenticatorRequired: true,
        enrolmentToken: expect.any(String),
        secret: expect.stringMatching(/^[A-Z2-7]+=*$/),
        otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//),
        qrPngBase64: expect.any(String),
      });
      const { enrolmentToken, secret } = step2.body as { enrolmentToken: string; secret: string };
      const enrol = (code: string, token = enrolmentToken) =>
        t.http().post('/v1/login/enrol-authenticator').send({ loginToken, enrolmentToken: token, code });
      const epoch = Math.floor(Date.now() / 1000);
      const right = await generate({ secret, epoch });
      const near = new Set(
        await Promise.all([-60, -30, 0, 30, 60].map((o) => generate({ secret, epoch: epoch + o }))),
      );
      let wrong = 0;
      while (near.has(String(wrong).padStart(6, '0'))) wrong++;
      expect((await enrol(String(wrong).padStart(6, '0')).expect(401)).body.error.code).toBe(
        'AUTHENTICATOR_CODE_INVALID',
      );
      // Another enrolment token (made for another account, or altered) does not open.
      await enrol(right, `${enrolmentToken.slice(0, -2)}xx`).expect(401);
      const signedIn = await enrol(right).expect(200);
      expect(signedIn.body.sessionToken).toEqual(expect.any(String));
      const me = await t
        .http()
        .get('/v1/me')
        .set({ authorization: `Bearer ${signedIn.body.sessionToken}` })
        .expect(200);
      expect(me.body.authenticatorEnrolled).toBe(true);
      // The login is spent; the next one asks for the app's code, and no code is emailed.
      await enrol(right).expect(401);
      const again = await t
        .http()
        .post('/v1/login')
        .send({ username: 'needsapp01', password: LONG_PASSWORD })
        .expect(200);
      expect(again.body.secondFactor).toBe('authenticator');
      const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'needsapp01'))!;
      const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
      expect(stream.filter((e) => e.type === 'OtpIssued')).toHaveLength(1);
      expect(stream.filter((e) => e.type === 'LoginSucceeded').map((e) => e.data.method)).toEqual([
        'authenticator',
      ]);
    });
  });

  describe('a password length per audience (PASSWORD_MIN_LENGTH_NONMEMBER)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startApp({ PASSWORD_MIN_LENGTH_NONMEMBER: '24' })));
    afterAll(() => t.close());

    it("refuses a nonmember's short password at the form; a producer's form keeps the common length", async () => {
      expect(PASSWORD.length).toBeLessThan(24);
      const nonmember = await t
        .http()
        .post('/v1/registrations/nonmember')
        .send({
          ...NONMEMBER_FORM,
          username: 'audience01',
          email: 'audience01@example.com',
          dateOfBirth: '1990-02-30',
        })
        .expect(400);
      expect(Object.keys(nonmember.body.error.fields).sort()).toEqual(['dateOfBirth', 'password']);
      expect(nonmember.body.error.fields.password).toContain('at least 24 characters');
      const { dateOfBirth: _d, ...producerForm } = NONMEMBER_FORM;
      await t
        .http()
        .post('/v1/registrations/producer')
        .send({
          ...producerForm,
          username: 'audience02',
          email: 'audience02@example.com',
          producerId: 'AG-1',
        })
        .expect(201);
    });
  });
});

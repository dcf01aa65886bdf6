import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
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

    it('tells a login without an enrolled authenticator app to add one, and issues no emailed code', async () => {
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
      const refused = await t
        .http()
        .post('/v1/login')
        .send({ username: 'needsapp01', password: LONG_PASSWORD })
        .expect(403);
      expect(refused.body.error.code).toBe('AUTHENTICATOR_REQUIRED');
      expect(refused.body.error.message).toMatch(/authenticator app/i);
      expect(refused.body.loginToken).toBeUndefined();
      const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'needsapp01'))!;
      const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
      expect(stream.filter((e) => e.type === 'OtpIssued')).toHaveLength(0);
    });
  });
});

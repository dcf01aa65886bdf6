import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM, PASSWORD } from './support/forms';
import { Outbox } from './support/outbox';

/** Issue 20 item 12: a right password must not buy fresh guesses at the emailed code without end. */
describe('wrong codes lock the account over a longer window', () => {
  let t: TestApp;
  let mail: Outbox;
  beforeAll(async () => {
    // The per-account limit off, so that only the lockout answers.
    t = await startApp({ RATE_LIMIT_ACCOUNT_PER_MINUTE: '0' });
    mail = new Outbox(t.dataDir);
  });
  afterAll(() => t.close());

  it('3 emailed codes used up within the hour lock the account as 5 wrong passwords do, with the email', async () => {
    const email = 'guessed@example.com';
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username: 'guessed01', email })
      .expect(201);
    const logIn = () => t.http().post('/v1/login').send({ username: 'guessed01', password: PASSWORD });
    for (let round = 0; round < 3; round++) {
      const loginToken = (await logIn().expect(200)).body.loginToken as string;
      const right = await mail.code(email);
      const wrong = right === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++)
        await t.http().post('/v1/login/verify-code').send({ loginToken, code: wrong }).expect(401);
    }
    // Locked: the right password is answered as a wrong one, and the owner is told.
    expect((await logIn().expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await mail.next(email, /locked/i)).text).toMatch(/locked/i);
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'guessed01'))!;
    const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
    const locks = stream.filter((e) => e.type === 'Locked');
    expect(locks).toHaveLength(1);
    expect(locks[0].data).toMatchObject({ wrongCodes: 15 });
    expect(stream.filter((e) => e.type === 'OtpFailed')).toHaveLength(15);
  });
});

import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { temporaryPassword } from '@portal/security';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
import { Outbox } from './support/outbox';

const person = {
  firstName: 'Tem',
  lastName: 'Porary',
  dateOfBirth: '1984-02-29',
  email: 'forced@example.com',
  phone: '+15555550101',
  username: 'forced001',
  password: 'Original7Password9',
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
};

describe('portal: a temporary password from support must be changed before anything else', () => {
  let t: TestApp;
  let mail: Outbox;
  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
  });
  afterAll(() => t.close());

  const signIn = async (password: string): Promise<string> => {
    const step1 = await t.http().post('/v1/login').send({ username: person.username, password }).expect(200);
    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code: await mail.code(person.email) })
      .expect(200);
    return step2.body.sessionToken as string;
  };

  /** What support will do through its own route (apps/api/src/support), here through the domain command directly. */
  const issueTemporaryPassword = async (accountId: string): Promise<void> => {
    const accounts = t.app.get<Accounts>(ACCOUNTS);
    const temporary = temporaryPassword();
    await accounts.run(
      accountId,
      {
        type: 'IssueTemporaryPassword',
        staffId: 'staff-0001',
        passwordHash: await accounts.hashPassword(temporary),
        passwordSealed: await accounts.seal(accountId, temporary),
        now: Date.now(),
      },
      {
        correlationId: randomUUID(),
        actor: { kind: 'staff', staffId: 'staff-0001', role: 'support' },
        occurredAt: new Date(),
      },
    );
  };

  it('allows only the profile, the password change and logging out; after the change, a new sign-in has full access', async () => {
    await t.http().post('/v1/registrations/nonmember').send(person).expect(201);
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', person.username))!;
    const before = await signIn(person.password);

    await issueTemporaryPassword(accountId);
    const email = await mail.next(person.email, /temporary password/);
    const temporary = /temporary password for your account: (\S+)\./.exec(email.text)![1];
    expect(email.text).toMatch(/member services issued a temporary password/);
    // Issuing it ended the session that was open, and the old password no longer works.
    await t.http().get('/v1/me').set('authorization', `Bearer ${before}`).expect(401);
    await t
      .http()
      .post('/v1/login')
      .send({ username: person.username, password: person.password })
      .expect(401);

    const session = await signIn(temporary);
    const auth = { authorization: `Bearer ${session}` };
    const refused = {
      error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password before you continue.' },
    };
    await t.http().post('/v1/me/authenticator').set(auth).expect(403, refused);
    await t.http().post('/v1/me/recovery-codes').set(auth).expect(403, refused);
    await t
      .http()
      .post('/v1/me/authenticator/remove')
      .set(auth)
      .send({ password: temporary })
      .expect(403, refused);
    // Refused before the body is read: the guard runs first.
    await t.http().post('/v1/me/authenticator/confirm').set(auth).send({}).expect(403, refused);
    const me = await t.http().get('/v1/me').set(auth).expect(200);
    expect(me.body).toMatchObject({ username: person.username, mustChangePassword: true });
    // Still no session at all: 401, not 403.
    await t.http().post('/v1/me/recovery-codes').expect(401);

    // "Changing" it to itself is no change.
    const same = await t
      .http()
      .post('/v1/me/password')
      .set(auth)
      .send({ currentPassword: temporary, newPassword: temporary })
      .expect(400);
    expect(same.body.error.fields).toEqual({ newPassword: expect.any(String) });
    const chosen = 'Chosen7ByMe9Myself';
    await t
      .http()
      .post('/v1/me/password')
      .set(auth)
      .send({ currentPassword: temporary, newPassword: chosen })
      .expect(204);
    // The change ended the temporary password's session: a new sign-in, with the new password, is needed.
    await t.http().get('/v1/me').set(auth).expect(401);
    await t.http().post('/v1/login').send({ username: person.username, password: temporary }).expect(401);

    const fresh = { authorization: `Bearer ${await signIn(chosen)}` };
    expect((await t.http().get('/v1/me').set(fresh).expect(200)).body.mustChangePassword).toBe(false);
    const codes = await t.http().post('/v1/me/recovery-codes').set(fresh).expect(200);
    expect(codes.body.codes).toHaveLength(10);
    await t.http().post('/v1/me/authenticator').set(fresh).expect(200);

    const types = (await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`)).map(
      (e) => e.type,
    );
    expect(types.filter((type) => type === 'TemporaryPasswordIssued')).toHaveLength(1);
    expect(types.indexOf('PasswordChanged')).toBeGreaterThan(types.indexOf('TemporaryPasswordIssued'));
    expect(types.filter((type) => type === 'RecoveryCodesIssued')).toHaveLength(1);
  });

  it('lets a session that must change its password log out', async () => {
    const other = { ...person, username: 'forced002', email: 'forced2@example.com' };
    await t.http().post('/v1/registrations/nonmember').send(other).expect(201);
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', other.username))!;
    await issueTemporaryPassword(accountId);
    const email = await mail.next(other.email, /temporary password/);
    const temporary = /temporary password for your account: (\S+)\./.exec(email.text)![1];
    const step1 = await t
      .http()
      .post('/v1/login')
      .send({ username: other.username, password: temporary })
      .expect(200);
    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code: await mail.code(other.email) })
      .expect(200);
    expect(step2.body.mustChangePassword).toBe(true);
    const auth = { authorization: `Bearer ${step2.body.sessionToken}` };
    await t.http().post('/v1/me/logout').set(auth).expect(204);
    await t.http().get('/v1/me').set(auth).expect(401);
  });
});

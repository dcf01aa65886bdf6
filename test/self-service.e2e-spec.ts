/**
 * Member self-service over HTTP (issue 23, item 5): a signed-in member changes the
 * email address (a code to the new address, a notice to the old one, the address
 * reserved), the phone, the security question and answer; support deactivates an
 * account with a reason, recorded as a staff access, and the member is emailed.
 */
import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { StaffDirectory } from '@portal/staff';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM, PASSWORD, WRONG_PASSWORD } from './support/forms';
import { Outbox } from './support/outbox';

jest.setTimeout(60_000);

/** What the event store holds, as text (revisions are bigints). */
const stored = (events: unknown) =>
  JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v));

describe('member self-service', () => {
  let t: TestApp;
  let mail: Outbox;
  let accounts: Accounts;
  let store: EventStore;

  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
    accounts = t.app.get(ACCOUNTS);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  const register = async (username: string, email: string) => {
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username, email })
      .expect(201);
    return (await accounts.holder('username', username))!;
  };
  const signIn = async (username: string, email: string): Promise<{ authorization: string }> => {
    const step1 = await t.http().post('/v1/login').send({ username, password: PASSWORD }).expect(200);
    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code: await mail.code(email) })
      .expect(200);
    return { authorization: `Bearer ${step2.body.sessionToken}` };
  };
  const changeCode = async (to: string) =>
    /confirmation code is (\d{6})/.exec((await mail.next(to, /confirmation code is \d{6}/)).text)![1];

  it('changes the email only when the code sent to the new address comes back, and tells the old address', async () => {
    const accountId = await register('emmachanges', 'emma.old@example.com');
    const auth = await signIn('emmachanges', 'emma.old@example.com');
    await register('otherholder', 'taken@example.com');

    const wrongPassword = await t
      .http()
      .post('/v1/me/email')
      .set(auth)
      .send({ currentPassword: WRONG_PASSWORD, email: 'emma.new@example.com' })
      .expect(401);
    expect(wrongPassword.body.error.code).toBe('CURRENT_PASSWORD_WRONG');
    // Another account's address is refused, without a word of whose it is.
    const taken = await t
      .http()
      .post('/v1/me/email')
      .set(auth)
      .send({ currentPassword: PASSWORD, email: 'Taken@example.com' })
      .expect(409);
    expect(taken.body.error.code).toBe('EMAIL_TAKEN');
    expect(JSON.stringify(taken.body)).not.toContain('otherholder');

    await t
      .http()
      .post('/v1/me/email')
      .set(auth)
      .send({ currentPassword: PASSWORD, email: 'emma.new@example.com' })
      .expect(202, { sent: true });
    const code = await changeCode('emma.new@example.com');
    // Nothing changed yet: the address is still the old one, and the new one is not reserved.
    expect((await t.http().get('/v1/me').set(auth).expect(200)).body.email).toBe('emma.old@example.com');
    expect(await accounts.holder('email', 'emma.new@example.com')).toBeUndefined();

    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await t.http().post('/v1/me/email/confirm').set(auth).send({ code: wrong }).expect(401);
    expect(refused.body.error.code).toBe('CODE_INVALID');
    expect(await accounts.holder('email', 'emma.new@example.com')).toBeUndefined();

    await t.http().post('/v1/me/email/confirm').set(auth).send({ code }).expect(204);
    const me = (await t.http().get('/v1/me').set(auth).expect(200)).body;
    expect([me.email, me.emailVerified]).toEqual(['emma.new@example.com', true]);
    const notice = await mail.next('emma.old@example.com', /was changed/);
    expect(notice.subject).toMatch(/email address was changed/);
    expect(notice.text).toContain('emma.new@example.com');
    // The new address is this account's, the old one free for anyone.
    expect(await accounts.holder('email', 'emma.new@example.com')).toBe(accountId);
    expect(await accounts.holder('email', 'emma.old@example.com')).toBeUndefined();
    // The code works once.
    const again = await t.http().post('/v1/me/email/confirm').set(auth).send({ code }).expect(409);
    expect(again.body.error.code).toBe('EMAIL_CHANGE_NOT_STARTED');
    // Log-on codes now go to the new address.
    await signIn('emmachanges', 'emma.new@example.com');

    // Sealed at rest: the stored events hold neither address in clear.
    const raw = stored(await store.readStream(`account-${accountId}`));
    expect(raw).toContain('EmailChangeRequested');
    expect(raw).not.toContain('emma.new@example.com');
    expect(raw).not.toContain('emma.old@example.com');
  });

  it('changes the phone, validated, shown on the profile and sealed at rest', async () => {
    const accountId = await register('phoebephone', 'phoebe@example.com');
    const auth = await signIn('phoebephone', 'phoebe@example.com');
    expect((await t.http().get('/v1/me').set(auth).expect(200)).body.phone).toBe(NONMEMBER_FORM.phone);
    const bad = await t.http().post('/v1/me/phone').set(auth).send({ phone: '555-01' }).expect(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['phone']);
    await t.http().post('/v1/me/phone').set(auth).send({ phone: '+1 555 555 0177' }).expect(204);
    expect((await t.http().get('/v1/me').set(auth).expect(200)).body.phone).toBe('+1 555 555 0177');
    const raw = stored(await store.readStream(`account-${accountId}`));
    expect(raw).toContain('PhoneChanged');
    expect(raw).not.toContain('+1 555 555 0177');
  });

  it('changes the security question and answer with the current password; the reset then asks the new one', async () => {
    await register('quentinq', 'quentin@example.com');
    const auth = await signIn('quentinq', 'quentin@example.com');
    const change = { securityQuestion: 'Street you grew up on?', securityAnswer: 'Elm Street' };
    const wrong = await t
      .http()
      .post('/v1/me/security-question')
      .set(auth)
      .send({ ...change, currentPassword: WRONG_PASSWORD })
      .expect(401);
    expect(wrong.body.error.code).toBe('CURRENT_PASSWORD_WRONG');
    await t
      .http()
      .post('/v1/me/security-question')
      .set(auth)
      .send({ ...change, currentPassword: PASSWORD })
      .expect(204);

    const identity = {
      lastName: NONMEMBER_FORM.lastName,
      dateOfBirth: NONMEMBER_FORM.dateOfBirth,
      username: 'quentinq',
    };
    const ask = await t.http().post('/v1/password-resets/security-question').send(identity).expect(200);
    expect(ask.body.question).toBe('Street you grew up on?');
    // After the question step, the reset token alone names the account.
    const answer = (text: string) =>
      t
        .http()
        .post('/v1/password-resets/security-answer')
        .send({ resetToken: ask.body.resetToken, answer: text });
    await answer(NONMEMBER_FORM.securityAnswer).expect(422);
    await answer('Elm Street').expect(204);
  });

  it('support deactivates an account with a reason, recorded as an access; the member is emailed and signed out', async () => {
    const accountId = await register('danadeact', 'dana@example.com');
    const auth = await signIn('danadeact', 'dana@example.com');
    const staff = t.app.get(StaffDirectory, { strict: false });
    const ctx = {
      correlationId: 'setup',
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    };
    const support = {
      authorization: `Bearer ${(await staff.create('sue.support', ['support'], ctx)).token}`,
    };
    const auditor = { authorization: `Bearer ${(await staff.create('al.auditor', ['auditor'], ctx)).token}` };
    const reason = { 'x-access-reason': 'member asked to close the account' };
    const route = `/v1/support/accounts/${accountId}/deactivate`;

    await t
      .http()
      .post(route)
      .set({ ...auditor, ...reason })
      .send({ reason: 'owner' })
      .expect(403);
    await t.http().post(route).set(support).send({ reason: 'owner' }).expect(400);
    const badReason = await t
      .http()
      .post(route)
      .set({ ...support, ...reason })
      .send({ reason: 'bored' })
      .expect(400);
    expect(Object.keys(badReason.body.error.fields)).toEqual(['reason']);
    await t
      .http()
      .post('/v1/support/accounts/00000000-0000-4000-8000-000000000000/deactivate')
      .set({ ...support, ...reason })
      .send({ reason: 'owner' })
      .expect(404);

    await t
      .http()
      .post(route)
      .set({ ...support, ...reason })
      .send({ reason: 'owner' })
      .expect(200, { deactivated: true });
    await t
      .http()
      .post(route)
      .set({ ...support, ...reason })
      .send({ reason: 'owner' })
      .expect(200, { deactivated: false });
    expect((await mail.next('dana@example.com', /was deactivated/)).subject).toMatch(/deactivated/);
    await t.http().get('/v1/me').set(auth).expect(401);
    const login = await t.http().post('/v1/login').send({ username: 'danadeact', password: PASSWORD });
    expect(login.status).not.toBe(200);

    const events = await store.readStream(`account-${accountId}`);
    const deactivated = events.find((e) => e.type === 'Deactivated')!;
    expect(deactivated.data).toEqual({ reason: 'owner' });
    expect(deactivated.metadata.actor).toEqual({ kind: 'staff', staffId: 'sue.support', role: 'support' });
    const accesses = (await store.readStream('staff-sue.support:access')).map(
      (e) => e.data as { route: string; outcome?: string; reason?: string },
    );
    expect(accesses.filter((a) => a.outcome === 'done')).toEqual([
      expect.objectContaining({
        route: 'POST /v1/support/accounts/:accountId/deactivate',
        reason: 'member asked to close the account',
      }),
      expect.objectContaining({ route: 'POST /v1/support/accounts/:accountId/deactivate' }),
    ]);
  });
});

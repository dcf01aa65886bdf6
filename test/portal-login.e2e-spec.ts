import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import argon2 from 'argon2';
import { generate } from 'otplib';
import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { signedIn } from '@portal/client';
import { startApp, type TestApp } from './support/app';
import { portalClient } from './support/client';
import { eventually, Outbox } from './support/outbox';

const member = {
  firstName: 'Pat',
  lastName: 'Example',
  dateOfBirth: '1980-04-01',
  email: 'pat.canary@example.com',
  phone: '+15555550100',
  username: 'patexample',
  password: 'Canary7Password9Secret',
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
};

describe('portal: register, log in with an emailed code, use the session', () => {
  let t: TestApp;
  let mail: Outbox;
  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
  });
  /** A nonmember with the canary password and answer, under this username and email. */
  const registerAs = (username: string, email: string) =>
    t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username, email })
      .expect(201);
  afterAll(() => t.close());
  /** The account stream of the account holding `username`. */
  const streamOf = async (username: string) => {
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', username))!;
    return t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
  };
  /** How many accounts have registered so far. */
  const registrations = async () =>
    (await t.app.get<EventStore>(EVENT_STORE).readAll()).filter((e) => e.type === 'Registered').length;

  it('registers a nonmember, logs in with password + emailed code, and reads the account', async () => {
    // The walk-through goes through the typed client a portal frontend would use (@portal/client).
    const api = portalClient(t);
    const registered = await api.POST('/v1/registrations/nonmember', { body: member });
    expect(registered.response.status).toBe(201);
    expect(registered.data).toEqual({ registered: true });

    const step1 = await api.POST('/v1/login', {
      body: { username: 'PatExample', password: member.password },
    });
    expect(step1.response.status).toBe(200);
    expect(step1.data?.secondFactor).toBe('email-code');
    const loginToken = step1.data!.loginToken;
    const code = await mail.code(member.email);

    const before = Date.now();
    const step2 = await api.POST('/v1/login/verify-code', { body: { loginToken, code } });
    const after = Date.now();
    expect(step2.response.status).toBe(200);
    // A session, not an app to enrol (AUTHENTICATOR_REQUIRED is off).
    if (!step2.data || !('sessionToken' in step2.data)) throw new Error('verify-code answered no session');
    const session = step2.data;
    const token = session.sessionToken;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // When the session ends, from the session store's own timeouts, so a frontend can warn before.
    const { absoluteMs, idleMs } = t.app.get<Accounts>(ACCOUNTS).sessionTimeouts;
    expect(step2.data).toEqual({
      sessionToken: token,
      mustChangePassword: false,
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      idleTimeoutSeconds: idleMs / 1000,
    });
    const expiresAt = Date.parse(session.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + absoluteMs);
    expect(expiresAt).toBeLessThanOrEqual(after + absoluteMs);

    const me = await api.GET('/v1/me', { headers: signedIn(token) });
    expect(me.response.status).toBe(200);
    expect(me.data).toMatchObject({
      username: 'patexample',
      email: member.email,
      kind: 'nonmember',
      status: 'active',
      emailVerified: true,
    });

    // The code was single use: the login it finished is over (the refusal's code is one the document lists).
    const again = await api.POST('/v1/login/verify-code', { body: { loginToken, code } });
    expect(again.response.status).toBe(401);
    expect(again.error?.error.code).toBe('LOGIN_NOT_STARTED');

    // As a frontend's fetch sends it: a JSON content type and no body.
    const logout = await api.POST('/v1/me/logout', {
      headers: { ...signedIn(token), 'content-type': 'application/json' },
    });
    expect(logout.response.status).toBe(204);
    const gone = await api.GET('/v1/me', { headers: signedIn(token) });
    expect(gone.response.status).toBe(401);
    expect(gone.error?.error.code).toBe('UNAUTHENTICATED');
  });

  it('changes the password with the current one; every session ends and the new password works', async () => {
    const signIn = async (username: string, password: string) => {
      const step1 = await t.http().post('/v1/login').send({ username, password }).expect(200);
      const code = await mail.code('changer@example.com');
      const step2 = await t
        .http()
        .post('/v1/login/verify-code')
        .send({ loginToken: step1.body.loginToken, code })
        .expect(200);
      return step2.body.sessionToken as string;
    };
    await registerAs('changer01', 'changer@example.com');
    const first = await signIn('changer01', member.password);
    const second = await signIn('changer01', member.password);
    const wrong = await t
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: 'Nope7Nope7Nope', newPassword: 'Another9Strong1Pass' })
      .expect(401);
    expect(wrong.body.error.code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await t
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: member.password, newPassword: 'weak' })
      .expect(400);
    expect(weak.body.error.fields).toEqual({ newPassword: expect.any(String) });
    // A weak new password is a form error, named before the current password is tried.
    const both = await t
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: 'Nope7Nope7Nope', newPassword: 'weak' })
      .expect(400);
    expect(both.body.error.fields).toEqual({ newPassword: expect.any(String) });
    await t
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${first}`)
      .send({ currentPassword: member.password, newPassword: 'Another9Strong1Pass' })
      .expect(204);
    await t.http().get('/v1/me').set('authorization', `Bearer ${first}`).expect(401);
    await t.http().get('/v1/me').set('authorization', `Bearer ${second}`).expect(401);
    await t.http().post('/v1/login').send({ username: 'changer01', password: member.password }).expect(401);
    const fresh = await signIn('changer01', 'Another9Strong1Pass');
    const other = await signIn('changer01', 'Another9Strong1Pass');
    await t.http().get('/v1/me').set('authorization', `Bearer ${fresh}`).expect(200);
    // Log out everywhere ends both.
    await t.http().post('/v1/me/logout-everywhere').set('authorization', `Bearer ${fresh}`).expect(204);
    await t.http().get('/v1/me').set('authorization', `Bearer ${fresh}`).expect(401);
    await t.http().get('/v1/me').set('authorization', `Bearer ${other}`).expect(401);
  });

  it('locks after exactly 5 of 50 parallel wrong passwords, then refuses the right one', async () => {
    await registerAs('parallel01', 'parallel@example.com');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.http().post('/v1/login').send({ username: 'parallel01', password: 'Wrong7Password9' }),
      ),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    await t.http().post('/v1/login').send({ username: 'parallel01', password: member.password }).expect(401);
    const accounts = t.app.get<Accounts>(ACCOUNTS);
    const accountId = (await accounts.holder('username', 'parallel01'))!;
    const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
    const failures = stream.filter((e) => e.type === 'LoginFailed');
    expect(failures.filter((e) => e.data.reason === 'wrong-password')).toHaveLength(5);
    expect(stream.filter((e) => e.type === 'Locked')).toHaveLength(1);
    // Every attempt after the lock is recorded as refused-while-locked, the right password's included.
    expect(failures.filter((e) => e.data.reason === 'locked')).toHaveLength(46);
  });

  it('registers a member who matches the roster, once; a mismatch names no field', async () => {
    const jordan = {
      ...member,
      firstName: 'jordan',
      lastName: 'TESTPERSON',
      dateOfBirth: '1975-11-23',
      memberId: 'demo-0000002',
    };
    const mismatch = await t
      .http()
      .post('/v1/registrations/member')
      .send({ ...jordan, dateOfBirth: '1975-11-24', username: 'jordan01', email: 'j@example.com' })
      .expect(422);
    expect(mismatch.body).toEqual({
      error: { code: 'ROSTER_MISMATCH', message: "The information you entered doesn't match our records." },
    });
    await t
      .http()
      .post('/v1/registrations/member')
      .send({ ...jordan, username: 'jordan01', email: 'j@example.com' })
      .expect(201);
    // Registering the member again is answered exactly like the first time (anyone with an ID card
    // would otherwise learn that its member has an account); no account is made, the owner is emailed.
    await t
      .http()
      .post('/v1/registrations/member')
      .send({ ...jordan, username: 'jordan02', email: 'j2@example.com' })
      .expect(201, { registered: true });
    const notice = await mail.next('j@example.com', /no new account was created/);
    expect(notice.subject).toMatch(/^You already have an account with /);
    expect(notice.text).toContain('register your membership');
    expect(notice.text).toContain('Your username is jordan01.');
    await t.http().post('/v1/login').send({ username: 'jordan02', password: member.password }).expect(401);
    // The second attempt's username and email were given back: no account holds them.
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'jordan02', email: 'j3@example.com' })
      .expect(201);
    await registerAs('jordan03', 'j2@example.com');
    const notices = (await streamOf('jordan01')).filter((e) => e.type === 'AlreadyRegisteredNoticeSent');
    expect(notices.map((e) => e.data)).toEqual([{ matched: 'member', requestedAt: expect.any(String) }]);
  });

  it('answers a registration with an email another account has like any other, and emails that account', async () => {
    await registerAs('emailowner1', 'owner@example.com');
    const before = await registrations();
    const fresh = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'emailfresh1', email: 'fresh@example.com' })
      .expect(201);
    const dup = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'emailthief1', email: 'OWNER@example.com' })
      .expect(201);
    expect(dup.body).toEqual(fresh.body);
    expect(Object.keys(dup.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(await registrations()).toBe(before + 1);
    expect(await t.app.get<Accounts>(ACCOUNTS).holder('username', 'emailthief1')).toBeUndefined();
    const notice = await mail.next('owner@example.com', /no new account was created/);
    expect(notice.text).toContain('register a new account with this email address');
    expect(notice.text).toContain('Your username is emailowner1.');
    expect((await streamOf('emailowner1')).map((e) => e.type)).toContain('AlreadyRegisteredNoticeSent');
    // A form the account rules refuse (a blank question passes the request's checks) with a free email is
    // refused the same with a taken one, and nobody is emailed.
    const notices = async () =>
      (await streamOf('emailowner1')).filter((e) => e.type === 'AlreadyRegisteredNoticeSent').length;
    const sent = await notices();
    const refusedFree = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'emailfresh2', email: 'fresh2@example.com', securityQuestion: '     ?' })
      .expect(400);
    const refusedTaken = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'emailthief2', email: 'owner@example.com', securityQuestion: '     ?' })
      .expect(400);
    expect(refusedTaken.body).toEqual(refusedFree.body);
    expect(refusedTaken.body.error.fields).toEqual({ securityQuestion: expect.any(String) });
    expect(await notices()).toBe(sent);
    // The attempt's password opens nothing.
    await t.http().post('/v1/login').send({ username: 'emailthief1', password: member.password }).expect(401);
  });

  it('replaces a hash made with weaker argon2 parameters at the next login, once', async () => {
    await registerAs('rehashed1', 'rehashed@example.com');
    const accounts = t.app.get<Accounts>(ACCOUNTS);
    const accountId = (await accounts.holder('username', 'rehashed1'))!;
    // As an account from before today's parameters would have it: 8 MiB and one pass.
    const weak = await argon2.hash(member.password, {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
      parallelism: 1,
    });
    await accounts.run(
      accountId,
      {
        type: 'ChangePassword',
        currentPasswordMatches: true,
        password: member.password,
        passwordHash: weak,
        now: Date.now(),
      },
      { correlationId: 'rehash-test', actor: { kind: 'self', accountId }, occurredAt: new Date() },
    );
    for (let i = 0; i < 2; i++) {
      const step1 = await t
        .http()
        .post('/v1/login')
        .send({ username: 'rehashed1', password: member.password })
        .expect(200);
      await t
        .http()
        .post('/v1/login/verify-code')
        .send({ loginToken: step1.body.loginToken, code: await mail.code('rehashed@example.com') })
        .expect(200);
    }
    const upgrades = (await streamOf('rehashed1')).filter((e) => e.type === 'PasswordHashUpgraded');
    expect(upgrades).toHaveLength(1);
    const stored = upgrades[0].data.passwordHash as string;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(stored, member.password)).toBe(true);
    expect((await accounts.state(accountId)).passwordHash).toBe(stored);
  });

  it('resends a code: the new one works, the earlier one no longer does', async () => {
    await registerAs('resender1', 'resender@example.com');
    const step1 = await t
      .http()
      .post('/v1/login')
      .send({ username: 'resender1', password: member.password })
      .expect(200);
    const first = await mail.code('resender@example.com');
    await t.http().post('/v1/login/resend-code').send({ loginToken: step1.body.loginToken }).expect(202);
    const second = await mail.code('resender@example.com');
    if (first !== second) {
      const old = await t
        .http()
        .post('/v1/login/verify-code')
        .send({ loginToken: step1.body.loginToken, code: first })
        .expect(401);
      expect(old.body.error.code).toBe('CODE_INVALID');
    }
    await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code: second })
      .expect(200);
  });

  it("a reset started during a login leaves the login's code step working, and the reset's own", async () => {
    await registerAs('twosteps1', 'twosteps@example.com');
    const login = await t
      .http()
      .post('/v1/login')
      .send({ username: 'twosteps1', password: member.password })
      .expect(200);
    const loginCode = await mail.code('twosteps@example.com');
    // Anyone who knows the username may start a reset: that must not end the owner's sign-in.
    const reset = await t.http().post('/v1/password-resets').send({ username: 'twosteps1' }).expect(202);
    const resetCode = await mail.code('twosteps@example.com');
    await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: login.body.loginToken, code: loginCode })
      .expect(200);
    await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken: reset.body.resetToken, code: resetCode })
      .expect(204);
  });

  it('forgot username: emails it to a known address; the answer is the same for an unknown one', async () => {
    await registerAs('forgetful1', 'forgetful@example.com');
    const known = await t
      .http()
      .post('/v1/username-reminders')
      .send({ email: 'Forgetful@Example.com' })
      .expect(202);
    const unknown = await t
      .http()
      .post('/v1/username-reminders')
      .send({ email: 'nobody@example.com' })
      .expect(202);
    expect(unknown.body).toEqual(known.body);
    const reminder = await mail.next('forgetful@example.com', /username is forgetful1/);
    expect(reminder.html).toContain('<strong>forgetful1</strong>');
    expect(mail.emails().some((m) => m.to === 'nobody@example.com')).toBe(false);
  });

  it('activation by mail: a letter to the roster address, then registration with its code (seed 000)', async () => {
    const alex = { memberId: 'DEMO0000003', firstName: 'Alex', lastName: 'Demo', dateOfBirth: '1992-06-15' };
    await t
      .http()
      .post('/v1/activation-codes')
      .send({ ...alex, dateOfBirth: '1992-06-16' })
      .expect(422);
    await t.http().post('/v1/activation-codes').send(alex).expect(202, { accepted: true });
    const [letter] = await mail.letters(1);
    expect(letter).toContain('Alex Démo');
    expect(letter).toContain('33 Fictional Road');
    expect(letter).toContain('Lakeside, MI 48201');
    const code = /\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b/.exec(letter)![1];
    const accounts = t.app.get<Accounts>(ACCOUNTS);
    const accountId = await accounts.holder('member', 'DEMO0000003');
    const stream = () => t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
    // The worker records the mailing after handing the letter over.
    await eventually(async () =>
      (await stream()).some((e) => e.type === 'ActivationCodeMailed') ? true : undefined,
    );

    const form = { ...member, memberId: 'DEMO0000003', username: 'alexdemo1', email: 'alex@example.com' };
    const wrong = await t
      .http()
      .post('/v1/registrations/activation-code')
      .send({ ...form, activationCode: 'AAAA-AAAA-AAAA' })
      .expect(422);
    expect(wrong.body.error).toMatchObject({
      code: 'ACTIVATION_CODE_INVALID',
      fields: { activationCode: expect.any(String) },
    });
    // A wrong code with another account's email is refused like any wrong code, and counted.
    const failures = async () => (await stream()).filter((e) => e.type === 'ActivationCodeFailed').length;
    const before = await failures();
    await registerAs('alexowner', 'alexowner@example.com');
    await t
      .http()
      .post('/v1/registrations/activation-code')
      .send({
        ...form,
        username: 'alexdemo9',
        email: 'alexowner@example.com',
        activationCode: 'AAAA-AAAA-AAAA',
      })
      .expect(422, wrong.body);
    expect(await failures()).toBe(before + 1);
    await t
      .http()
      .post('/v1/registrations/activation-code')
      .send({ ...form, activationCode: code.toLowerCase().replace(/-/g, '') })
      .expect(201);
    await t.http().post('/v1/login').send({ username: 'alexdemo1', password: member.password }).expect(200);

    const events = await stream();
    expect(events.map((e) => e.type).slice(0, 6)).toEqual([
      'ActivationCodeIssued',
      'ActivationCodeMailed',
      'ActivationCodeFailed',
      'ActivationCodeFailed',
      'Registered',
      'UsernameCreated',
    ]);
    expect(events[1].metadata.actor).toEqual({ kind: 'system', component: 'activation-letters' });
    expect(events[1].metadata.causationId).toBe(events[0].id);
    expect(Date.parse((events[1].data as { expectedDeliveryAt: string }).expectedDeliveryAt)).toBeGreaterThan(
      Date.parse(events[0].recordedAt),
    );

    // Registered now: the same answer, and no second letter; the owner is emailed instead.
    await t.http().post('/v1/activation-codes').send(alex).expect(202, { accepted: true });
    expect((await stream()).filter((e) => e.type === 'ActivationCodeIssued')).toHaveLength(1);
    const notice = await mail.next('alex@example.com', /no new account was created/);
    expect(notice.text).toContain('Your username is alexdemo1.');
    expect(mail.letterFiles()).toHaveLength(1);
    // The code of a registered account is answered like any wrong code, even the right one.
    const again = await t
      .http()
      .post('/v1/registrations/activation-code')
      .send({ ...form, username: 'alexdemo2', email: 'alex2@example.com', activationCode: code })
      .expect(422);
    expect(again.body).toEqual(wrong.body);
  });

  it("a member whose activation letter is on its way may register online instead, and the letter's code is then void", async () => {
    const sam = {
      memberId: 'DEMO0000004',
      firstName: 'Sam',
      lastName: "O'Sample",
      dateOfBirth: '1968-02-29',
    };
    await t.http().post('/v1/activation-codes').send(sam).expect(202, { accepted: true });
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('member', sam.memberId))!;
    const letter = await mail.letter(/Sample/);
    const code = /\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b/.exec(letter)![1];
    await t
      .http()
      .post('/v1/registrations/member')
      .send({ ...member, ...sam, username: 'samsample1', email: 'sam@example.com' })
      .expect(201, { registered: true });
    await t.http().post('/v1/login').send({ username: 'samsample1', password: member.password }).expect(200);
    const types = (await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`)).map(
      (e) => e.type,
    );
    expect(types.filter((type) => type === 'Registered')).toHaveLength(1);
    const late = await t
      .http()
      .post('/v1/registrations/activation-code')
      .send({
        ...member,
        memberId: sam.memberId,
        username: 'samsample2',
        email: 'sam2@example.com',
        activationCode: code,
      })
      .expect(422);
    expect(late.body.error.code).toBe('ACTIVATION_CODE_INVALID');
  });

  it('the same activation-code form sent twice at once registers once, and the username stays with the account', async () => {
    const riley = {
      memberId: 'DEMO0000005',
      firstName: 'Riley',
      lastName: 'Nobody',
      dateOfBirth: '2001-09-09',
    };
    await t.http().post('/v1/activation-codes').send(riley).expect(202);
    const letter = await mail.letter(/Riley/);
    const code = /\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b/.exec(letter)![1];
    const form = {
      ...member,
      ...riley,
      username: 'rileynobody',
      email: 'riley@example.com',
      activationCode: code,
    };
    const answers = await Promise.all(
      [1, 2].map(() => t.http().post('/v1/registrations/activation-code').send(form)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    // The losing request gave back nothing the account holds.
    const taken = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'rileynobody', email: 'riley2@example.com' })
      .expect(409);
    expect(taken.body.error.code).toBe('USERNAME_TAKEN');
    await t.http().post('/v1/username-reminders').send({ email: 'riley@example.com' }).expect(202);
    expect((await mail.next('riley@example.com', /Your username is/)).text).toContain('rileynobody');
  });

  it('a reset token tells nothing of whether the username exists: opaque, one shape, new at every request', async () => {
    await registerAs('resetshape1', 'resetshape@example.com');
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'resetshape1'))!;
    const start = async (username: string) =>
      (await t.http().post('/v1/password-resets').send({ username }).expect(202)).body.resetToken as string;
    const known = [await start('resetshape1'), await start('ResetShape1')];
    const unknown = [await start('nobodyhere1'), await start('NobodyHere1')];
    for (const [first, again] of [known, unknown]) {
      expect(again).not.toBe(first);
      for (const token of [first, again]) expect(token).toMatch(/^[A-Za-z0-9_-]{82}$/);
    }
    // No account id inside, in clear or in hex.
    for (const token of known) {
      expect(token).not.toContain(accountId);
      expect(Buffer.from(token, 'base64url').toString('hex')).not.toContain(accountId.replace(/-/g, ''));
    }
  });

  it("a reset's later steps answer a real reset and a decoy alike: wrong codes, too many, a resend", async () => {
    await registerAs('resetsame1', 'resetsame@example.com');
    const known = (await t.http().post('/v1/password-resets').send({ username: 'resetsame1' }).expect(202))
      .body.resetToken as string;
    const decoy = (await t.http().post('/v1/password-resets').send({ username: 'nobodysame1' }).expect(202))
      .body.resetToken as string;
    const right = await mail.code('resetsame@example.com');
    const wrong = right === '000000' ? '111111' : '000000';
    const answer = async (path: string, body: object) => {
      const res = await t.http().post(path).send(body);
      return { status: res.status, body: res.body as unknown };
    };
    // Six tries: past the 5 a real code allows, then the right code, now refused too.
    for (const code of [wrong, wrong, wrong, wrong, wrong, wrong, right]) {
      const mine = await answer('/v1/password-resets/verify-code', { resetToken: known, code });
      expect(mine).toEqual(await answer('/v1/password-resets/verify-code', { resetToken: decoy, code }));
      expect(mine.status).toBe(401);
    }
    const resent = await answer('/v1/login/resend-code', { loginToken: known });
    expect(resent).toEqual(await answer('/v1/login/resend-code', { loginToken: decoy }));
    expect(resent.status).toBe(401);
    const garbage = await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken: 'not-a-token', newPassword: 'Another9Strong1Pass' })
      .expect(401);
    expect(garbage.body.error.code).toBe('RESET_NOT_STARTED');
  });

  it('forgot password with a username: emailed code, new password, the lock lifted (seed 004)', async () => {
    await registerAs('resetter1', 'resetter@example.com');
    for (let i = 0; i < 5; i++)
      await t
        .http()
        .post('/v1/login')
        .send({ username: 'resetter1', password: 'Wrong7Password9' })
        .expect(401);
    const unknown = await t.http().post('/v1/password-resets').send({ username: 'no-such-user' }).expect(202);
    const start = await t.http().post('/v1/password-resets').send({ username: 'resetter1' }).expect(202);
    expect(Object.keys(start.body)).toEqual(Object.keys(unknown.body));
    const code = await mail.code('resetter@example.com');
    const early = await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken: start.body.resetToken, newPassword: 'Another9Strong1Pass' })
      .expect(403);
    expect(early.body.error.code).toBe('RESET_NOT_ALLOWED');
    await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken: unknown.body.resetToken, code })
      .expect(401);
    await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken: start.body.resetToken, code })
      .expect(204);
    // A weak password is refused beside the field the portal sent it in.
    const weak = await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken: start.body.resetToken, newPassword: 'short' })
      .expect(400);
    expect(Object.keys(weak.body.error.fields)).toEqual(['newPassword']);
    await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken: start.body.resetToken, newPassword: 'Another9Strong1Pass' })
      .expect(204);
    // The lock is lifted and the new password works; the reset cannot be used twice.
    await t
      .http()
      .post('/v1/login')
      .send({ username: 'resetter1', password: 'Another9Strong1Pass' })
      .expect(200);
    await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken: start.body.resetToken, newPassword: 'Third9Strong1Pass' })
      .expect(403);
  });

  it('forgot password with the security question; three wrong answers deactivate, and the person can register again (seeds 000, 004)', async () => {
    const who = { ...member, username: 'questioned1', email: 'questioned@example.com' };
    await t.http().post('/v1/registrations/nonmember').send(who).expect(201);
    const identity = { username: 'QUESTIONED1', lastName: 'example', dateOfBirth: member.dateOfBirth };
    const nope = await t
      .http()
      .post('/v1/password-resets/security-question')
      .send({ ...identity, dateOfBirth: '1980-04-02' })
      .expect(422);
    expect(nope.body.error).toEqual({
      code: 'IDENTITY_MISMATCH',
      message: "The information you entered doesn't match our records.",
    });
    // Neither a username nor a member id: both named, as a form shows them.
    const { username: _u, ...nameless } = identity;
    const which = await t.http().post('/v1/password-resets/security-question').send(nameless).expect(400);
    expect(Object.keys(which.body.error.fields).sort()).toEqual(['memberId', 'username']);
    const asked = await t.http().post('/v1/password-resets/security-question').send(identity).expect(200);
    expect(asked.body.question).toBe(member.securityQuestion);
    const answer = (text: string) =>
      t
        .http()
        .post('/v1/password-resets/security-answer')
        .send({ resetToken: asked.body.resetToken, answer: text });
    expect((await answer(member.securityAnswer.toLowerCase()).expect(422)).body.error.code).toBe(
      'SECURITY_ANSWER_WRONG',
    );
    await answer(member.securityAnswer).expect(204);
    // The events hold only a keyed hash of the token's secret: reading the store (or an audit
    // export) while this reset is open must not be enough to finish it.
    const token = asked.body.resetToken as string;
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'questioned1'))!;
    const stored = JSON.stringify(
      (await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`)).map((e) => e.data),
    );
    expect(stored).toContain('"resetId":"');
    expect(stored).not.toContain(token);
    await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken: asked.body.resetToken, newPassword: 'Another9Strong1Pass' })
      .expect(204);
    await t
      .http()
      .post('/v1/login')
      .send({ username: 'questioned1', password: 'Another9Strong1Pass' })
      .expect(200);

    const again = await t.http().post('/v1/password-resets/security-question').send(identity).expect(200);
    const wrong = () =>
      t
        .http()
        .post('/v1/password-resets/security-answer')
        .send({ resetToken: again.body.resetToken, answer: 'wrong' });
    await wrong().expect(422);
    await wrong().expect(422);
    expect((await wrong().expect(403)).body.error.code).toBe('ACCOUNT_DEACTIVATED');
    await t
      .http()
      .post('/v1/login')
      .send({ username: 'questioned1', password: 'Another9Strong1Pass' })
      .expect(401);
    // Deactivated: the username and email are free for the new registration.
    await t.http().post('/v1/registrations/nonmember').send(who).expect(201);
    await t.http().post('/v1/login').send({ username: 'questioned1', password: member.password }).expect(200);
  });

  it('30 parallel wrong security answers: exactly 3 count, the account is deactivated, and the right answer is then refused', async () => {
    await registerAs('answerer1', 'answerer@example.com');
    const identity = { username: 'answerer1', lastName: member.lastName, dateOfBirth: member.dateOfBirth };
    // Taken now: deactivation releases the username.
    const accountId = await t.app.get<Accounts>(ACCOUNTS).holder('username', 'answerer1');
    const asked = await t.http().post('/v1/password-resets/security-question').send(identity).expect(200);
    const answer = (text: string) =>
      t
        .http()
        .post('/v1/password-resets/security-answer')
        .send({ resetToken: asked.body.resetToken, answer: text });
    const answers = await Promise.all(Array.from({ length: 30 }, () => answer('not my answer')));
    expect(answers.every((a) => a.status === 422 || a.status === 403)).toBe(true);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(2);
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
    expect(events.filter((e) => e.type === 'SecurityAnswerFailed')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'Deactivated')).toHaveLength(1);
    const right = await answer(member.securityAnswer);
    expect(right.status).not.toBe(204);
  });

  it('one valid code sent twice at once yields one session; 50 parallel wrong codes use up exactly 5 tries', async () => {
    await registerAs('racer0001', 'racer@example.com');
    const step1 = await t
      .http()
      .post('/v1/login')
      .send({ username: 'racer0001', password: member.password })
      .expect(200);
    const code = await mail.code('racer@example.com');
    const twice = await Promise.all(
      [1, 2].map(() =>
        t.http().post('/v1/login/verify-code').send({ loginToken: step1.body.loginToken, code }),
      ),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([200, 401]);

    const again = await t
      .http()
      .post('/v1/login')
      .send({ username: 'racer0001', password: member.password })
      .expect(200);
    const right = await mail.code('racer@example.com');
    const wrongCode = right === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.http().post('/v1/login/verify-code').send({ loginToken: again.body.loginToken, code: wrongCode }),
      ),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const accountId = (await t.app.get<Accounts>(ACCOUNTS).holder('username', 'racer0001'))!;
    const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${accountId}`);
    expect(stream.filter((e) => e.type === 'OtpFailed')).toHaveLength(5);
    expect(stream.filter((e) => e.type === 'LoginSucceeded')).toHaveLength(1);
    // The tries are used up: even the right code no longer works for this login.
    await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: again.body.loginToken, code: right })
      .expect(401);
  });

  it('authenticator app: added with a confirming code, then the second step of log on; a code is good once (seed 004)', async () => {
    await registerAs('totpuser1', 'totp@example.com');
    const step1 = await t
      .http()
      .post('/v1/login')
      .send({ username: 'totpuser1', password: member.password })
      .expect(200);
    const session = (
      await t
        .http()
        .post('/v1/login/verify-code')
        .send({ loginToken: step1.body.loginToken, code: await mail.code('totp@example.com') })
        .expect(200)
    ).body.sessionToken;
    const auth = { authorization: `Bearer ${session}` };

    const enrol = await t.http().post('/v1/me/authenticator').set(auth).expect(200);
    expect(enrol.body.otpauthUri).toContain(`secret=${enrol.body.secret}`);
    expect(Buffer.from(enrol.body.qrPngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const epoch = Math.floor(Date.now() / 1000);
    const codeAt = (offset: number) => generate({ secret: enrol.body.secret, epoch: epoch + offset });
    const wrongFirst = await t
      .http()
      .post('/v1/me/authenticator/confirm')
      .set(auth)
      .send({
        enrolmentToken: enrol.body.enrolmentToken,
        code: (await codeAt(0)) === '000000' ? '111111' : '000000',
      });
    expect(wrongFirst.status).toBe(401);
    await t
      .http()
      .post('/v1/me/authenticator/confirm')
      .set(auth)
      .send({ enrolmentToken: enrol.body.enrolmentToken, code: await codeAt(0) })
      .expect(204);
    expect((await t.http().get('/v1/me').set(auth).expect(200)).body.authenticatorEnrolled).toBe(true);
    // The owner hears that an app was added (someone holding a session could have done it).
    const notice = await mail.next('totp@example.com', /authenticator app was added/);
    expect(notice.subject).toBe('An authenticator app was added to your Example Health Plan account');

    const login = await t
      .http()
      .post('/v1/login')
      .send({ username: 'totpuser1', password: member.password })
      .expect(200);
    expect(login.body.secondFactor).toBe('authenticator');
    const totpAccount = await t.app.get<Accounts>(ACCOUNTS).holder('username', 'totpuser1');
    const totpStream = await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${totpAccount}`);
    expect(totpStream.filter((e) => e.type === 'OtpIssued')).toHaveLength(1); // the first login's only
    // The step that confirmed the app is spent; the next one works, once.
    await t
      .http()
      .post('/v1/login/verify-authenticator')
      .send({ loginToken: login.body.loginToken, code: await codeAt(0) })
      .expect(401);
    const next = await codeAt(30);
    await t
      .http()
      .post('/v1/login/verify-authenticator')
      .send({ loginToken: login.body.loginToken, code: next })
      .expect(200);
    const replay = await t
      .http()
      .post('/v1/login')
      .send({ username: 'totpuser1', password: member.password })
      .expect(200);
    await t
      .http()
      .post('/v1/login/verify-authenticator')
      .send({ loginToken: replay.body.loginToken, code: next })
      .expect(401);

    await t
      .http()
      .post('/v1/me/authenticator/remove')
      .set(auth)
      .send({ password: 'wrong-password-1A' })
      .expect(401);
    await t
      .http()
      .post('/v1/me/authenticator/remove')
      .set(auth)
      .send({ password: member.password })
      .expect(204);
    expect(
      (
        await t
          .http()
          .post('/v1/login')
          .send({ username: 'totpuser1', password: member.password })
          .expect(200)
      ).body.secondFactor,
    ).toBe('email-code');
  });

  it('names every bad registration field at once, and refuses a taken username', async () => {
    const bad = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'pat', password: 'short', email: 'nope', termsAccepted: false })
      .expect(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      'email',
      'password',
      'termsAccepted',
      'username',
    ]);
    expect(bad.body.error.fields.password).toContain('at least 12 characters');
    const policy = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'pat', password: 'short' })
      .expect(400);
    expect(Object.keys(policy.body.error.fields).sort()).toEqual(['password', 'username']);
    const taken = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, email: 'other@example.com' })
      .expect(409);
    expect(taken.body.error).toMatchObject({
      code: 'USERNAME_TAKEN',
      fields: { username: expect.any(String) },
    });
  });

  it('answers unknown, wrong-password and locked logins the same way', async () => {
    const unknown = await t
      .http()
      .post('/v1/login')
      .send({ username: 'nobody-here', password: 'Whatever123abc' })
      .expect(401);
    const wrong = await t
      .http()
      .post('/v1/login')
      .send({ username: 'patexample', password: 'Wrong7Password9' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 0; i < 4; i++)
      await t
        .http()
        .post('/v1/login')
        .send({ username: 'patexample', password: 'Wrong7Password9' })
        .expect(401);
    // Locked now: the right password gets the same answer.
    const locked = await t
      .http()
      .post('/v1/login')
      .send({ username: 'patexample', password: member.password })
      .expect(401);
    expect(locked.body).toEqual(unknown.body);
  });

  it('keeps the canary secrets out of the logs, the stored events and the job payloads in clear', async () => {
    const logs = t.logs.join('\n');
    for (const canary of [
      member.password,
      member.securityAnswer,
      member.email,
      member.dateOfBirth,
      'Example',
    ])
      expect(logs).not.toContain(canary);
    // Every code this suite had emailed: only in the email meant to carry it.
    const codes = mail.emails().flatMap((e) => /verification code is (\d{6})/.exec(e.text)?.[1] ?? []);
    expect(codes.length).toBeGreaterThan(5);
    const asWord = (code: string) => new RegExp(`(^|[^0-9])${code}([^0-9]|$)`);
    for (const code of codes) expect(logs).not.toMatch(asWord(code));
    const jobFiles = readdirSync(t.dataDir).filter((f) => f.startsWith('jobs.sqlite'));
    const jobs = Buffer.concat(jobFiles.map((f) => readFileSync(join(t.dataDir, f)))).toString('latin1');
    expect(jobs).toContain('email-code'); // the payloads are there, naming events only
    for (const canary of [member.password, member.email, member.dateOfBirth, 'patexample', ...codes])
      expect(jobs).not.toContain(canary);
    for (const email of mail.emails()) expect(email.file).toMatch(/^[0-9a-f-]{36}\.eml$/);
    // The database file and its write-ahead log: recent events are still in the latter.
    const files = readdirSync(t.dataDir).filter((f) => f.startsWith('events.sqlite'));
    expect(files).toContain('events.sqlite-wal');
    const events = Buffer.concat(files.map((f) => readFileSync(join(t.dataDir, f))));
    expect(events.includes(Buffer.from('UsernameCreated'))).toBe(true);
    for (const canary of [
      member.password,
      member.securityAnswer,
      member.email,
      member.dateOfBirth,
      'patexample',
    ])
      expect(events.includes(Buffer.from(canary))).toBe(false);
  });
});

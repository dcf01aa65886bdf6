import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { CreateUsernameCommand } from '../apps/api/src/portal/create-username/create-username.command';
import { CreateUsernameHandler } from '../apps/api/src/portal/create-username/create-username.handler';
import { importLegacyAccount, legacyAccountId } from '../apps/api/src/portal/shared/legacy-import';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM, PASSWORD } from './support/forms';
import { eventually, Outbox } from './support/outbox';

/** Seed 004, "How do I log in if I already have a HAP Member Portal account?" */
describe('an existing member portal account from before usernames', () => {
  let t: TestApp;
  let mail: Outbox;
  let accounts: Accounts;
  const password = 'Legacy7Password9x';
  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
    accounts = t.app.get<Accounts>(ACCOUNTS);
    // The old portal's hash, made with weaker argon2 parameters than today's.
    const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
    const ctx = () => ({
      correlationId: randomUUID(),
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    });
    expect(await importLegacyAccount(accounts, 'DEMO0000002', hash, ctx())).toBe('imported');
    expect(await importLegacyAccount(accounts, 'DEMO0000002', hash, ctx())).toBe('has-account');
    expect(await importLegacyAccount(accounts, 'NOBODY00001', hash, ctx())).toBe('not-on-roster');
    // An import that stopped after reserving the member id finishes on the next run.
    await accounts.claim('member', 'DEMO0000003', legacyAccountId(accounts, 'DEMO0000003'), ctx());
    expect(await importLegacyAccount(accounts, 'DEMO0000003', hash, ctx())).toBe('imported');
    expect((await accounts.state(legacyAccountId(accounts, 'DEMO0000003'))).legacy).toBe(true);
  });
  afterAll(() => t.close());

  const logIn = (username: string, pw = password) =>
    t.http().post('/v1/login').send({ username, password: pw });
  const create = (body: object) =>
    t
      .http()
      .post('/v1/login/create-username')
      .send({
        memberId: 'DEMO0000002',
        password,
        username: 'jordantest',
        email: 'jordan@example.com',
        ...body,
      });

  it('logs in with the ID number, creates a username and email, then logs in with them and 2-step verification', async () => {
    // "log in using your ID number and password"
    // A username registered to look like the ID number does not shut the member out.
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, email: 'squatter@example.com', username: 'demo0000002' })
      .expect(201);
    const first = await logIn('DEMO0000002').expect(403);
    expect(first.body.error.code).toBe('USERNAME_REQUIRED');
    // A wrong password is the same answer as any failed login, and counts.
    const wrong = await logIn('DEMO0000002', 'Wrong7Password9x').expect(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await create({ password: 'Wrong7Password9x' }).expect(401)).body.error.code).toBe(
      'INVALID_CREDENTIALS',
    );
    const holder = (await accounts.holder('member', 'DEMO0000002'))!;
    expect((await accounts.state(holder)).consecutiveFailures).toBe(2);
    // Bad fields are named at once; a taken username is said.
    const bad = await create({ username: 'short', email: 'nope' }).expect(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'username']);
    // "Create a username and enter a valid email address."
    expect((await create({}).expect(201)).body).toEqual({ username: 'jordantest' });
    expect((await create({ username: 'jordantest2' }).expect(401)).body.error.code).toBe(
      'INVALID_CREDENTIALS',
    );
    // "no more logging in with your hard-to-remember ID number"
    expect((await logIn('DEMO0000002').expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');
    // "Log out and log back in using your new username and password", then the emailed code.
    const step1 = await logIn('JordanTest').expect(200);
    expect(step1.body.secondFactor).toBe('email-code');
    const code = await mail.code('jordan@example.com');
    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code })
      .expect(200);
    await t.http().get('/v1/me').set('authorization', `Bearer ${step2.body.sessionToken}`).expect(200);
    // The old hash was replaced by one with today's parameters once the password was proven.
    expect((await accounts.state(holder)).passwordHash).not.toMatch(/m=4096/);
  });

  it("a registered member's ID number is no login name, and the member cannot register a second account", async () => {
    const reg = await t
      .http()
      .post('/v1/registrations/member')
      .send({
        ...NONMEMBER_FORM,
        memberId: 'DEMO0000001',
        email: 'pat@example.com',
        username: 'patexample',
      })
      .expect(201);
    expect(reg.body).toEqual({ registered: true });
    expect((await logIn('DEMO0000001', PASSWORD).expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');
    const patId = (await accounts.holder('username', 'patexample'))!;
    expect((await accounts.state(patId)).consecutiveFailures).toBe(0);
    // The imported member registering online is answered as any registration, and no second account is made.
    const jordanId = await accounts.holder('member', 'DEMO0000002');
    await t
      .http()
      .post('/v1/registrations/member')
      .send({
        ...NONMEMBER_FORM,
        firstName: 'Jordan',
        lastName: 'Testperson',
        dateOfBirth: '1975-11-23',
        memberId: 'DEMO0000002',
        email: 'jordan2@example.com',
        username: 'jordanagain',
      })
      .expect(201);
    expect(await accounts.holder('member', 'DEMO0000002')).toBe(jordanId);
    // The attempt's username is given back, as after any such attempt: no account holds it.
    expect(await accounts.holder('username', 'jordanagain')).toBeUndefined();
    expect((await accounts.state(jordanId!)).username).toBe('jordantest');
  });

  it('a request that loses to a parallel one gives back only what the account did not keep', async () => {
    const accountId = (await accounts.holder('member', 'DEMO0000003'))!;
    // A parallel request that proved the same password records first, with the same email, which this
    // request has reserved by then (the parallel one found it already held by the account and took nothing).
    const run = accounts.run.bind(accounts);
    const spy = jest.spyOn(accounts, 'run').mockImplementation(async (id, input, ctx) => {
      if (typeof input === 'object' && 'type' in input && input.type === 'CreateUsername') {
        spy.mockRestore();
        await run(id, { ...input, username: 'alexfirst1' }, ctx);
      }
      return run(id, input, ctx);
    });
    const late = await create({
      memberId: 'DEMO0000003',
      username: 'alexsecond1',
      email: 'alex@example.com',
    });
    spy.mockRestore();
    expect([late.status, late.body.error.code]).toEqual([409, 'USERNAME_ALREADY_CREATED']);
    expect((await accounts.state(accountId)).profile?.email).toBe('alex@example.com');
    expect(await accounts.holder('email', 'alex@example.com')).toBe(accountId);
    expect(await accounts.holder('username', 'alexsecond1')).toBeUndefined();
  });

  it('an email another account has is answered as registration answers it, and that account emailed', async () => {
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username: 'samsother1', email: 'sam.owner@example.com' })
      .expect(201);
    const ownerId = (await accounts.holder('email', 'sam.owner@example.com'))!;
    const ownerEvents = async () =>
      (await t.app.get<EventStore>(EVENT_STORE).readStream(`account-${ownerId}`)).map((e) => e.type);
    const before = await ownerEvents();
    const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
    const system = {
      correlationId: randomUUID(),
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    };
    expect(await importLegacyAccount(accounts, 'DEMO0000004', hash, system)).toBe('imported');
    const samId = legacyAccountId(accounts, 'DEMO0000004');
    const taken = await create({
      memberId: 'DEMO0000004',
      username: 'samlegacy1',
      email: 'SAM.OWNER@example.com',
    });
    // The answer a creation gets: the caller cannot tell that the address has an account.
    expect([taken.status, taken.body]).toEqual([201, { username: 'samlegacy1' }]);
    const notice = await mail.next('sam.owner@example.com', /no new account was created/);
    expect(notice.text).toContain('Your username is samsother1.');
    // Nothing changed for either account: the owner's only new event is the notice, the legacy account has no
    // username and email yet, and what the attempt reserved is free again.
    expect(await ownerEvents()).toEqual([...before, 'AlreadyRegisteredNoticeSent']);
    const sam = await accounts.state(samId);
    expect([sam.username, sam.profile?.email, sam.legacy]).toEqual([undefined, '', true]);
    expect(await accounts.holder('username', 'samlegacy1')).toBeUndefined();
    expect(await accounts.holder('email', 'sam.owner@example.com')).toBe(ownerId);
    // With an address of its own the account then creates its username.
    expect(
      (
        await create({ memberId: 'DEMO0000004', username: 'samlegacy1', email: 'sam@example.com' }).expect(
          201,
        )
      ).body,
    ).toEqual({ username: 'samlegacy1' });
    expect((await accounts.state(samId)).username).toBe('samlegacy1');
  });

  it('a creation cut off after its reservations is completed when sent again', async () => {
    const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
    const system = {
      correlationId: randomUUID(),
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    };
    expect(await importLegacyAccount(accounts, 'DEMO0000005', hash, system)).toBe('imported');
    const rileyId = legacyAccountId(accounts, 'DEMO0000005');
    // The process dies while recording the username: the reservations stay, the account's event never comes.
    const run = accounts.run.bind(accounts);
    const spy = jest
      .spyOn(accounts, 'run')
      .mockImplementation((id, input, ctx) =>
        typeof input === 'object' && 'type' in input && input.type === 'CreateUsername'
          ? new Promise<never>(() => undefined)
          : run(id, input, ctx),
      );
    const handler = t.app.get(CreateUsernameHandler, { strict: false });
    const cutOff = { memberId: 'DEMO0000005', username: 'rileycut01', email: 'riley@example.com' };
    void handler.execute(
      new CreateUsernameCommand(cutOff.memberId, password, cutOff.username, cutOff.email, { ...system }),
    );
    await eventually(async () => ((await accounts.holder('email', cutOff.email)) ? true : undefined));
    spy.mockRestore();
    expect((await accounts.state(rileyId)).username).toBeUndefined();
    // The account's own request, sent again, completes it.
    expect((await create(cutOff).expect(201)).body).toEqual({ username: 'rileycut01' });
    expect(await accounts.state(rileyId)).toMatchObject({ username: 'rileycut01', legacy: false });
  });

  it('a username equal to the password is refused by name', async () => {
    const same = await create({ memberId: 'DEMO0000002', username: password }).expect(400);
    expect(same.body.error.fields).toEqual({
      username: 'Your username cannot be the same as your password.',
    });
  });
});

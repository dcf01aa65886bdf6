/**
 * Seed 004's other audiences over HTTP, on the booted app (embedded adapters):
 * provider offices registered online and approved by plan staff, their ID
 * administrators managing users of their own office only, `GET /v1/me/permissions`,
 * employer and payer accounts created by plan staff, and producers registering online.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { StaffDirectory } from '@portal/staff';
import { startApp, type TestApp } from './support/app';
import { eventually, Outbox } from './support/outbox';

jest.setTimeout(60_000);

const administrator = (n: string) => ({
  firstName: 'Ida',
  lastName: `Admin${n}`,
  dateOfBirth: '1975-03-14',
  email: `admin.${n.toLowerCase()}@office-${n.toLowerCase()}.example`,
  phone: '+15555550150',
  username: `idadmin${n}`,
  password: `Office${n}7Admin9Pass`,
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
});

describe('provider offices, employers, producers and payers (seed 004)', () => {
  let t: TestApp;
  let mail: Outbox;
  const tokens: Record<string, string> = {};
  const staff = (who: string, reason = 'ticket 4711: office access request') => ({
    authorization: `Bearer ${tokens[who]}`,
    'x-access-reason': reason,
  });
  const bearer = (session: string) => ({ authorization: `Bearer ${session}` });

  const signIn = async (username: string, password: string, email: string): Promise<string> => {
    const step1 = await t.http().post('/v1/login').send({ username, password }).expect(200);
    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code: await mail.code(email) })
      .expect(200);
    return step2.body.sessionToken as string;
  };
  const temporaryPasswordFor = async (email: string): Promise<string> => {
    const message = await mail.next(email, /temporary password/);
    issuers.push(/^(.*) issued a temporary password/m.exec(message.text)?.[1] ?? '');
    return /temporary password for your account: (\S+)\./.exec(message.text)![1];
  };
  /** Who each temporary-password email said issued it, in order. */
  const issuers: string[] = [];
  /** First sign-in with a temporary password: only the password change is open; then a fresh session. */
  const firstSignIn = async (username: string, email: string, chosen: string): Promise<string> => {
    const temporary = await temporaryPasswordFor(email);
    const forced = bearer(await signIn(username, temporary, email));
    await t
      .http()
      .get('/v1/me/permissions')
      .set(forced)
      .expect(403)
      .expect((r) => expect(r.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED'));
    await t
      .http()
      .post('/v1/me/password')
      .set(forced)
      .send({ currentPassword: temporary, newPassword: chosen })
      .expect(204);
    return signIn(username, chosen, email);
  };

  const offices: Record<'A' | 'B', { officeId: string; admin: string; session: string }> = {} as never;

  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
    const directory = t.app.get(StaffDirectory, { strict: false });
    const ctx = () => ({
      correlationId: 'test-setup',
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    });
    for (const [id, roles] of [
      ['sam.support', ['support']],
      ['ada.auditor', ['auditor']],
      ['root.admin', ['admin']],
    ] as const)
      tokens[id] = (await directory.create(id, roles, ctx())).token;
  });
  afterAll(() => t.close());

  it('registers provider offices online; each is pending until plan staff approve its first administrator', async () => {
    const bad = await t
      .http()
      .post('/v1/registrations/provider-office')
      .send({ ...administrator('X'), officeName: ' ', npi: '1234567890', taxId: '12', password: 'short' })
      .expect(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(
      expect.arrayContaining(['npi', 'officeName', 'password', 'taxId']),
    );

    for (const [n, npi] of [
      ['A', '1234567893'],
      ['B', '1245319599'],
    ] as const) {
      const a = administrator(n);
      const res = await t
        .http()
        .post('/v1/registrations/provider-office')
        .send({
          ...a,
          officeName: `Office ${n} Family Medicine`,
          npi,
          taxId: '12-345678' + (n === 'A' ? '9' : '8'),
        })
        .expect(201);
      expect(res.body).toEqual({ officeId: expect.any(String), status: 'pending' });
      const session = await signIn(a.username, a.password, a.email);
      offices[n] = { officeId: res.body.officeId, admin: '', session };
    }

    // An office whose administrator's email another account has: the same answer, the owner emailed, and no
    // office left waiting for approval under an administrator who does not exist.
    const taken = await t
      .http()
      .post('/v1/registrations/provider-office')
      .send({
        ...administrator('C'),
        email: administrator('A').email,
        officeName: 'Office C',
        npi: '1003000126',
        taxId: '12-3456787',
      })
      .expect(201);
    expect(taken.body).toEqual({ officeId: expect.any(String), status: 'pending' });
    await mail.next(administrator('A').email, /no new account was created/);
    const streams = (await t.app.get<EventStore>(EVENT_STORE).readAll()).map((e) => e.streamId);
    expect(streams).not.toContain(`office-${taken.body.officeId}`);

    // One office per NPI: office A's again is refused, naming the field; the NPI of the attempt above, which
    // made no office, is free.
    const sameNpi = await t
      .http()
      .post('/v1/registrations/provider-office')
      .send({ ...administrator('D'), officeName: 'Office A again', npi: '1234567893', taxId: '12-3456786' })
      .expect(409);
    expect(sameNpi.body.error).toMatchObject({
      code: 'OFFICE_ALREADY_REGISTERED',
      fields: { npi: expect.any(String) },
    });
    const usernameTaken = await t
      .http()
      .post('/v1/registrations/provider-office')
      .send({
        ...administrator('D'),
        username: administrator('A').username,
        officeName: 'Office D',
        npi: '1003000126',
        taxId: '12-3456786',
      })
      .expect(409);
    expect(usernameTaken.body.error.code).toBe('USERNAME_TAKEN');
    // Neither refusal kept the NPI.
    await t
      .http()
      .post('/v1/registrations/provider-office')
      .send({ ...administrator('D'), officeName: 'Office D', npi: '1003000126', taxId: '12-3456786' })
      .expect(201);

    const pending = await t.http().get('/v1/me/permissions').set(bearer(offices.A.session)).expect(200);
    expect(pending.body).toMatchObject({
      kind: 'provider',
      office: { officeId: offices.A.officeId, name: 'Office A Family Medicine', status: 'pending' },
      functions: [],
    });
    offices.A.admin = pending.body.accountId;
    offices.B.admin = (
      await t.http().get('/v1/me/permissions').set(bearer(offices.B.session)).expect(200)
    ).body.accountId;
    // Before approval the administrator manages nobody.
    const early = await t.http().get('/v1/office/users').set(bearer(offices.A.session)).expect(403);
    expect(early.body.error.code).toBe('OFFICE_NOT_APPROVED');

    // An auditor may not approve; a reason is required; support approves once.
    await t.http().post(`/v1/offices/${offices.A.officeId}/approve`).set(staff('ada.auditor')).expect(403);
    await t
      .http()
      .post(`/v1/offices/${offices.A.officeId}/approve`)
      .set({ authorization: `Bearer ${tokens['sam.support']}` })
      .expect(400);
    for (const n of ['A', 'B'] as const)
      await t
        .http()
        .post(`/v1/offices/${offices[n].officeId}/approve`)
        .set(staff('sam.support'))
        .expect(200, { officeId: offices[n].officeId, status: 'active', administratorId: offices[n].admin });
    const again = await t
      .http()
      .post(`/v1/offices/${offices.A.officeId}/approve`)
      .set(staff('sam.support'))
      .expect(409);
    expect(again.body.error.code).toBe('OFFICE_ALREADY_APPROVED');
    await t.http().post(`/v1/offices/${randomUUID()}/approve`).set(staff('sam.support')).expect(404);

    const active = await t.http().get('/v1/me/permissions').set(bearer(offices.A.session)).expect(200);
    expect(active.body.office.status).toBe('active');
    expect(active.body.functions).toEqual(
      expect.arrayContaining([
        'eligibility',
        'claims',
        'referrals',
        'authorizations',
        'remittance',
        'manage-users',
      ]),
    );
  });

  const userA = {
    firstName: 'Olu',
    lastName: 'Adeyemi',
    email: 'olu@office-a.example',
    username: 'oluadeyemi',
    chosen: 'Chosen7ByOlu9Myself',
  };
  const userB = { firstName: 'Bea', lastName: 'Okoro', email: 'bea@office-b.example', username: 'beaokoro' };
  let userAId: string;
  let userBId: string;
  let userASession: string;

  it('an administrator creates staff user ids in their own office; the new user must change the emailed temporary password first', async () => {
    const { chosen, ...person } = userA;
    const created = await t
      .http()
      .post('/v1/office/users')
      .set(bearer(offices.A.session))
      .send({ ...person, functions: ['claims', 'eligibility'] })
      .expect(201);
    userAId = created.body.accountId;
    userBId = (
      await t
        .http()
        .post('/v1/office/users')
        .set(bearer(offices.B.session))
        .send({ ...userB, functions: ['claims'] })
        .expect(201)
    ).body.accountId;
    const bad = await t
      .http()
      .post('/v1/office/users')
      .set(bearer(offices.A.session))
      .send({ ...person, username: 'x', functions: ['everything'] })
      .expect(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['username', 'functions']));

    userASession = await firstSignIn(userA.username, userA.email, chosen);
    expect(issuers.at(-1)).toBe("Your office's portal administrator");
    const perms = await t.http().get('/v1/me/permissions').set(bearer(userASession)).expect(200);
    expect(perms.body).toMatchObject({
      accountId: userAId,
      kind: 'provider',
      office: { officeId: offices.A.officeId, status: 'active' },
    });
    expect([...perms.body.functions].sort()).toEqual(['claims', 'eligibility']);
    // A user without manage-users administers nobody.
    const refused = await t.http().get('/v1/office/users').set(bearer(userASession)).expect(403);
    expect(refused.body.error.code).toBe('FUNCTION_NOT_GRANTED');
  });

  it('an administrator of office A can neither see nor change office B’s users: the same 404 as an id that does not exist', async () => {
    const admin = bearer(offices.A.session);
    const list = await t.http().get('/v1/office/users').set(admin).expect(200);
    expect(list.body.items.map((u: { accountId: string }) => u.accountId).sort()).toEqual(
      [offices.A.admin, userAId].sort(),
    );
    expect(JSON.stringify(list.body)).not.toContain(userB.username);

    const nowhere = randomUUID();
    const attempts = (id: string) => [
      () => t.http().get(`/v1/office/users/${id}`).set(admin),
      () => t.http().post(`/v1/office/users/${id}/temporary-password`).set(admin),
      () => t.http().put(`/v1/office/users/${id}/functions/manage-users`).set(admin),
      () => t.http().delete(`/v1/office/users/${id}/functions/claims`).set(admin),
    ];
    const other = attempts(userBId);
    const unknown = attempts(nowhere);
    for (let i = 0; i < other.length; i++) {
      const [b, u] = [await other[i](), await unknown[i]()];
      expect(b.status).toBe(404);
      expect(u.status).toBe(404);
      expect(b.body).toEqual(u.body);
      expect(b.body.error.code).toBe('OFFICE_USER_NOT_FOUND');
    }
    // Office B's user still has exactly what B's administrator gave.
    const bView = await t
      .http()
      .get(`/v1/office/users/${userBId}`)
      .set(bearer(offices.B.session))
      .expect(200);
    expect(bView.body).toMatchObject({ accountId: userBId, functions: ['claims'], mustChangePassword: true });
  });

  it('a revoked function is refused on the next call', async () => {
    const admin = bearer(offices.A.session);
    const granted = await t
      .http()
      .put(`/v1/office/users/${userAId}/functions/manage-users`)
      .set(admin)
      .expect(200);
    expect(granted.body.functions).toContain('manage-users');
    await t.http().get('/v1/office/users').set(bearer(userASession)).expect(200);

    const revoked = await t
      .http()
      .delete(`/v1/office/users/${userAId}/functions/manage-users`)
      .set(admin)
      .expect(200);
    expect(revoked.body.functions).not.toContain('manage-users');
    const refused = await t.http().get('/v1/office/users').set(bearer(userASession)).expect(403);
    expect(refused.body.error.code).toBe('FUNCTION_NOT_GRANTED');
    const perms = await t.http().get('/v1/me/permissions').set(bearer(userASession)).expect(200);
    expect(perms.body.functions).not.toContain('manage-users');

    // The office keeps an administrator: the last one cannot give up managing users.
    const last = await t
      .http()
      .delete(`/v1/office/users/${offices.A.admin}/functions/manage-users`)
      .set(admin)
      .expect(409);
    expect(last.body.error.code).toBe('LAST_ADMINISTRATOR');
  });

  it('a staff user whose password was reset must change it before anything else', async () => {
    await t
      .http()
      .post(`/v1/office/users/${userAId}/temporary-password`)
      .set(bearer(offices.A.session))
      .expect(202, { sent: true });
    // The reset ended the user's sessions and the old password.
    await t.http().get('/v1/me/permissions').set(bearer(userASession)).expect(401);
    await t.http().post('/v1/login').send({ username: userA.username, password: userA.chosen }).expect(401);
    userA.chosen = 'Second7Choice9ForOlu';
    userASession = await firstSignIn(userA.username, userA.email, userA.chosen);
    await t.http().get('/v1/me/permissions').set(bearer(userASession)).expect(200);
  });

  it('every action shows in the office’s history, and in the user’s, with its actor; support’s account page shows the office', async () => {
    const history = await eventually(async () => {
      const r = await t
        .http()
        .get(`/v1/support/offices/${offices.A.officeId}/history`)
        .set(staff('ada.auditor'))
        .expect(200);
      return r.body.items.length >= 8 ? r.body.items : undefined;
    });
    const admin = { kind: 'self', accountId: offices.A.admin };
    const line = (type: string, contains: string) =>
      history.find((h: { type: string; text: string }) => h.type === type && h.text.includes(contains));
    expect(line('OfficeRegistered', 'Office A Family Medicine')).toMatchObject({ actor: admin });
    expect(line('OfficeAdministratorApproved', 'staff member sam.support')).toMatchObject({
      actor: { kind: 'staff', staffId: 'sam.support' },
    });
    expect(line('OfficeUserCreated', `by ID administrator account ${offices.A.admin}`)).toMatchObject({
      actor: admin,
      text: expect.stringContaining(userAId),
    });
    expect(line('OfficeFunctionGranted', '“claims”')).toMatchObject({ actor: admin });
    expect(line('OfficeFunctionGranted', '“manage-users” granted to account ' + userAId)).toMatchObject({
      actor: admin,
    });
    expect(line('OfficeFunctionRevoked', '“manage-users” revoked from account ' + userAId)).toMatchObject({
      actor: admin,
    });
    expect(line('OfficeUserPasswordReset', userAId)).toMatchObject({ actor: admin });
    // Nothing of office B in office A's history.
    expect(JSON.stringify(history)).not.toContain(userBId);

    const userHistory = await eventually(async () => {
      const r = await t
        .http()
        .get(`/v1/support/accounts/${userAId}/history`)
        .set(staff('sam.support'))
        .expect(200);
      return r.body.items.some((h: { type: string }) => h.type === 'OfficeUserPasswordReset')
        ? r.body.items
        : undefined;
    });
    const types = userHistory.map((h: { type: string }) => h.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'AccountCreated',
        'OfficeUserCreated',
        'OfficeFunctionRevoked',
        'TemporaryPasswordIssued',
      ]),
    );
    const temp = userHistory.filter((h: { type: string }) => h.type === 'TemporaryPasswordIssued');
    expect(temp.at(-1)).toMatchObject({ actor: admin, text: expect.stringContaining(offices.A.admin) });

    const page = await eventually(async () => {
      const r = await t.http().get(`/v1/support/accounts/${userAId}`).set(staff('sam.support')).expect(200);
      return r.body.office?.grants?.length >= 4 ? r.body : undefined;
    });
    expect(page).toMatchObject({
      kind: 'provider',
      organisation: { kind: 'office', id: offices.A.officeId },
      office: {
        officeId: offices.A.officeId,
        name: 'Office A Family Medicine',
        status: 'active',
        administrators: [offices.A.admin],
      },
    });
    expect([...page.office.functions].sort()).toEqual(['claims', 'eligibility']);
    expect(
      page.office.grants.map((g: { function: string; change: string; by: string }) => [
        g.function,
        g.change,
        g.by,
      ]),
    ).toEqual([
      ['claims', 'granted', offices.A.admin],
      ['eligibility', 'granted', offices.A.admin],
      ['manage-users', 'granted', offices.A.admin],
      ['manage-users', 'revoked', offices.A.admin],
    ]);
    const office = await t
      .http()
      .get(`/v1/support/offices/${offices.A.officeId}`)
      .set(staff('sam.support'))
      .expect(200);
    expect(office.body).toMatchObject({
      npi: '1234567893',
      taxId: '123456789',
      approved: { by: 'sam.support' },
    });
  });

  it('plan staff create employer and payer accounts; the contact must change the emailed temporary password', async () => {
    const employer = {
      kind: 'employer',
      organisationId: 'GRP-004417',
      organisationName: 'Acme Tool & Die',
      firstName: 'Dana',
      lastName: 'Reyes',
      email: 'benefits@acme.example',
      username: 'acmebenefits',
    };
    await t.http().post('/v1/plan-accounts').set(staff('ada.auditor')).send(employer).expect(403);
    const bad = await t
      .http()
      .post('/v1/plan-accounts')
      .set(staff('root.admin'))
      .send({ ...employer, kind: 'member', email: 'nope' })
      .expect(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['kind', 'email']));
    const created = await t
      .http()
      .post('/v1/plan-accounts')
      .set(staff('root.admin'))
      .send(employer)
      .expect(201);
    const taken = await t
      .http()
      .post('/v1/plan-accounts')
      .set(staff('sam.support'))
      .send(employer)
      .expect(409);
    expect(taken.body.error.code).toBe('USERNAME_TAKEN');

    const session = await firstSignIn(employer.username, employer.email, 'Employer7Chosen9Pass');
    expect(issuers.at(-1)).toMatch(/ member services$/);
    const perms = await t.http().get('/v1/me/permissions').set(bearer(session)).expect(200);
    expect(perms.body).toEqual({
      accountId: created.body.accountId,
      kind: 'employer',
      organisation: { kind: 'employer', id: 'GRP-004417', name: 'Acme Tool & Die' },
      functions: ['employer-services'],
    });

    const payer = {
      ...employer,
      kind: 'payer',
      organisationId: 'PAY-12',
      organisationName: 'Great Lakes TPA',
      email: 'coordinator@gltpa.example',
      username: 'gltpacoord',
    };
    await t.http().post('/v1/plan-accounts').set(staff('sam.support')).send(payer).expect(201);
    const payerSession = await firstSignIn(payer.username, payer.email, 'Payer7Chosen9Password');
    expect(
      (await t.http().get('/v1/me/permissions').set(bearer(payerSession)).expect(200)).body,
    ).toMatchObject({
      kind: 'payer',
      functions: ['payer-services'],
    });
  });

  it('producers register online with their agency/producer id and sign in', async () => {
    const producer = {
      firstName: 'Pri',
      lastName: 'Ducer',
      email: 'pri@agency.example',
      phone: '+15555550177',
      username: 'priducer1',
      password: 'Producer7Portal9Pass',
      securityQuestion: 'Name of your first pet?',
      securityAnswer: 'Biscuit',
      communication: { email: true, text: false },
      termsAccepted: true,
    };
    const missing = await t.http().post('/v1/registrations/producer').send(producer).expect(400);
    expect(Object.keys(missing.body.error.fields)).toContain('producerId');
    await t
      .http()
      .post('/v1/registrations/producer')
      .send({ ...producer, producerId: 'AG-204871' })
      .expect(201, { registered: true });
    const session = await signIn(producer.username, producer.password, producer.email);
    const perms = await t.http().get('/v1/me/permissions').set(bearer(session)).expect(200);
    expect(perms.body).toMatchObject({
      kind: 'producer',
      functions: expect.arrayContaining(['quoting', 'commissions']),
    });
    // The producer id is personal data: never in clear in the logs.
    expect(t.logs.join('\n')).not.toContain('AG-204871');
  });
});

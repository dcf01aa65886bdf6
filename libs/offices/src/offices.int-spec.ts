/** Offices on the real SQLite event store, vault and argon2: what the e2e test cannot see from outside. */
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@portal/command';
import { Fixture } from '../../notifications/src/testing/harness';
import { Offices } from './offices';

jest.setTimeout(30_000);

describe('Offices', () => {
  let f: Fixture;
  let offices: Offices;
  const admin = (accountId: string): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'self', accountId },
    occurredAt: new Date(),
  });

  beforeEach(() => {
    f = new Fixture();
    offices = new Offices(f.accounts, f.store, f.vault);
  });
  afterEach(() => f.close());

  async function office(approved = true): Promise<{ officeId: string; adminId: string }> {
    const officeId = randomUUID();
    const adminId = randomUUID();
    await f.accounts.run(
      adminId,
      {
        type: 'RegisterOfficeAdministrator',
        accountId: adminId,
        office: { kind: 'office', id: officeId, name: 'Lakeside Family Medicine' },
        profile: {
          firstName: 'Ida',
          lastName: 'Admin',
          dateOfBirth: '1975-03-14',
          email: `${adminId}@example.com`,
        },
        communication: { email: true, text: false },
        termsAccepted: true,
        username: `adm${adminId.slice(0, 8)}`,
        password: 'Fixture7Password9Long',
        passwordHash: '$argon2id$x',
        securityQuestion: 'First pet?',
        securityAnswerHash: '$argon2id$y',
        now: Date.now(),
      },
      admin(adminId),
    );
    await offices.run(
      officeId,
      {
        type: 'RegisterOffice',
        officeId,
        name: 'Lakeside Family Medicine',
        npi: '1234567893',
        taxId: '12-3456789',
        administratorId: adminId,
      },
      admin(adminId),
    );
    if (approved)
      await offices.run(officeId, { type: 'ApproveOfficeAdministrator', staffId: 'sam' }, f.ctx());
    return { officeId, adminId };
  }

  const person = (username: string, email = `${username}@example.com`) => ({
    firstName: 'Olu',
    lastName: 'Staff',
    email,
    username,
  });

  it('keeps the tax id sealed in the stored event and opens it for the decider', async () => {
    const { officeId } = await office();
    const [stored] = await f.store.readStream(`office-${officeId}`);
    expect((stored.data as { taxId: string }).taxId).toMatch(/^v1\./);
    expect(JSON.stringify(stored.data)).not.toMatch(/"123456789"|12-3456789/);
    expect((await offices.state(officeId)).status).toBe('active');
  });

  it('a pending office’s administrator may use nothing; approved, everything', async () => {
    const { officeId, adminId } = await office(false);
    expect(await offices.permissions(adminId)).toMatchObject({
      kind: 'provider',
      office: { officeId, status: 'pending' },
      functions: [],
    });
    await expect(offices.users(adminId)).rejects.toMatchObject({ code: 'OFFICE_NOT_APPROVED' });
    await offices.run(officeId, { type: 'ApproveOfficeAdministrator', staffId: 'sam' }, f.ctx());
    expect((await offices.permissions(adminId)).functions).toContain('manage-users');
  });

  it('a plan account cut off between its reservations and its account: completed by the same request, else expires', async () => {
    const staff = (minutes = 0): CommandContext => ({
      correlationId: randomUUID(),
      actor: { kind: 'staff', staffId: 'sam' },
      occurredAt: new Date(Date.now() + minutes * 60_000),
    });
    const employer = { kind: 'employer' as const, id: 'group-1', name: 'Acme Works' };
    // The process dies while recording the account: the claims stay, no account follows.
    const run = f.accounts.run.bind(f.accounts);
    const spy = jest
      .spyOn(f.accounts, 'run')
      .mockImplementationOnce(() => new Promise<never>(() => undefined));
    void offices.createPlanAccount('sam', person('planuser01'), employer, staff());
    while (spy.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    spy.mockImplementation(run);
    const cutOff = (await f.accounts.holder('username', 'planuser01'))!;
    expect((await f.accounts.state(cutOff)).status).toBe('new');
    // Someone else is told the username is taken until the claim is old, then may take it.
    await expect(
      offices.createPlanAccount('sam', person('planuser01', 'other@example.com'), employer, staff(1)),
    ).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
    // The same request sent again completes the account the claims were made for.
    expect(await offices.createPlanAccount('sam', person('planuser01'), employer, staff())).toEqual({
      accountId: cutOff,
    });
    expect(await f.accounts.state(cutOff)).toMatchObject({ status: 'active', username: 'planuser01' });
    // Another cut off; after CLAIM_TTL_MS its email goes to whoever asks for it with another username.
    const calls = spy.mock.calls.length;
    spy.mockImplementationOnce(() => new Promise<never>(() => undefined));
    void offices.createPlanAccount('sam', person('planuser02'), employer, staff());
    while (spy.mock.calls.length === calls) await new Promise((resolve) => setTimeout(resolve, 5));
    const { accountId } = await offices.createPlanAccount(
      'sam',
      person('planuser03', 'planuser02@example.com'),
      employer,
      staff(3),
    );
    expect(await f.accounts.holder('email', 'planuser02@example.com')).toBe(accountId);
    expect(await f.accounts.state(accountId)).toMatchObject({ status: 'active', username: 'planuser03' });
  });

  it('a refused creation leaves nothing behind: no account, no office user, the username and email free', async () => {
    const { officeId, adminId } = await office();
    const outsider = await f.registered('outsider@example.com');
    await expect(
      offices.createUser(outsider, person('newstaff01'), ['claims'], admin(outsider)),
    ).rejects.toMatchObject({ code: 'FUNCTION_NOT_GRANTED' });
    expect(await f.accounts.holder('username', 'newstaff01')).toBeUndefined();

    const { accountId } = await offices.createUser(adminId, person('newstaff03'), ['claims'], admin(adminId));
    // A taken email: the username claimed first is given back, and the office gains no user.
    await expect(
      offices.createUser(adminId, person('newstaff02', 'newstaff03@example.com'), [], admin(adminId)),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await f.accounts.holder('username', 'newstaff02')).toBeUndefined();
    expect(Object.keys((await offices.state(officeId)).users).sort()).toEqual([adminId, accountId].sort());

    expect(await f.accounts.holder('username', 'newstaff03')).toBe(accountId);
    const state = await f.accounts.state(accountId);
    expect(state).toMatchObject({
      kind: 'provider',
      mustChangePassword: true,
      organisation: { id: officeId },
    });
    const events = await f.store.readStream(`account-${accountId}`);
    expect(events.map((e) => e.type)).toEqual([
      'AccountCreated',
      'UsernameCreated',
      'TemporaryPasswordIssued',
    ]);
    expect(
      events.every((e) => e.metadata.actor.kind === 'self' && e.metadata.actor.accountId === adminId),
    ).toBe(true);
  });

  it("an administrator's password reset of an erased user is refused as ERASED, and leaves no reset on the office", async () => {
    const { officeId, adminId } = await office();
    const { accountId } = await offices.createUser(
      adminId,
      person('erasedstaff'),
      ['claims'],
      admin(adminId),
    );
    await f.accounts.erase(accountId, f.ctx());
    const officeEvents = (await f.store.readStream(`office-${officeId}`)).length;
    const accountEvents = (await f.store.readStream(`account-${accountId}`)).length;

    await expect(offices.resetPassword(adminId, accountId, admin(adminId))).rejects.toMatchObject({
      code: 'ERASED',
    });
    expect(await f.store.readStream(`office-${officeId}`)).toHaveLength(officeEvents);
    expect(await f.store.readStream(`account-${accountId}`)).toHaveLength(accountEvents);
    // Another office's user is still refused before anything is sealed for it.
    const outsider = await f.registered('outsider2@example.com');
    await expect(offices.resetPassword(adminId, outsider, admin(adminId))).rejects.toMatchObject({
      code: 'OFFICE_USER_NOT_FOUND',
    });
  });

  it('permissions by kind: a nonmember’s are fixed by its kind, an unknown account has none', async () => {
    const nonmember = await f.registered('nm@example.com');
    expect(await offices.permissions(nonmember)).toEqual({
      accountId: nonmember,
      kind: 'nonmember',
      functions: ['patient-profile'],
    });
    expect(await offices.permissions(randomUUID())).toMatchObject({ functions: [] });
    await expect(offices.requireFunction(nonmember, 'claims')).rejects.toMatchObject({
      code: 'FUNCTION_NOT_GRANTED',
    });
  });
});

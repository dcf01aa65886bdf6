import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents, ROSTER_ENTRY } from '../shared/testing/fake-accounts';
import { registrationForm } from '../shared/testing/registration-form';
import { RegisterMemberCommand } from './register-member.command';
import { RegisterMemberHandler } from './register-member.handler';
import type { RegisterMemberRequest } from './register-member.request';

const ctx = ctxAt();
const form = (overrides: Partial<RegisterMemberRequest> = {}): RegisterMemberRequest => ({
  ...registrationForm(),
  memberId: ROSTER_ENTRY.memberId,
  phone: '+15555550100',
  ...overrides,
});
const register = (accounts: FakeAccounts, request = form()) =>
  new RegisterMemberHandler(accounts.asAccounts).execute(new RegisterMemberCommand(request, ctx));
const registered = (accounts: FakeAccounts) =>
  accounts.ran.filter((r) => r.command.type === 'RegisterMember').map((r) => r.accountId);

describe('register a member (handler)', () => {
  it('someone the roster does not know is ROSTER_MISMATCH, before anything is claimed', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    await expect(register(accounts, form({ lastName: 'Other' }))).rejects.toMatchObject({
      code: 'ROSTER_MISMATCH',
    });
    expect(accounts.claims).toEqual([]);
    expect(accounts.ran).toEqual([]);
  });

  it('claims the member id, username and email, and records the hashes, never the password', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    await register(accounts);
    expect(accounts.claims).toEqual(['member:DEMO0000001', 'username:patexample', 'email:pat@example.com']);
    const [accountId] = registered(accounts);
    const [event] = accounts.events(accountId);
    expect(event).toMatchObject({
      type: 'Registered',
      data: {
        kind: 'member',
        passwordHash: 'hash(Correct7Horse9Battery)',
        securityAnswerHash: 'hash(Rex the Dog)',
        profile: { memberId: 'DEMO0000001', firstName: 'Pat', email: 'pat@example.com' },
      },
    });
    expect(JSON.stringify(accounts.events(accountId))).not.toContain('"Correct7Horse9Battery"');
  });

  it('a member whose activation letter is on its way registers into that account', async () => {
    const waiting = '7d0f5a1e-3c2b-4a19-8e6f-2b9d4c1a0e55';
    const accounts = new FakeAccounts({ member: { DEMO0000001: waiting } }, undefined, [ROSTER_ENTRY]);
    await register(accounts);
    expect(registered(accounts)).toEqual([waiting]);
  });

  it('an email another account holds is answered as a registration: the holder is told, nothing is made', async () => {
    const accounts = new FakeAccounts({ email: { 'pat@example.com': ACCOUNT_ID } }, undefined, [
      ROSTER_ENTRY,
    ]).given(ACCOUNT_ID, memberEvents());
    await expect(register(accounts, form({ memberId: 'DEMO0000001' }))).resolves.toBeUndefined();
    // The registration was decided (a bad form is refused as it would be) but nothing of it recorded.
    const [rehearsed] = registered(accounts);
    expect(accounts.events(rehearsed)).toEqual([]);
    expect(accounts.ran.at(-1)).toMatchObject({
      accountId: ACCOUNT_ID,
      command: { type: 'SendAlreadyRegisteredNotice', matched: 'email' },
    });
    // What this attempt took is given back: its username and the member id are free again.
    expect(accounts.releases).toEqual(['username:patexample', 'member:DEMO0000001']);
  });
});

import type { AccountEvent } from '@portal/domain';
import { profile } from '../../../../../libs/domain/src/testing/given-when-then';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents, PASSWORD } from '../shared/testing/fake-accounts';
import { CreateUsernameCommand } from './create-username.command';
import { CreateUsernameHandler } from './create-username.handler';

const ctx = ctxAt();
const OTHER = '7d0f5a1e-3c2b-4a19-8e6f-2b9d4c1a0e55';
const legacy: AccountEvent[] = [
  {
    type: 'LegacyAccountImported',
    data: {
      accountId: ACCOUNT_ID,
      memberId: 'DEMO0000001',
      passwordHash: `hash(${PASSWORD})`,
      profile: { ...profile, email: '' },
    },
  },
];
const create = (
  accounts: FakeAccounts,
  password = PASSWORD,
  email = 'pat@example.com',
  username = 'patexample',
) =>
  new CreateUsernameHandler(accounts.asAccounts).execute(
    new CreateUsernameCommand('DEMO0000001', password, username, email, ctx),
  );
const legacyAccount = (holders = {}) =>
  new FakeAccounts({ member: { DEMO0000001: ACCOUNT_ID }, ...holders }).given(ACCOUNT_ID, legacy);

describe('create a username (handler)', () => {
  it('a legacy account proves its password, then gets the username and email', async () => {
    const accounts = legacyAccount();
    await expect(create(accounts)).resolves.toEqual({ username: 'patexample' });
    expect(accounts.claims).toEqual(['username:patexample', 'email:pat@example.com']);
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).toEqual(
      expect.arrayContaining(['UsernameCreated', 'EmailChanged']),
    );
  });

  it('a wrong password is a log on’s refusal, counted, and claims nothing', async () => {
    const accounts = legacyAccount();
    await expect(create(accounts, 'Wrong7Password99')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).toContain('LoginFailed');
    expect(accounts.claims).toEqual([]);
  });

  it('an unknown member id costs a dummy password check and answers as a wrong password', async () => {
    const accounts = new FakeAccounts();
    await expect(create(accounts)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(accounts.dummyVerifies).toEqual([PASSWORD]);
  });

  it('an account that already has a username is refused as a wrong password', async () => {
    const accounts = new FakeAccounts({ member: { DEMO0000001: ACCOUNT_ID } }).given(
      ACCOUNT_ID,
      memberEvents(),
    );
    await expect(create(accounts)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(accounts.claims).toEqual([]);
  });

  it('an email another account has: the creation’s answer, nothing recorded, the owner emailed', async () => {
    const accounts = legacyAccount({ email: { 'pat@example.com': OTHER } });
    await expect(create(accounts)).resolves.toEqual({ username: 'patexample' });
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).not.toContain('UsernameCreated');
    expect(accounts.releases).toEqual(['username:patexample']);
    expect(accounts.ran.at(-1)).toMatchObject({
      accountId: OTHER,
      command: { type: 'SendAlreadyRegisteredNotice', matched: 'email' },
    });
  });

  it('a username equal to the password is refused before anything runs', async () => {
    const accounts = legacyAccount();
    await expect(
      create(accounts, 'Patexample7Long', 'pat@example.com', 'patexample7long'),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { username: expect.any(String) },
    });
    expect(accounts.ran).toEqual([]);
  });
});

import { ctxAt, FakeAccounts } from '../shared/testing/fake-accounts';
import { registrationForm } from '../shared/testing/registration-form';
import { RegisterNonmemberCommand } from './register-nonmember.command';
import { RegisterNonmemberHandler } from './register-nonmember.handler';

const ctx = ctxAt();
const register = (accounts: FakeAccounts, request = registrationForm()) =>
  new RegisterNonmemberHandler(accounts.asAccounts).execute(new RegisterNonmemberCommand(request, ctx));

describe('register a nonmember patient (handler)', () => {
  it('needs no roster: claims the username and email, and records the profile from the form', async () => {
    const accounts = new FakeAccounts();
    await register(accounts);
    expect(accounts.claims).toEqual(['username:patexample', 'email:pat@example.com']);
    const { accountId } = accounts.ran[0];
    expect(accounts.events(accountId)[0]).toMatchObject({
      type: 'Registered',
      data: {
        kind: 'nonmember',
        profile: {
          firstName: 'Pat',
          lastName: 'Example',
          dateOfBirth: '1980-04-01',
          email: 'pat@example.com',
        },
      },
    });
    expect(
      (accounts.events(accountId)[0].data as { profile: { memberId?: string } }).profile.memberId,
    ).toBeUndefined();
  });

  it('a taken username is said (USERNAME_TAKEN), and the email it took is given back', async () => {
    const accounts = new FakeAccounts({ username: { patexample: 'someone-else' } });
    await expect(register(accounts, registrationForm({ email: 'new@example.com' }))).rejects.toMatchObject({
      code: 'USERNAME_TAKEN',
    });
    expect(accounts.ran).toEqual([]);
    expect(await accounts.holder('email', 'new@example.com')).toBeUndefined();
  });

  it('a password breaking the policy names its field before anything is claimed', async () => {
    const accounts = new FakeAccounts();
    await expect(register(accounts, registrationForm({ password: 'patexample' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { password: expect.any(String) },
    });
    expect(accounts.claims).toEqual([]);
  });
});

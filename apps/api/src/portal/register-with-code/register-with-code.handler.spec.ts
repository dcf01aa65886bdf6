import { ctxAt, FakeAccounts, ROSTER_ENTRY } from '../shared/testing/fake-accounts';
import { registrationForm } from '../shared/testing/registration-form';
import { RequestActivationCodeCommand } from '../request-activation-code/request-activation-code.command';
import { RequestActivationCodeHandler } from '../request-activation-code/request-activation-code.handler';
import { RegisterWithCodeCommand } from './register-with-code.command';
import { RegisterWithCodeHandler } from './register-with-code.handler';

const ctx = ctxAt();

/** A member who asked for a code: the account waiting for it, and the code as the letter prints it. */
async function letterSent(accounts: FakeAccounts) {
  await new RequestActivationCodeHandler(accounts.asAccounts).execute(
    new RequestActivationCodeCommand(
      { memberId: 'DEMO0000001', firstName: 'Pat', lastName: 'Example', dateOfBirth: '1980-04-01' },
      ctx,
    ),
  );
  const { accountId } = accounts.ran[0];
  const issued = accounts.events(accountId)[0].data as { codeSealed: string };
  return { accountId, code: String(await accounts.open(accountId, issued.codeSealed)) };
}

const register = (accounts: FakeAccounts, activationCode: string, memberId = 'DEMO0000001') =>
  new RegisterWithCodeHandler(accounts.asAccounts).execute(
    new RegisterWithCodeCommand({ ...registrationForm(), memberId, activationCode }, ctx),
  );

describe('register with an activation code (handler)', () => {
  it('the letter’s code, typed in lower case without dashes, registers the waiting account', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    const { accountId, code } = await letterSent(accounts);
    await register(accounts, code.replace(/-/g, '').toLowerCase());
    expect(accounts.events(accountId).map((e) => e.type)).toContain('Registered');
    expect(accounts.claims).toEqual(['member:DEMO0000001', 'username:patexample', 'email:pat@example.com']);
  });

  it('a wrong code is counted and refused before any username or email is claimed', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    const { accountId } = await letterSent(accounts);
    await expect(register(accounts, 'AAAA-BBBB-CCCC')).rejects.toMatchObject({
      code: 'ACTIVATION_CODE_INVALID',
    });
    expect(accounts.claims).toEqual(['member:DEMO0000001']);
    expect(accounts.events(accountId).map((e) => e.type)).not.toContain('Registered');
  });

  it('a member id no code was sent for answers as a wrong code', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    await expect(register(accounts, 'AAAA-BBBB-CCCC')).rejects.toMatchObject({
      code: 'ACTIVATION_CODE_INVALID',
    });
    expect(accounts.ran).toEqual([]);
  });
});

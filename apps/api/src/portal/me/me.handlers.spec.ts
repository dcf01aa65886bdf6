import { ACCOUNT_ID, FakeAccounts, memberEvents } from '../shared/testing/fake-accounts';
import { LogOutCommand, LogOutEverywhereCommand } from './me.commands';
import { GetMeHandler, LogOutEverywhereHandler, LogOutHandler } from './me.handlers';
import { GetMeQuery } from './me.query';

describe('me (handlers)', () => {
  it('the account as its own pages show it, without secrets', async () => {
    const accounts = new FakeAccounts().given(ACCOUNT_ID, [
      ...memberEvents(),
      { type: 'AuthenticatorAdded', data: { secretSealed: 'sealed("s")', confirmedStep: 1 } },
    ]);
    const view = await new GetMeHandler(accounts.asAccounts).execute(new GetMeQuery(ACCOUNT_ID));
    expect(view).toEqual({
      username: 'patexample',
      email: 'pat@example.com',
      phone: '+15555550100',
      kind: 'member',
      status: 'active',
      emailVerified: false,
      mustChangePassword: false,
      authenticatorEnrolled: true,
    });
  });

  it('log out ends this session; log out everywhere ends the account’s sessions', async () => {
    const accounts = new FakeAccounts();
    await new LogOutHandler(accounts.asAccounts).execute(new LogOutCommand('token-hash'));
    await new LogOutEverywhereHandler(accounts.asAccounts).execute(new LogOutEverywhereCommand(ACCOUNT_ID));
    expect(accounts.ended).toEqual(['token-hash', `all:${ACCOUNT_ID}`]);
  });
});

import { newLoginToken } from '../shared/login-token';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents } from '../shared/testing/fake-accounts';
import { startedLogin } from '../shared/testing/started-login';
import { VerifyCodeCommand } from './verify-code.command';
import type { AppConfig } from '@portal/config';
import type { SessionGranted } from '../shared/session-grant';
import { VerifyCodeHandler } from './verify-code.handler';

const ctx = ctxAt('2026-11-22T10:01:00Z');
const member = () =>
  new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, memberEvents());
const verify = (accounts: FakeAccounts, loginToken: string, code: string) =>
  new VerifyCodeHandler(accounts.asAccounts, { plan: { name: 'Test Plan' } } as AppConfig).execute(
    new VerifyCodeCommand(loginToken, code, ctx),
  );

describe('verify code (handler)', () => {
  it('the emailed code opens a session at the revision of LoginSucceeded', async () => {
    const accounts = member();
    const { loginToken, code } = await startedLogin(accounts);
    const granted = (await verify(accounts, loginToken, code!)) as SessionGranted;
    expect(granted).toMatchObject({ mustChangePassword: false, idleTimeoutSeconds: 15 * 60 });
    expect(accounts.events(ACCOUNT_ID).at(-1)?.type).toBe('LoginSucceeded');
    expect(accounts.sessions).toEqual([
      {
        tokenHash: accounts.keyedHash('session', granted.sessionToken),
        accountId: ACCOUNT_ID,
        grantedAt: BigInt(accounts.events(ACCOUNT_ID).length - 1),
      },
    ]);
  });

  it('a wrong code is CODE_INVALID and opens nothing', async () => {
    const accounts = member();
    const { loginToken, code } = await startedLogin(accounts);
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(verify(accounts, loginToken, wrong)).rejects.toMatchObject({ code: 'CODE_INVALID' });
    expect(accounts.sessions).toEqual([]);
  });

  it('a token of another attempt is LOGIN_NOT_STARTED, whatever the code', async () => {
    const accounts = member();
    const { code } = await startedLogin(accounts);
    const { token } = newLoginToken(accounts.asAccounts, ACCOUNT_ID);
    await expect(verify(accounts, token, code!)).rejects.toMatchObject({ code: 'LOGIN_NOT_STARTED' });
    await expect(verify(accounts, 'not-a-token', code!)).rejects.toMatchObject({ code: 'LOGIN_NOT_STARTED' });
    expect(accounts.sessions).toEqual([]);
  });

  it('a lock between the steps ends the login: the right code then opens nothing', async () => {
    const accounts = member();
    const { loginToken, code } = await startedLogin(accounts);
    accounts.given(ACCOUNT_ID, [
      ...accounts.events(ACCOUNT_ID),
      { type: 'Locked', data: { until: '2026-11-22T10:30:00.000Z', consecutiveFailures: 5 } },
    ]);
    await expect(verify(accounts, loginToken, code!)).rejects.toMatchObject({ code: 'LOGIN_NOT_STARTED' });
    expect(accounts.sessions).toEqual([]);
  });
});

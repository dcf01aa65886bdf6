import { profile } from '../../../../../libs/domain/src/testing/given-when-then';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents, PASSWORD } from '../shared/testing/fake-accounts';
import { openLoginToken } from '../shared/login-token';
import { LogInCommand } from './log-in.command';
import { LogInHandler } from './log-in.handler';

const ctx = ctxAt();
const logIn = (accounts: FakeAccounts, username: string, password: string) =>
  new LogInHandler(accounts.asAccounts).execute(new LogInCommand(username, password, ctx));

describe('log in (handler)', () => {
  it('an unknown username is INVALID_CREDENTIALS after a dummy password check, running nothing', async () => {
    const accounts = new FakeAccounts();
    await expect(logIn(accounts, 'nobody', 'Whatever7Password')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(accounts.dummyVerifies).toEqual(['Whatever7Password']);
    expect(accounts.ran).toEqual([]);
  });

  it('the right password issues an emailed code and a token naming this account and attempt', async () => {
    const accounts = new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(
      ACCOUNT_ID,
      memberEvents(),
    );
    const result = await logIn(accounts, 'patexample', PASSWORD);
    expect(result.secondFactor).toBe('email-code');
    const opened = openLoginToken(accounts.asAccounts, result.loginToken);
    expect(opened?.accountId).toBe(ACCOUNT_ID);
    expect(accounts.ran).toEqual([
      expect.objectContaining({
        command: expect.objectContaining({
          type: 'LogIn',
          loginId: opened?.loginId,
          passwordMatches: true,
          viaMemberId: false,
          now: ctx.occurredAt.getTime(),
        }),
        ctx: expect.objectContaining({ actor: { kind: 'self', accountId: ACCOUNT_ID } }),
      }),
    ]);
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).toEqual(
      expect.arrayContaining(['PasswordAccepted', 'OtpIssued']),
    );
    expect(accounts.dummyVerifies).toEqual([]);
  });

  it('a wrong password is INVALID_CREDENTIALS, with the failure recorded', async () => {
    const accounts = new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(
      ACCOUNT_ID,
      memberEvents(),
    );
    await expect(logIn(accounts, 'patexample', 'Wrong7Password99')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).toContain('LoginFailed');
  });

  it('a locked account is answered as invalid credentials, even with the right password', async () => {
    const accounts = new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, [
      ...memberEvents(),
      { type: 'Locked', data: { until: '2026-11-22T10:30:00.000Z', consecutiveFailures: 5 } },
    ]);
    await expect(logIn(accounts, 'patexample', PASSWORD)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    // The password was still checked, so a locked account answers in the same time as any other.
    expect(accounts.ran[0].command).toMatchObject({ type: 'LogIn', passwordMatches: true });
  });

  it('a deactivated account is answered as invalid credentials', async () => {
    const accounts = new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, [
      ...memberEvents(),
      { type: 'Deactivated', data: { reason: 'support' } },
    ]);
    await expect(logIn(accounts, 'patexample', PASSWORD)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('the second factor follows enrolment: an authenticator app means no emailed code', async () => {
    const accounts = new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, [
      ...memberEvents(),
      { type: 'AuthenticatorAdded', data: { secretSealed: 'sealed("secret")', confirmedStep: 1 } },
    ]);
    const result = await logIn(accounts, 'patexample', PASSWORD);
    expect(result.secondFactor).toBe('authenticator');
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).not.toContain('OtpIssued');
  });

  it('a stored hash with weaker parameters is upgraded once the password is proven', async () => {
    const accounts = new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(
      ACCOUNT_ID,
      memberEvents(),
    );
    accounts.rehash = true;
    await logIn(accounts, 'patexample', PASSWORD);
    expect(accounts.ran[0].command).toMatchObject({ upgradedHash: `hash(${PASSWORD})` });
  });

  it('a legacy account logs in with its member id, which wins over a username that looks like it', async () => {
    const other = '7d0f5a1e-3c2b-4a19-8e6f-2b9d4c1a0e55';
    const accounts = new FakeAccounts({
      member: { DEMO0000001: ACCOUNT_ID },
      username: { DEMO0000001: other },
    }).given(ACCOUNT_ID, [
      {
        type: 'LegacyAccountImported',
        data: {
          accountId: ACCOUNT_ID,
          memberId: 'DEMO0000001',
          passwordHash: `hash(${PASSWORD})`,
          profile,
        },
      },
    ]);
    await expect(logIn(accounts, 'DEMO0000001', PASSWORD)).rejects.toMatchObject({
      code: 'USERNAME_REQUIRED',
    });
    expect(accounts.ran).toEqual([
      expect.objectContaining({
        accountId: ACCOUNT_ID,
        command: expect.objectContaining({ viaMemberId: true }),
      }),
    ]);
  });
});

import { newLoginToken } from '../shared/login-token';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents } from '../shared/testing/fake-accounts';
import { startedLogin } from '../shared/testing/started-login';
import { ResendCodeCommand } from './resend-code.command';
import { ResendCodeHandler } from './resend-code.handler';

const ctx = ctxAt('2026-11-22T10:01:00Z');
const member = () =>
  new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, memberEvents());
const issued = (accounts: FakeAccounts) => accounts.events(ACCOUNT_ID).filter((e) => e.type === 'OtpIssued');

describe('resend code (handler)', () => {
  it('issues a new code for the login in progress, hashed and sealed, never in clear', async () => {
    const accounts = member();
    const { loginToken } = await startedLogin(accounts);
    await new ResendCodeHandler(accounts.asAccounts).execute(new ResendCodeCommand(loginToken, ctx));
    expect(issued(accounts)).toHaveLength(2);
    const command = accounts.ran.at(-1)!.command;
    expect(command).toMatchObject({ type: 'ResendOtp', now: ctx.occurredAt.getTime() });
    const { otp } = command as unknown as { otp: { codeHash: string; codeSealed: string } };
    const code = String(await accounts.open(ACCOUNT_ID, otp.codeSealed));
    expect(code).toMatch(/^\d{6}$/);
    expect(otp.codeHash).toBe(accounts.codeHash('otp', code));
  });

  it('a token naming no login in progress is LOGIN_NOT_STARTED and issues nothing', async () => {
    const accounts = member();
    await startedLogin(accounts);
    const { token } = newLoginToken(accounts.asAccounts, ACCOUNT_ID);
    await expect(
      new ResendCodeHandler(accounts.asAccounts).execute(new ResendCodeCommand(token, ctx)),
    ).rejects.toMatchObject({ code: 'LOGIN_NOT_STARTED' });
    expect(issued(accounts)).toHaveLength(1);
  });

  it('a reset’s token is refused as a decoy’s is: a reset asks for a new code by starting again', async () => {
    const accounts = member();
    const { token, loginId } = newLoginToken(accounts.asAccounts, ACCOUNT_ID);
    accounts.given(ACCOUNT_ID, [
      ...accounts.events(ACCOUNT_ID),
      { type: 'PasswordResetRequested', data: { loginId } },
      {
        type: 'OtpIssued',
        data: {
          loginId,
          otpId: 'otp-1',
          codeHash: 'h'.repeat(64),
          codeSealed: 'sealed("123456")',
          expiresAt: '2026-11-22T10:10:00.000Z',
        },
      },
    ]);
    await expect(
      new ResendCodeHandler(accounts.asAccounts).execute(new ResendCodeCommand(token, ctx)),
    ).rejects.toMatchObject({ code: 'LOGIN_NOT_STARTED' });
    expect(issued(accounts)).toHaveLength(1);
  });
});

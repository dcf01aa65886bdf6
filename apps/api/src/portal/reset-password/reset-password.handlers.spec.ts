import { AccountErrors, type DomainError } from '@portal/domain';
import type { Logger } from '@portal/observability';
import { openLoginToken } from '../shared/login-token';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents } from '../shared/testing/fake-accounts';
import { startedLogin } from '../shared/testing/started-login';
import { CompleteResetCommand, StartResetCommand, VerifyResetCodeCommand } from './reset-password.commands';
import { CompleteResetHandler, StartResetHandler, VerifyResetCodeHandler } from './reset-password.handlers';

const ctx = ctxAt('2026-11-22T10:01:00Z');
const NEW_PASSWORD = 'Another8Strong7Phrase';
const logger = { error: () => undefined } as unknown as Logger;
const afterAnswer = () => new Promise((resolve) => setImmediate(resolve));
const member = () =>
  new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, memberEvents());

/** Step 1 for `username`: the token, and (once the code is made after the answer) the emailed code. */
async function started(accounts: FakeAccounts, username = 'patexample') {
  const { resetToken } = await new StartResetHandler(accounts.asAccounts, logger).execute(
    new StartResetCommand(username, ctx),
  );
  await afterAnswer();
  await afterAnswer();
  const issued = accounts
    .events(ACCOUNT_ID)
    .filter((e) => e.type === 'OtpIssued')
    .at(-1);
  const code = issued ? String(await accounts.open(ACCOUNT_ID, issued.data.codeSealed)) : '000000';
  return { resetToken, code };
}
const verify = (accounts: FakeAccounts, resetToken: string, code: string) =>
  new VerifyResetCodeHandler(accounts.asAccounts).execute(new VerifyResetCodeCommand(resetToken, code, ctx));
const complete = (accounts: FakeAccounts, resetToken: string) =>
  new CompleteResetHandler(accounts.asAccounts).execute(
    new CompleteResetCommand(resetToken, NEW_PASSWORD, ctx),
  );

describe('reset password (handlers)', () => {
  it('a known username gets a token at once and the code after the answer', async () => {
    const accounts = member();
    const { resetToken } = await new StartResetHandler(accounts.asAccounts, logger).execute(
      new StartResetCommand('patexample', ctx),
    );
    expect(accounts.ran).toEqual([]);
    expect(openLoginToken(accounts.asAccounts, resetToken)?.accountId).toBe(ACCOUNT_ID);
    await afterAnswer();
    await afterAnswer();
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).toEqual(
      expect.arrayContaining(['PasswordResetRequested', 'OtpIssued']),
    );
  });

  it('an unknown username gets a token of the same kind, naming the same decoy every time, and runs nothing', async () => {
    const accounts = member();
    const first = await started(accounts, 'nobody');
    const second = await started(accounts, 'nobody');
    const decoy = openLoginToken(accounts.asAccounts, first.resetToken)?.accountId;
    expect(decoy).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(openLoginToken(accounts.asAccounts, second.resetToken)?.accountId).toBe(decoy);
    expect(first.resetToken).toHaveLength(second.resetToken.length);
    expect(accounts.ran).toEqual([]);
  });

  it('the emailed code, then a new password: the reset is complete', async () => {
    const accounts = member();
    const { resetToken, code } = await started(accounts);
    await verify(accounts, resetToken, code);
    await complete(accounts, resetToken);
    expect(accounts.events(ACCOUNT_ID).at(-1)).toMatchObject({
      type: 'PasswordReset',
      data: { passwordHash: `hash(${NEW_PASSWORD})` },
    });
  });

  it('every refusal of the code step is one answer: a wrong code, a decoy’s token, a login’s token', async () => {
    const accounts = member();
    const { resetToken, code } = await started(accounts);
    const wrong = code === '000000' ? '111111' : '000000';
    const decoy = await started(accounts, 'nobody');
    const login = await startedLogin(accounts, ctx);
    const refusals = [
      await verify(accounts, resetToken, wrong).catch((e: DomainError) => e),
      await verify(accounts, decoy.resetToken, code).catch((e: DomainError) => e),
      await verify(accounts, login.loginToken, login.code!).catch((e: DomainError) => e),
    ].map((e) => ({ code: e?.code, message: e?.message, fields: e?.fields }));
    const one = AccountErrors.resetCodeRefused();
    expect(refusals).toEqual(Array(3).fill({ code: one.code, message: one.message, fields: one.fields }));
  });

  it('a new password without a verified code, or with a login’s token, does not reset', async () => {
    const accounts = member();
    const { resetToken } = await started(accounts);
    await expect(complete(accounts, resetToken)).rejects.toMatchObject({ code: 'RESET_NOT_ALLOWED' });
    const login = await startedLogin(accounts, ctx);
    await expect(complete(accounts, login.loginToken)).rejects.toMatchObject({ code: 'RESET_NOT_ALLOWED' });
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).not.toContain('PasswordReset');
  });
});

import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents } from '../shared/testing/fake-accounts';
import { startedLogin } from '../shared/testing/started-login';
import { IssueRecoveryCodesCommand, UseRecoveryCodeCommand } from './recovery-codes.commands';
import { IssueRecoveryCodesHandler, UseRecoveryCodeHandler } from './recovery-codes.handlers';

const ctx = ctxAt('2026-11-22T10:01:00Z');
const withApp = () =>
  new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, [
    ...memberEvents(),
    { type: 'AuthenticatorAdded', data: { secretSealed: 'sealed({"totpSecret":"S"})', confirmedStep: 1 } },
  ]);

async function issued(accounts: FakeAccounts) {
  return new IssueRecoveryCodesHandler(accounts.asAccounts).execute(
    new IssueRecoveryCodesCommand(ACCOUNT_ID, ctx),
  );
}

describe('recovery codes (handlers)', () => {
  it('issues ten codes, shown once, stored only as their hashes', async () => {
    const accounts = withApp();
    const { codes } = await issued(accounts);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(accounts.events(ACCOUNT_ID).at(-1)).toEqual({
      type: 'RecoveryCodesIssued',
      data: { codeHashes: codes.map((c) => accounts.codeHash('recovery', c)) },
    });
    expect(JSON.stringify(accounts.events(ACCOUNT_ID))).not.toContain(codes[0]);
  });

  it('a recovery code finishes a login, typed in any case, once', async () => {
    const accounts = withApp();
    const { codes } = await issued(accounts);
    const first = await startedLogin(accounts, ctx);
    const granted = await new UseRecoveryCodeHandler(accounts.asAccounts).execute(
      new UseRecoveryCodeCommand(first.loginToken, codes[0].toLowerCase(), ctx),
    );
    expect(granted.sessionToken).toEqual(expect.any(String));
    expect(accounts.sessions).toHaveLength(1);

    const second = await startedLogin(accounts, ctx);
    await expect(
      new UseRecoveryCodeHandler(accounts.asAccounts).execute(
        new UseRecoveryCodeCommand(second.loginToken, codes[0], ctx),
      ),
    ).rejects.toMatchObject({ code: 'CODE_INVALID' });
    expect(accounts.sessions).toHaveLength(1);
  });
});

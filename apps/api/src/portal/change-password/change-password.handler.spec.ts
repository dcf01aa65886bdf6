import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents, PASSWORD } from '../shared/testing/fake-accounts';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler } from './change-password.handler';

const ctx = ctxAt();
const NEW_PASSWORD = 'Another8Strong7Phrase';
const change = (accounts: FakeAccounts, current: string, next: string) =>
  new ChangePasswordHandler(accounts.asAccounts).execute(
    new ChangePasswordCommand(ACCOUNT_ID, current, next, ctx),
  );

describe('change password (handler)', () => {
  it('checks the current password and stores only the new one’s hash, as the account itself', async () => {
    const accounts = new FakeAccounts().given(ACCOUNT_ID, memberEvents());
    await change(accounts, PASSWORD, NEW_PASSWORD);
    expect(accounts.events(ACCOUNT_ID).at(-1)).toEqual({
      type: 'PasswordChanged',
      data: { passwordHash: `hash(${NEW_PASSWORD})` },
    });
    expect(accounts.ran[0]).toMatchObject({
      command: { type: 'ChangePassword', currentPasswordMatches: true },
      ctx: { actor: { kind: 'self', accountId: ACCOUNT_ID } },
    });
  });

  it('a wrong current password is CURRENT_PASSWORD_WRONG and changes nothing', async () => {
    const accounts = new FakeAccounts().given(ACCOUNT_ID, memberEvents());
    await expect(change(accounts, 'NotMine7Password', NEW_PASSWORD)).rejects.toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
    });
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).not.toContain('PasswordChanged');
  });

  it('the same password again is refused before anything runs (a temporary password must really change)', async () => {
    const accounts = new FakeAccounts().given(ACCOUNT_ID, memberEvents());
    await expect(change(accounts, PASSWORD, PASSWORD)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { newPassword: expect.any(String) },
    });
    expect(accounts.ran).toEqual([]);
  });

  it('a new password breaking the rules names the newPassword field', async () => {
    const accounts = new FakeAccounts().given(ACCOUNT_ID, memberEvents());
    await expect(change(accounts, PASSWORD, 'short')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { newPassword: expect.any(String) },
    });
  });
});

import type { AccountEvent } from '@portal/domain';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents } from '../shared/testing/fake-accounts';
import { ReactivateCommand } from './reactivate.command';
import { ReactivateHandler } from './reactivate.handler';

const ctx = ctxAt('2026-11-23T10:00:00Z');
const TOKEN = `${ACCOUNT_ID}.${'A'.repeat(43)}`;
const OTHER = '7d0f5a1e-3c2b-4a19-8e6f-2b9d4c1a0e55';

function deactivated(holders = {}) {
  const accounts = new FakeAccounts(holders);
  const deactivation: AccountEvent = {
    type: 'Deactivated',
    data: {
      reason: 'security-answers',
      reactivationHash: accounts.codeHash('reactivation', TOKEN),
      reactivationSealed: 'sealed("link")',
      reactivableUntil: '2026-12-22T10:00:00.000Z',
    },
  };
  return accounts.given(ACCOUNT_ID, [...memberEvents(), deactivation]);
}
const reactivate = (accounts: FakeAccounts, token = TOKEN) =>
  new ReactivateHandler(accounts.asAccounts).execute(new ReactivateCommand(token, ctx));

describe('reactivate (handler)', () => {
  it('the emailed link takes back the username, email and member id, then reactivates', async () => {
    const accounts = deactivated();
    await reactivate(accounts);
    expect(accounts.claims).toEqual(['username:patexample', 'email:pat@example.com', 'member:DEMO0000001']);
    expect(accounts.events(ACCOUNT_ID).at(-1)).toEqual({ type: 'Reactivated', data: { via: 'email-link' } });
  });

  it('a token not shaped like one, or a wrong one, is REACTIVATION_INVALID and takes nothing', async () => {
    const accounts = deactivated();
    await expect(reactivate(accounts, 'not-a-token')).rejects.toMatchObject({ code: 'REACTIVATION_INVALID' });
    expect(accounts.ran).toEqual([]);
    await expect(reactivate(accounts, `${ACCOUNT_ID}.${'B'.repeat(43)}`)).rejects.toMatchObject({
      code: 'REACTIVATION_INVALID',
    });
    expect(accounts.claims).toEqual([]);
  });

  it('a value someone registered since is not taken from them: refused, and what was taken given back', async () => {
    const accounts = deactivated({ email: { 'pat@example.com': OTHER } });
    await expect(reactivate(accounts)).rejects.toMatchObject({ code: 'REACTIVATION_NOT_POSSIBLE' });
    expect(accounts.releases).toEqual(['username:patexample']);
    expect(await accounts.holder('email', 'pat@example.com')).toBe(OTHER);
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).not.toContain('Reactivated');
  });
});

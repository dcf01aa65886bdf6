import { normaliseActivationCode } from '@portal/security';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents, ROSTER_ENTRY } from '../shared/testing/fake-accounts';
import { RequestActivationCodeCommand } from './request-activation-code.command';
import { RequestActivationCodeHandler } from './request-activation-code.handler';

const ctx = ctxAt();
const request = { memberId: 'DEMO0000001', firstName: 'Pat', lastName: 'Example', dateOfBirth: '1980-04-01' };
const ask = (accounts: FakeAccounts, r = request) =>
  new RequestActivationCodeHandler(accounts.asAccounts).execute(new RequestActivationCodeCommand(r, ctx));

describe('request an activation code (handler)', () => {
  it('someone the roster does not know is ROSTER_MISMATCH, and nothing is claimed', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    await expect(ask(accounts, { ...request, dateOfBirth: '1981-04-01' })).rejects.toMatchObject({
      code: 'ROSTER_MISMATCH',
    });
    expect(accounts.claims).toEqual([]);
  });

  it('a new member gets an account holding the member id and a code, sealed for the letter and hashed', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    await ask(accounts);
    expect(accounts.claims).toEqual(['member:DEMO0000001']);
    const { accountId } = accounts.ran[0];
    const [issued] = accounts.events(accountId);
    expect(issued.type).toBe('ActivationCodeIssued');
    const data = issued.data as { codeHash: string; codeSealed: string };
    const code = String(await accounts.open(accountId, data.codeSealed));
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(data.codeHash).toBe(accounts.codeHash('activation', normaliseActivationCode(code)));
  });

  it('a second request while the letter is on its way issues a new code to the same account', async () => {
    const accounts = new FakeAccounts({}, undefined, [ROSTER_ENTRY]);
    await ask(accounts);
    await ask(accounts);
    const ids = new Set(accounts.ran.map((r) => r.accountId));
    expect(ids.size).toBe(1);
    expect(accounts.claims).toHaveLength(1);
  });

  it('a registered member gets no letter: the owner is emailed, and the caller hears the same', async () => {
    const accounts = new FakeAccounts({ member: { DEMO0000001: ACCOUNT_ID } }, undefined, [
      ROSTER_ENTRY,
    ]).given(ACCOUNT_ID, memberEvents());
    await expect(ask(accounts)).resolves.toBeUndefined();
    expect(accounts.ran.map((r) => r.command.type)).toEqual(['SendAlreadyRegisteredNotice']);
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).not.toContain('ActivationCodeIssued');
  });
});

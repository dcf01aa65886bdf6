/** A provider office's registration cut off part way (its process killed): what the same form, or another, gets next. */
import { randomUUID } from 'node:crypto';
import type { Accounts, SqliteSessionStore } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { Offices } from '@portal/offices';
import { PasswordHasher } from '@portal/security';
import { tempAccounts, type TempAccounts } from '../../../../../libs/accounts/src/testing/temp-accounts';
import { RegisterOfficeCommand } from './register-office.command';
import { RegisterOfficeHandler } from './register-office.handler';
import type { RegisterOfficeRequest } from './register-office.request';

const form = (n: string, npi = '1234567893'): RegisterOfficeRequest => ({
  officeName: `Office ${n} Family Medicine`,
  npi,
  taxId: '12-3456789',
  firstName: 'Ida',
  lastName: `Admin${n}`,
  dateOfBirth: '1975-03-14',
  email: `admin.${n}@office.example`,
  phone: '+15555550150',
  username: `idadmin${n}`,
  password: `Office${n}7Admin9Pass`,
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
});

describe('office registration cut off part way', () => {
  let t: TempAccounts<SqliteSessionStore>;
  let accounts: Accounts;
  let offices: Offices;
  let handler: RegisterOfficeHandler;
  const ctx = (minutes = 0): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(Date.now() + minutes * 60_000),
  });
  const register = (r: RegisterOfficeRequest, minutes = 0) =>
    handler.execute(new RegisterOfficeCommand(r, ctx(minutes)));
  /** Starts a registration whose process dies at `where`: the call it makes there never returns. */
  async function cutOffAt(where: 'account' | 'office', r: RegisterOfficeRequest): Promise<void> {
    const spy = where === 'account' ? jest.spyOn(accounts, 'run') : jest.spyOn(offices, 'run');
    spy.mockImplementationOnce(() => new Promise<never>(() => undefined));
    void register(r).catch(() => undefined);
    while (spy.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    spy.mockRestore();
  }

  beforeEach(async () => {
    t = await tempAccounts({ hasher: new PasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 }) });
    accounts = t.accounts;
    offices = new Offices(accounts, t.store, t.deps.vault);
    handler = new RegisterOfficeHandler(accounts, offices);
  });
  afterEach(() => t.close());

  it('before its administrator was recorded: the same form completes it; for another, the NPI frees after a while', async () => {
    await cutOffAt('account', form('a'));
    const officeId = (await accounts.holder('npi', form('a').npi))!;
    await expect(register(form('b'), 1)).rejects.toMatchObject({ code: 'OFFICE_ALREADY_REGISTERED' });
    expect(await register(form('a'))).toEqual({ officeId });
    const office = await offices.state(officeId);
    expect(office.status).toBe('pending');
    expect((await accounts.state(office.firstAdministrator!)).username).toBe('idadmina');

    await cutOffAt('account', form('c', '1003000126'));
    const other = await register(form('d', '1003000126'), 3);
    expect(await accounts.holder('npi', '1003000126')).toBe(other.officeId);
    expect((await offices.state(other.officeId)).status).toBe('pending');
  });

  it('after its administrator was recorded, before the office: the same form records the office', async () => {
    await cutOffAt('office', form('e'));
    const officeId = (await accounts.holder('npi', form('e').npi))!;
    expect((await offices.state(officeId)).status).toBe('new');
    expect(await register(form('e'))).toEqual({ officeId });
    const office = await offices.state(officeId);
    expect(office.status).toBe('pending');
    expect(await accounts.holder('username', 'idadmine')).toBe(office.firstAdministrator);
  });
});

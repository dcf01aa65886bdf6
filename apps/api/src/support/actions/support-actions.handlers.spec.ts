import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import {
  DeactivateAccountCommand,
  IssueTemporaryPasswordCommand,
  SendUsernameReminderCommand,
  UnlockAccountCommand,
} from './support-actions.commands';
import {
  DeactivateAccountHandler,
  IssueTemporaryPasswordHandler,
  SendUsernameReminderHandler,
  UnlockAccountHandler,
} from './support-actions.handlers';

const ctx: CommandContext = {
  correlationId: 'corr-1',
  actor: { kind: 'staff', staffId: 'sue.support', role: 'support' },
  occurredAt: new Date('2026-11-22T10:00:00Z'),
};
const ACCOUNT = '0b9c6a52-5d0e-4c4e-9a51-5b7d1f1f3c11';

/** A fake Accounts: the account's status, and the commands run on it (answering `events`). */
function fakeAccounts(status: string, events: unknown[] = []) {
  const ran: { accountId: string; command: Record<string, unknown> }[] = [];
  const accounts = {
    state: async () => ({ status }),
    run: async (accountId: string, command: Record<string, unknown>) => {
      ran.push({ accountId, command });
      return { events };
    },
    seal: async (_id: string, value: string) => `sealed(${value.length})`,
    // Both spellings: `hashPassword` is the intent method that replaces the reach into `deps` (issue 22).
    hashPassword: async () => 'argon2-hash',
    deps: { hasher: { hash: async () => 'argon2-hash' } },
  } as unknown as Accounts;
  return { accounts, ran };
}

describe('support actions', () => {
  it('refuse an account that does not exist with ACCOUNT_NOT_FOUND, running nothing', async () => {
    const { accounts, ran } = fakeAccounts('new');
    await expect(
      new UnlockAccountHandler(accounts).execute(new UnlockAccountCommand(ACCOUNT, ctx)),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    await expect(
      new IssueTemporaryPasswordHandler(accounts).execute(
        new IssueTemporaryPasswordCommand(ACCOUNT, 'sue.support', ctx),
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    await expect(
      new SendUsernameReminderHandler(accounts).execute(new SendUsernameReminderCommand(ACCOUNT, ctx)),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    expect(ran).toEqual([]);
  });

  it('unlock runs Unlock at the request’s instant', async () => {
    const { accounts, ran } = fakeAccounts('locked');
    await new UnlockAccountHandler(accounts).execute(new UnlockAccountCommand(ACCOUNT, ctx));
    expect(ran).toEqual([{ accountId: ACCOUNT, command: { type: 'Unlock', now: ctx.occurredAt.getTime() } }]);
  });

  it('a temporary password is hashed and sealed, never passed in clear, with the staff member named', async () => {
    const { accounts, ran } = fakeAccounts('active');
    await new IssueTemporaryPasswordHandler(accounts).execute(
      new IssueTemporaryPasswordCommand(ACCOUNT, 'sue.support', ctx),
    );
    expect(ran).toEqual([
      {
        accountId: ACCOUNT,
        command: {
          type: 'IssueTemporaryPassword',
          staffId: 'sue.support',
          passwordHash: 'argon2-hash',
          passwordSealed: expect.stringMatching(/^sealed\(\d+\)$/),
          now: ctx.occurredAt.getTime(),
        },
      },
    ]);
  });

  it('a username reminder says whether one was sent', async () => {
    const sent = fakeAccounts('active', [{ type: 'UsernameReminderRequested', data: {} }]);
    const none = fakeAccounts('active', []);
    const run = (accounts: Accounts) =>
      new SendUsernameReminderHandler(accounts).execute(new SendUsernameReminderCommand(ACCOUNT, ctx));
    expect(await run(sent.accounts)).toEqual({ sent: true });
    expect(await run(none.accounts)).toEqual({ sent: false });
  });

  it('a deactivation runs Deactivate with the reason given, and says whether anything changed', async () => {
    const done = fakeAccounts('active', [{ type: 'Deactivated', data: { reason: 'owner' } }]);
    const already = fakeAccounts('deactivated', []);
    const run = (accounts: Accounts) =>
      new DeactivateAccountHandler(accounts).execute(new DeactivateAccountCommand(ACCOUNT, 'owner', ctx));
    expect(await run(done.accounts)).toEqual({ deactivated: true });
    expect(done.ran).toEqual([
      { accountId: ACCOUNT, command: { type: 'Deactivate', reason: 'owner', now: ctx.occurredAt.getTime() } },
    ]);
    expect(await run(already.accounts)).toEqual({ deactivated: false });
    await expect(run(fakeAccounts('new').accounts)).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});

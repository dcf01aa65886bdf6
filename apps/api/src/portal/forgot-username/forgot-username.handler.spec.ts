import type { Logger } from '@portal/observability';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents } from '../shared/testing/fake-accounts';
import { ForgotUsernameCommand } from './forgot-username.command';
import { ForgotUsernameHandler } from './forgot-username.handler';

const ctx = ctxAt();
const afterAnswer = () => new Promise((resolve) => setImmediate(resolve));

function handler(accounts: FakeAccounts) {
  const errors: unknown[] = [];
  const logger = { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger;
  return { handler: new ForgotUsernameHandler(accounts.asAccounts, logger), errors };
}

describe('forgot username (handler)', () => {
  it('answers at once, then sends the reminder to the account holding the address', async () => {
    const accounts = new FakeAccounts({ email: { 'pat@example.com': ACCOUNT_ID } }).given(
      ACCOUNT_ID,
      memberEvents(),
    );
    const { handler: forgot, errors } = handler(accounts);
    await forgot.execute(new ForgotUsernameCommand('pat@example.com', ctx));
    expect(accounts.ran).toEqual([]); // nothing before the answer: its time tells nothing
    await afterAnswer();
    await afterAnswer();
    expect(accounts.ran).toEqual([
      {
        accountId: ACCOUNT_ID,
        command: { type: 'SendUsernameReminder', now: ctx.occurredAt.getTime() },
        ctx: expect.objectContaining({ actor: { kind: 'anonymous' } }),
      },
    ]);
    expect(accounts.events(ACCOUNT_ID).at(-1)?.type).toBe('UsernameReminderSent');
    expect(errors).toEqual([]);
  });

  it('an address nobody holds answers the same and runs nothing', async () => {
    const accounts = new FakeAccounts();
    const { handler: forgot } = handler(accounts);
    await expect(forgot.execute(new ForgotUsernameCommand('who@example.com', ctx))).resolves.toBeUndefined();
    await afterAnswer();
    await afterAnswer();
    expect(accounts.ran).toEqual([]);
  });

  it('a failure after the answer is logged with the request’s reference, never thrown', async () => {
    const accounts = new FakeAccounts({ email: { 'pat@example.com': ACCOUNT_ID } });
    accounts.run = () => Promise.reject(new TypeError('store down'));
    const { handler: forgot, errors } = handler(accounts);
    await forgot.execute(new ForgotUsernameCommand('pat@example.com', ctx));
    await afterAnswer();
    await afterAnswer();
    expect(errors).toEqual([
      [{ correlationId: 'corr-1', errorName: 'TypeError' }, 'username reminder failed'],
    ]);
  });
});

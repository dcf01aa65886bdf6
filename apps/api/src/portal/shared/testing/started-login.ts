import { LogInCommand } from '../../log-in/log-in.command';
import { LogInHandler } from '../../log-in/log-in.handler';
import { ACCOUNT_ID, ctxAt, type FakeAccounts, PASSWORD } from './fake-accounts';

/** Step 1 of log on for `patexample`: the login token, and the emailed code as the worker would open it. */
export async function startedLogin(accounts: FakeAccounts, ctx = ctxAt()) {
  const { loginToken } = await new LogInHandler(accounts.asAccounts).execute(
    new LogInCommand('patexample', PASSWORD, ctx),
  );
  const issued = accounts
    .events(ACCOUNT_ID)
    .filter((e) => e.type === 'OtpIssued')
    .at(-1);
  const code = issued ? String(await accounts.open(ACCOUNT_ID, issued.data.codeSealed)) : undefined;
  return { loginToken, code };
}

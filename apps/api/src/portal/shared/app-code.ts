import type { Accounts } from '@portal/accounts';
import type { AccountState } from '@portal/domain';
import { matchTimeStep } from '@portal/security';

/** Which time step the code matched with the account's app, or null (also when no app is set up). */
export async function matchAppCode(
  accounts: Accounts,
  accountId: string,
  state: AccountState,
  code: string,
  at: Date,
): Promise<number | null> {
  const opened = state.authenticator
    ? await accounts.open(accountId, state.authenticator.secretSealed)
    : undefined;
  const secret = (opened as { totpSecret?: unknown } | undefined)?.totpSecret;
  return typeof secret === 'string'
    ? matchTimeStep(secret, code, at, accounts.policy.authenticator.windowSteps)
    : null;
}

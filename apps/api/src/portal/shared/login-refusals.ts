import { AccountErrors } from '@portal/domain';

/** One public answer for an unknown username, a wrong password, a locked and a deactivated account. */
export const INVALID_LOGIN = AccountErrors.invalidCredentials;
/** Refusals that would tell a locked or deactivated account from a wrong password: answered as INVALID_LOGIN. */
export const HIDDEN_REFUSALS: ReadonlySet<string> = new Set([
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DEACTIVATED',
]);

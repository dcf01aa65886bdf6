import type { Accounts } from '@portal/accounts';
import { keyedHash, opaqueToken } from '@portal/security';
import type { SessionGranted } from './verify-code/verify-code.command';

/** After `LoginSucceeded`: a fresh 256-bit token, stored only as its keyed hash. */
export function grantSession(
  accounts: Accounts,
  accountId: string,
  sessionId: string,
  mustChangePassword: boolean,
): SessionGranted {
  const token = opaqueToken();
  accounts.deps.sessions.create(keyedHash(accounts.deps.hmacKey, 'session', token), {
    sessionId,
    accountId,
    createdAt: Date.now(),
    mustChangePassword,
  });
  return { sessionToken: token, mustChangePassword };
}

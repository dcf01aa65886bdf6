/**
 * The token of the link that undoes a deactivation by wrong security answers:
 * `<accountId>.<32 random bytes, base64url>`. Only its keyed hash is recorded (on the
 * Deactivated event, to check it) and a copy sealed under the account's key (for the
 * email); the decider takes it once, before it expires, and only for the deactivation
 * it was made for.
 */
import { randomBytes } from 'node:crypto';
import type { Accounts } from '@portal/accounts';

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export async function newReactivationToken(
  accounts: Accounts,
  accountId: string,
): Promise<{ tokenHash: string; tokenSealed: string }> {
  const token = `${accountId}.${randomBytes(32).toString('base64url')}`;
  return {
    tokenHash: accounts.codeHash('reactivation', token),
    tokenSealed: await accounts.seal(accountId, token),
  };
}

/** The account a token names, or undefined when it is not shaped like one. */
export function accountOfReactivationToken(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

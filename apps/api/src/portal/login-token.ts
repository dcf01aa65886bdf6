import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { DomainError } from '@portal/domain';
import { keyedHash } from '@portal/security';
import { keyedUuid } from './keyed-uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a login or reset token looks like (for the OpenAPI document): `<accountId>.<secret>`. */
export const LOGIN_TOKEN_EXAMPLE =
  '6f1c2a9e-7b0d-4c1e-9a55-2f3b8c7d1e40.0b8f4a52-3c61-4d7e-a9f0-5e2d7c1b9a36';

export const LOGIN_NOT_STARTED = () => new DomainError('LOGIN_NOT_STARTED', 'Start again by signing in.');

/**
 * A login attempt (or a reset) between its steps is named by a token
 * `<accountId>.<secret>` held by the client. The events record only a keyed hash
 * of the secret (the `loginId`), never the secret: whoever can read the event
 * store or an audit export must not be able to finish someone's reset with it.
 */
export function newLoginToken(accounts: Accounts, accountId: string): { token: string; loginId: string } {
  const secret = randomUUID();
  return { token: `${accountId}.${secret}`, loginId: loginIdOf(accounts, secret) };
}

export function parseLoginToken(accounts: Accounts, token: string): { accountId: string; loginId: string } {
  const [accountId, secret] = token.split('.');
  if (!UUID.test(accountId ?? '') || !UUID.test(secret ?? '')) throw LOGIN_NOT_STARTED();
  return { accountId, loginId: loginIdOf(accounts, secret) };
}

/**
 * The account id a reset token names when nobody holds the username: derived from
 * the username under the HMAC key, so it is the same at every request, as a real
 * account's id is, and laid out as a random (v4) UUID like one. A fresh random id
 * instead would tell a username nobody holds from a real one by asking twice.
 */
export function decoyAccountId(accounts: Accounts, username: string): string {
  return keyedUuid(accounts.deps.hmacKey, 'reset', `decoy\0${accounts.lookupKey('username', username)}`);
}

function loginIdOf(accounts: Accounts, secret: string): string {
  return keyedHash(accounts.deps.hmacKey, 'reset', secret);
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { AccountErrors } from '@portal/domain';

/** What a login or reset token looks like (for the OpenAPI document): 82 base64url characters, opaque. */
export const LOGIN_TOKEN_EXAMPLE =
  'AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ';

export const LOGIN_NOT_STARTED = AccountErrors.loginNotStarted;

const VERSION = 1;
/**
 * What a token stands for, sealed in as GCM's additional data (so one kind never opens as
 * another): a login or reset attempt (`attempt`, the version byte alone, as tokens always
 * were), or a password reset whose person has shown their last name, date of birth and
 * username or member id (`identity-checked`, the security question's step): its next
 * steps take that token alone.
 */
export type LoginTokenKind = 'attempt' | 'identity-checked';
/** Every kind: where a token of any step is read (the rate limits' account key, a reset's last step). */
export const ANY_LOGIN_TOKEN: readonly LoginTokenKind[] = ['attempt', 'identity-checked'];
const AAD: Record<LoginTokenKind, Buffer> = {
  attempt: Buffer.of(VERSION),
  'identity-checked': Buffer.of(VERSION, 1),
};
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** version, IV, the sealed account id (16 bytes) and secret (16 bytes), the GCM tag. */
const TOKEN_BYTES = 1 + IV_BYTES + 32 + TAG_BYTES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A login attempt (or a reset) between its steps is named by an opaque token held by
 * the client: the account id and a random secret, sealed with AES-256-GCM under a key
 * derived from the server's HMAC key. Nothing in it says whose it is, and only the
 * server can make one that opens: so a token made up to name someone's account (to
 * spend that account's rate limit, or to guess at its codes) opens to nothing and is
 * counted for no account. The events record only a keyed hash of the secret (the
 * `loginId`), never the secret: whoever can read the event store or an audit export
 * must not be able to finish someone's reset with it.
 */
export function newLoginToken(
  accounts: Accounts,
  accountId: string,
  kind: LoginTokenKind = 'attempt',
): { token: string; loginId: string } {
  if (!UUID.test(accountId)) throw new Error('A login token names an account by its UUID');
  const secret = randomBytes(16);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', tokenKey(accounts), iv);
  cipher.setAAD(AAD[kind]);
  const sealed = Buffer.concat([
    cipher.update(Buffer.concat([Buffer.from(accountId.replace(/-/g, ''), 'hex'), secret])),
    cipher.final(),
  ]);
  const token = Buffer.concat([Buffer.of(VERSION), iv, sealed, cipher.getAuthTag()]).toString('base64url');
  return { token, loginId: loginIdOf(accounts, secret) };
}

/** The account and attempt a token of one of `kinds` names, or undefined when it is not one this service made. */
export function openLoginToken(
  accounts: Accounts,
  token: string,
  kinds: readonly LoginTokenKind[] = ['attempt'],
): { accountId: string; loginId: string } | undefined {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== TOKEN_BYTES || raw[0] !== VERSION) return undefined;
  // One spelling per token: the last character's unused bits are free in base64url, and
  // another spelling of the same bytes is not the token this service handed out.
  if (raw.toString('base64url') !== token) return undefined;
  let plain: Buffer | undefined;
  for (const kind of kinds) plain ??= unseal(accounts, raw, kind);
  if (!plain) return undefined;
  const hex = plain.subarray(0, 16).toString('hex');
  const accountId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { accountId, loginId: loginIdOf(accounts, plain.subarray(16)) };
}

/** The sealed account id and secret, or undefined when altered, made up, of another kind, or sealed under another key. */
function unseal(accounts: Accounts, raw: Buffer, kind: LoginTokenKind): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', tokenKey(accounts), raw.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(AAD[kind]);
  decipher.setAuthTag(raw.subarray(TOKEN_BYTES - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(raw.subarray(1 + IV_BYTES, TOKEN_BYTES - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}

export function parseLoginToken(
  accounts: Accounts,
  token: string,
  kinds: readonly LoginTokenKind[] = ['attempt'],
): { accountId: string; loginId: string } {
  const opened = openLoginToken(accounts, token, kinds);
  if (!opened) throw LOGIN_NOT_STARTED();
  return opened;
}

/**
 * The account id a reset token names when nobody holds the username: derived from
 * the username under the HMAC key, so it is the same at every request, as a real
 * account's id is (sealed in the token, it still keys the account's rate limit),
 * and laid out as a random (v4) UUID like one. A fresh random id instead would
 * give a username nobody holds a fresh limit at every request.
 */
export function decoyAccountId(accounts: Accounts, username: string): string {
  return accounts.keyedUuid('reset', `decoy\0${accounts.lookupKey('username', username)}`);
}

function loginIdOf(accounts: Accounts, secret: Buffer): string {
  return accounts.keyedHash('reset', secret.toString('hex'));
}

const keys = new WeakMap<Accounts, Buffer>();
/** The token key: its own purpose under the HMAC key, so it matches no stored hash. */
function tokenKey(accounts: Accounts): Buffer {
  let key = keys.get(accounts);
  if (!key) {
    key = Buffer.from(accounts.keyedHash('login-token', 'aes-256-gcm'), 'hex');
    keys.set(accounts, key);
  }
  return key;
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import type { PasskeyChallenge } from '@portal/domain';

/** How long a ceremony's options stay good: the browser's own timeout is the same. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** What a challenge is for: adding a passkey, the second step of a login, or a sign-in without a password. */
export type ChallengePurpose =
  { p: 'register'; a: string; s: string } | { p: 'login'; a: string; l: string } | { p: 'passwordless' };

type Sealed = ChallengePurpose & { e: number; n: string };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A WebAuthn challenge that carries what it is for: its purpose (and account, session or
 * login), its expiry and 16 random bytes, sealed with AES-256-GCM under a key of its own
 * derived from the server's HMAC key. Nothing is stored when options are asked for (no
 * unauthenticated request costs an append); the authenticator signs the challenge, and the
 * decider refuses one that expired or was answered before (its keyed hash is recorded with
 * the answer, in the account's stream, so a replay is refused on every instance).
 */
export function newChallenge(accounts: Accounts, purpose: ChallengePurpose, now: number): string {
  const sealed: Sealed = { ...purpose, e: now + CHALLENGE_TTL_MS, n: randomBytes(16).toString('base64url') };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key(accounts), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(sealed), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The challenge's purpose and expiry as the decider needs them, or undefined when this service did not make it. */
export function openChallenge(
  accounts: Accounts,
  token: string,
): { purpose: ChallengePurpose; challenge: PasskeyChallenge } | undefined {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{40,400}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.toString('base64url') !== token || raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(accounts), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]);
    const { e, n: _nonce, ...purpose } = JSON.parse(plain.toString('utf8')) as Sealed;
    void _nonce;
    return {
      purpose: purpose as ChallengePurpose,
      challenge: { hash: accounts.keyedHash('passkey', `challenge\0${token}`), expiresAt: e },
    };
  } catch {
    return undefined;
  }
}

/** The challenge bytes to hand to @simplewebauthn/server: its base64url is then the token itself. */
export const challengeBytes = (token: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.from(token, 'base64url'));

const keys = new WeakMap<Accounts, Buffer>();
function key(accounts: Accounts): Buffer {
  let k = keys.get(accounts);
  if (!k) {
    k = Buffer.from(accounts.keyedHash('passkey', 'challenge-key\0aes-256-gcm'), 'hex');
    keys.set(accounts, k);
  }
  return k;
}

/**
 * Codes and tokens from the CSPRNG, and their keyed hashes. A code is stored
 * only as HMAC-SHA256 under the server's HMAC_KEY with a purpose label, so a
 * leaked event store yields no usable code, and a hash made for one purpose
 * never matches another.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';

export type SecretPurpose =
  | 'otp'
  | 'activation'
  | 'recovery'
  | 'reactivation'
  | 'reset'
  | 'session'
  | 'username'
  | 'email'
  | 'member'
  | 'npi'
  | 'ratelimit'
  | 'search'
  /** The key that seals login and reset tokens (apps/api login-token.ts). */
  | 'login-token'
  /** The key that seals passkey challenges, and their keyed hashes (apps/api portal/passkeys). */
  | 'passkey';

export function keyedHash(key: Buffer, purpose: SecretPurpose, value: string): string {
  return createHmac('sha256', key).update(purpose).update('\0').update(value, 'utf8').digest('hex');
}

/**
 * An id laid out as a random (v4) UUID, derived from `input` under the HMAC key: the
 * same for the same input, and telling nothing of it without the key. For ids that
 * must be stable across requests or runs (a decoy reset's account, an imported
 * legacy account) yet look like any other account id.
 */
export function keyedUuid(hmacKey: Buffer, purpose: SecretPurpose, input: string): string {
  const h = keyedHash(hmacKey, purpose, input);
  const variant = '89ab'[parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `length` decimal digits, uniform, leading zeros kept. */
export function numericCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read off a letter and type. */
const LETTER_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** 12 characters in three groups (`7KQ4-MZ2P-X9RT` style): about 56 bits. */
export function activationCode(): string {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += LETTER_ALPHABET[randomInt(LETTER_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** What a person types: any case, with or without dashes and spaces. */
export function normaliseActivationCode(input: string): string {
  const raw = input.replace(/[\s-]/g, '').toUpperCase();
  return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}

export function recoveryCodes(count = 10, length = 10): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length }, () => LETTER_ALPHABET[randomInt(LETTER_ALPHABET.length)]).join(''),
  );
}

/** 256 random bits, base64url: a session or reset token. */
export function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A temporary password that meets "12+ with upper, lower and a digit". */
export function temporaryPassword(length = 16): string {
  const sets = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

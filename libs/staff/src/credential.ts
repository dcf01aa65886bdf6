/**
 * The staff credential: a bearer token `stf_<staffId>_<secret>`, where the secret
 * is 256 bits from the CSPRNG in base64url (43 characters). Only a keyed hash of
 * the secret is stored: HMAC-SHA256 under the service's HMAC_KEY, purpose
 * `staff-secret`, bound to the staff id. See the README for why a keyed hash and
 * not argon2.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isStaffId, STAFF_ID_PATTERN } from '@portal/domain';

export const STAFF_TOKEN_PREFIX = 'stf_';

/**
 * The same construction as `keyedHash` in libs/security (HMAC-SHA256 over
 * purpose, NUL, value), with the purpose `staff-secret`, which that lib's
 * `SecretPurpose` does not list yet.
 */
const PURPOSE = 'staff-secret';

/** Both the id and the secret may hold `_`; the secret's fixed length (43) makes the split unambiguous. */
const TOKEN = new RegExp(
  `^${STAFF_TOKEN_PREFIX}(${STAFF_ID_PATTERN.source.slice(1, -1)})_([A-Za-z0-9_-]{43})$`,
);

export function newStaffSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function staffToken(staffId: string, secret: string): string {
  return `${STAFF_TOKEN_PREFIX}${staffId}_${secret}`;
}

/** The staff id and secret a token carries, or undefined if it is not shaped like a staff token. */
export function parseStaffToken(token: string): { staffId: string; secret: string } | undefined {
  const m = TOKEN.exec(token);
  return m && isStaffId(m[1]) ? { staffId: m[1], secret: m[2] } : undefined;
}

/**
 * Keyed hash of a staff secret, in hex. Binding the staff id means a hash copied
 * into another staff member's stream does not let that id in with this secret.
 */
export function staffSecretHash(hmacKey: Buffer, staffId: string, secret: string): string {
  return createHmac('sha256', hmacKey)
    .update(PURPOSE)
    .update('\0')
    .update(`${staffId}\0${secret}`, 'utf8')
    .digest('hex');
}

/** Compares two hex hashes in constant time (for equal lengths, which hashes of one kind have). */
export function hashesMatch(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

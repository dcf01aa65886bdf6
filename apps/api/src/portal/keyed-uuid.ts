import { keyedHash, type SecretPurpose } from '@portal/security';

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

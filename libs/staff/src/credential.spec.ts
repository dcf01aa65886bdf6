import { createHmac } from 'node:crypto';
import { hashesMatch, newStaffSecret, parseStaffToken, staffSecretHash, staffToken } from './credential';

const key = Buffer.alloc(32, 7);

describe('staff credential', () => {
  it('makes 256-bit secrets in base64url, a fresh one each time', () => {
    const a = newStaffSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newStaffSecret()).not.toBe(a);
  });

  it('round-trips a token, even when the id and the secret both hold "_"', () => {
    const secret = `_${'a'.repeat(20)}_${'b'.repeat(20)}_`;
    for (const staffId of ['support.lead-2', 'j_doe', 'j__', 'a_b_c_d'])
      expect(parseStaffToken(staffToken(staffId, secret))).toEqual({ staffId, secret });
  });

  it('refuses anything not shaped like a staff token', () => {
    // Not starting with "_": `stf_jdoe_${secret}x` would then be a well-formed token of `jdoe_` (ids
    // may end with "_"), and the case below would fail one run in 64.
    const secret = `A${newStaffSecret().slice(1)}`;
    for (const token of [
      secret,
      `stf_jdoe${secret}`,
      `stf_JDoe_${secret}`,
      `stf_jdoe_${secret}x`,
      `stf_jdoe_${secret.slice(1)}`,
      `stf_refusals_${secret}`,
      `Bearer stf_jdoe_${secret}`,
      `stf_jdoe_${secret} `,
    ])
      expect(parseStaffToken(token)).toBeUndefined();
  });

  it('hashes with HMAC-SHA256 under the key, purpose "staff-secret", bound to the staff id', () => {
    const h = staffSecretHash(key, 'jdoe', 's3cret');
    expect(h).toBe(createHmac('sha256', key).update('staff-secret\0jdoe\0s3cret').digest('hex'));
    expect(staffSecretHash(key, 'jdoe2', 's3cret')).not.toBe(h);
    expect(staffSecretHash(Buffer.alloc(32, 8), 'jdoe', 's3cret')).not.toBe(h);
  });

  it('compares hashes: equal matches, different or empty does not', () => {
    const h = staffSecretHash(key, 'jdoe', 'x');
    expect(hashesMatch(h, h)).toBe(true);
    expect(hashesMatch(h, staffSecretHash(key, 'jdoe', 'y'))).toBe(false);
    expect(hashesMatch(h, h.slice(2))).toBe(false);
    expect(hashesMatch('', '')).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import {
  activationCode,
  keyedHash,
  normaliseActivationCode,
  numericCode,
  opaqueToken,
  recoveryCodes,
  temporaryPassword,
} from './secrets';
import { Semaphore } from './semaphore';

describe('secrets', () => {
  it('6-digit codes keep leading zeros and use every digit', () => {
    const codes = Array.from({ length: 2000 }, () => numericCode());
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes.join('')).size).toBe(10);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });

  it('activation codes are grouped, unambiguous, and accepted however they are typed', () => {
    const code = activationCode();
    expect(code).toMatch(
      /^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/,
    );
    expect(normaliseActivationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });

  it('keyed hashes depend on the key and the purpose', () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    expect(keyedHash(k1, 'otp', '123456')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(k1, 'otp', '123456')).toBe(keyedHash(k1, 'otp', '123456'));
    expect(keyedHash(k1, 'otp', '123456')).not.toBe(keyedHash(k2, 'otp', '123456'));
    expect(keyedHash(k1, 'otp', '123456')).not.toBe(keyedHash(k1, 'reset', '123456'));
  });

  it('tokens carry 256 bits; recovery codes are distinct', () => {
    expect(Buffer.from(opaqueToken(), 'base64url')).toHaveLength(32);
    expect(new Set(recoveryCodes()).size).toBe(10);
  });

  it('temporary passwords meet 12+ with upper, lower and a digit', () => {
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toHaveLength(16);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
    }
  });
});

describe('Semaphore', () => {
  it('never runs more than its limit at once, and runs everything', async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setImmediate(r));
          running--;
          return i;
        }),
      ),
    );
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(2);
  });
});

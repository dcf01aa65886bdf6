import argon2 from 'argon2';
import { DEFAULT_ARGON2, PasswordHasher, SecretTooLongError } from './password-hasher';

describe('PasswordHasher (argon2id)', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at 19 MiB, 2 passes, 1 lane, and verifies case-sensitively', async () => {
    const hash = await hasher.hash('Correct7Horse9Battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hasher.verify(hash, 'Correct7Horse9Battery')).toBe(true);
    expect(await hasher.verify(hash, 'correct7horse9battery')).toBe(false);
  });

  it('answers false, never throws, for a malformed stored hash', async () => {
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
  });

  it('refuses a secret over 1024 bytes before hashing', async () => {
    expect(() => hasher.hash('x'.repeat(1025))).toThrow(SecretTooLongError);
    expect(() => hasher.verify('$argon2id$whatever', 'x'.repeat(1_000_000))).toThrow(SecretTooLongError);
  });

  it('the dummy verify is always false, even for a huge input', async () => {
    expect(await hasher.verifyAgainstDummy('dummy password for timing')).toBe(false);
    expect(await hasher.verifyAgainstDummy('x'.repeat(1_000_000))).toBe(false);
  });

  it('a checker runs argon2 once per stored hash it is asked about, and is false without one', async () => {
    const stored = await hasher.hash('right one');
    const other = await hasher.hash('another one');
    const verify = jest.spyOn(hasher, 'verify');
    try {
      const check = hasher.checker('right one');
      expect(await Promise.all([check(stored), check(stored)])).toEqual([true, true]);
      expect(await check(stored)).toBe(true);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(await check(other)).toBe(false);
      expect(verify).toHaveBeenCalledTimes(2);
      expect(await check(undefined)).toBe(false);
      expect(verify).toHaveBeenCalledTimes(3);
      // A new checker (a new request) checks again.
      expect(await hasher.checker('right one')(stored)).toBe(true);
      expect(verify).toHaveBeenCalledTimes(4);
    } finally {
      verify.mockRestore();
    }
  });

  it('asks for a rehash of weaker hashes only', async () => {
    const weak = await argon2.hash('pw', {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
      parallelism: 1,
    });
    expect(hasher.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('pw'))).toBe(false);
    expect(hasher.needsRehash('$2b$10$bcrypt-from-elsewhere')).toBe(true);
    const stronger = await argon2.hash('pw', {
      type: argon2.argon2id,
      memoryCost: 65_536,
      timeCost: 3,
      parallelism: 1,
    });
    expect(hasher.needsRehash(stronger)).toBe(false);
    expect(hasher.needsRehash(await argon2.hash('pw', { type: argon2.argon2i, ...DEFAULT_ARGON2 }))).toBe(
      true,
    );
    expect(hasher.needsRehash(weak.replace('m=8192', 'm=19456').replace('t=1', 't=2'))).toBe(false);
    expect(hasher.needsRehash(weak.replace('t=1', 'x=1'))).toBe(true);
    expect(DEFAULT_ARGON2).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });
});

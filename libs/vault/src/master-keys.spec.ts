import { createHash, randomBytes } from 'node:crypto';
import {
  DataKeyUnwrapError,
  MasterKeyConfigError,
  MasterKeyRing,
  MasterKeyUnavailableError,
  masterKeyId,
} from './master-keys';

describe('MasterKeyRing', () => {
  const a = randomBytes(32);
  const b = randomBytes(32);

  it('names a key by the first 8 hex digits of its SHA-256', () => {
    expect(masterKeyId(a)).toBe(createHash('sha256').update(a).digest('hex').slice(0, 8));
    expect(new MasterKeyRing(a).current.id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('wraps under the current key and unwraps under any configured one, bound to the account', () => {
    const old = new MasterKeyRing(a);
    const rotated = new MasterKeyRing(b, [a]);
    const dataKey = randomBytes(32);
    const wrapped = old.wrap('acc-1', dataKey);
    expect(wrapped.masterKeyId).toBe(masterKeyId(a));
    expect(rotated.unwrap('acc-1', wrapped)).toEqual(dataKey);
    expect(rotated.wrap('acc-1', dataKey).masterKeyId).toBe(masterKeyId(b));
    expect(() => rotated.unwrap('acc-2', wrapped)).toThrow(DataKeyUnwrapError);
    expect(() => new MasterKeyRing(b).unwrap('acc-1', wrapped)).toThrow(MasterKeyUnavailableError);
  });

  it('reports an altered wrapped key with a stable code, quoting no key material', () => {
    const ring = new MasterKeyRing(a);
    const wrapped = ring.wrap('acc-1', randomBytes(32));
    wrapped.wrapped[20] ^= 1;
    let error: unknown;
    try {
      ring.unwrap('acc-1', wrapped);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'DATA_KEY_UNWRAP_FAILED', masterKeyId: masterKeyId(a) });
    expect((error as Error).message).not.toContain(wrapped.wrapped.toString('hex').slice(0, 16));
  });

  it('identifies which configured key opens a key stored without an id', () => {
    const ring = new MasterKeyRing(b, [a]);
    const wrapped = new MasterKeyRing(a).wrap('acc-1', randomBytes(32)).wrapped;
    expect(ring.identify('acc-1', wrapped)).toBe(masterKeyId(a));
    expect(new MasterKeyRing(b).identify('acc-1', wrapped)).toBeUndefined();
  });

  it('ignores the current key listed again as a previous one, and refuses keys of the wrong length naming the setting', () => {
    expect(new MasterKeyRing(a, [a, b]).previous.map((k) => k.id)).toEqual([masterKeyId(b)]);
    expect(() => new MasterKeyRing(Buffer.alloc(16))).toThrow(/^MASTER_KEY must be 32 bytes/);
    expect(() => new MasterKeyRing(a, [b, Buffer.alloc(31)])).toThrow(
      /^MASTER_KEYS_PREVIOUS entry 2 must be 32 bytes/,
    );
  });

  it('refuses two different keys that share an id', () => {
    // Found once by a birthday search over sha256(`key ${i}`): both ids are 1dd1004c.
    const key = (i: number) => createHash('sha256').update(`key ${i}`).digest();
    const pair = [key(74824), key(124877)];
    expect(masterKeyId(pair[0])).toBe(masterKeyId(pair[1]));
    let error: unknown;
    try {
      new MasterKeyRing(a, [pair[0], pair[1]]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MasterKeyConfigError);
    expect((error as Error).message).toMatch(/^MASTER_KEYS_PREVIOUS entry 2 has the same key id/);
  });
});

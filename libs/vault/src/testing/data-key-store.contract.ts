/**
 * The one contract every DataKeyStore adapter must pass: one key per account even
 * between racing processes, erasure for good, and master-key rotation (old keys
 * open, rewrap moves them, an unknown master key is an error and never a new key).
 */
import { randomBytes } from 'node:crypto';
import { type DataKeyStore, KeyErasedError, type RewrapProgress } from '../data-key-store';
import { MasterKeyRing, MasterKeyUnavailableError, masterKeyId } from '../master-keys';

export interface DataKeyStoreFixture {
  /** Opens another store (another process) over the same storage with these master keys. */
  open(keys: MasterKeyRing): Promise<DataKeyStore>;
  /** Closes every store it opened and removes what it created. */
  cleanup(): Promise<void>;
}

const hex = (b: Buffer | 'erased' | undefined) => (Buffer.isBuffer(b) ? b.toString('hex') : b);

export function describeDataKeyStoreContract(
  name: string,
  makeFixture: () => Promise<DataKeyStoreFixture>,
): void {
  describe(`DataKeyStore contract: ${name}`, () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    let fixture: DataKeyStoreFixture;

    beforeEach(async () => {
      fixture = await makeFixture();
    });
    afterEach(() => fixture.cleanup());

    it('gives one key per account, the same one to creators racing in two processes, kept across a reopen', async () => {
      const a = await fixture.open(new MasterKeyRing(oldKey));
      const b = await fixture.open(new MasterKeyRing(oldKey));
      const keys = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).getOrCreate('acc-1')),
      );
      expect(new Set(keys.map(hex)).size).toBe(1);
      expect(keys[0]).toHaveLength(32);
      expect((await a.getOrCreate('acc-2')).equals(keys[0])).toBe(false);
      const c = await fixture.open(new MasterKeyRing(oldKey));
      expect(hex(await c.get('acc-1'))).toBe(hex(keys[0]));
    });

    it('answers undefined for an account without a key, and get never makes one', async () => {
      const store = await fixture.open(new MasterKeyRing(oldKey));
      expect(await store.get('acc-none')).toBeUndefined();
      expect(await store.get('acc-none')).toBeUndefined();
      expect((await store.status()).byMasterKey).toEqual({});
    });

    it('erases for good: a tombstone, idempotent, seen by another process, even for an account that never had a key', async () => {
      const a = await fixture.open(new MasterKeyRing(oldKey));
      const b = await fixture.open(new MasterKeyRing(oldKey));
      await a.getOrCreate('acc-1');
      await a.erase('acc-1');
      await a.erase('acc-1');
      await b.erase('acc-never');
      for (const store of [a, b]) {
        expect(await store.get('acc-1')).toBe('erased');
        expect(await store.get('acc-never')).toBe('erased');
        await expect(store.getOrCreate('acc-1')).rejects.toBeInstanceOf(KeyErasedError);
        await expect(store.getOrCreate('acc-never')).rejects.toMatchObject({ code: 'PERSONAL_DATA_ERASED' });
      }
      expect(await a.status()).toMatchObject({ byMasterKey: {}, erased: 2 });
    });

    it('refuses a key wrapped under a master key it was not given, naming the setting, and never makes a new one', async () => {
      const before = await (await fixture.open(new MasterKeyRing(oldKey))).getOrCreate('acc-1');
      const stranger = await fixture.open(new MasterKeyRing(newKey));
      for (const attempt of [stranger.get('acc-1'), stranger.getOrCreate('acc-1')]) {
        const error = await attempt.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MasterKeyUnavailableError);
        expect(error).toMatchObject({ code: 'MASTER_KEY_UNAVAILABLE', masterKeyId: masterKeyId(oldKey) });
        expect((error as Error).message).toContain('MASTER_KEYS_PREVIOUS');
      }
      await expect(stranger.rewrap()).rejects.toBeInstanceOf(MasterKeyUnavailableError);
      // A wrong previous key is no better than none.
      const wrong = await fixture.open(new MasterKeyRing(newKey, [randomBytes(32)]));
      await expect(wrong.getOrCreate('acc-1')).rejects.toMatchObject({ code: 'MASTER_KEY_UNAVAILABLE' });
      const owner = await fixture.open(new MasterKeyRing(oldKey));
      expect(hex(await owner.get('acc-1'))).toBe(hex(before));
    });

    it('after a rotation opens keys wrapped under the previous master key, and wraps new ones under the current', async () => {
      const old = await fixture.open(new MasterKeyRing(oldKey));
      const k1 = await old.getOrCreate('acc-1');
      const rotated = await fixture.open(new MasterKeyRing(newKey, [oldKey]));
      expect(hex(await rotated.get('acc-1'))).toBe(hex(k1));
      expect(hex(await rotated.getOrCreate('acc-1'))).toBe(hex(k1));
      const k2 = await rotated.getOrCreate('acc-2');
      expect(await rotated.status()).toEqual({
        current: masterKeyId(newKey),
        byMasterKey: { [masterKeyId(oldKey)]: 1, [masterKeyId(newKey)]: 1 },
        unrecorded: 0,
        erased: 0,
      });
      // A process still on the old key alone cannot open the new key: an error, not a fresh key.
      await expect(old.get('acc-2')).rejects.toBeInstanceOf(MasterKeyUnavailableError);
      expect(hex(await rotated.get('acc-2'))).toBe(hex(k2));
    });

    it('rewrap moves every live key under the current master key, page by page; then the new key alone opens them', async () => {
      const old = await fixture.open(new MasterKeyRing(oldKey));
      const ids = ['acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5'];
      const keys = await Promise.all(ids.map((id) => old.getOrCreate(id)));
      await old.erase('acc-3');
      const rotated = await fixture.open(new MasterKeyRing(newKey, [oldKey]));
      const progress: RewrapProgress[] = [];
      const result = await rotated.rewrap({ batchSize: 2, onProgress: (p) => void progress.push(p) });
      expect(result).toEqual({ rewrapped: 4, skipped: 0, total: 4 });
      expect(progress.map((p) => p.rewrapped)).toEqual([2, 4, 4]);
      expect(progress.every((p) => p.total === 4)).toBe(true);
      expect(await rotated.status()).toEqual({
        current: masterKeyId(newKey),
        byMasterKey: { [masterKeyId(newKey)]: 4 },
        unrecorded: 0,
        erased: 1,
      });
      expect(await rotated.rewrap()).toEqual({ rewrapped: 0, skipped: 0, total: 0 });
      const only = await fixture.open(new MasterKeyRing(newKey));
      for (const [i, id] of ids.entries())
        expect(hex(await only.get(id))).toBe(id === 'acc-3' ? 'erased' : hex(keys[i]));
    });

    it('an interrupted rewrap resumes where it stopped', async () => {
      const old = await fixture.open(new MasterKeyRing(oldKey));
      const ids = ['acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5'];
      const keys = await Promise.all(ids.map((id) => old.getOrCreate(id)));
      const rotated = await fixture.open(new MasterKeyRing(newKey, [oldKey]));
      await expect(
        rotated.rewrap({
          batchSize: 2,
          onProgress: () => {
            throw new Error('operator pressed Ctrl-C');
          },
        }),
      ).rejects.toThrow('operator pressed Ctrl-C');
      expect((await rotated.status()).byMasterKey).toEqual({
        [masterKeyId(oldKey)]: 3,
        [masterKeyId(newKey)]: 2,
      });
      expect(await rotated.rewrap({ batchSize: 2 })).toEqual({ rewrapped: 3, skipped: 0, total: 3 });
      const only = await fixture.open(new MasterKeyRing(newKey));
      for (const [i, id] of ids.entries()) expect(hex(await only.get(id))).toBe(hex(keys[i]));
    });

    it('rewrap runs beside the service: a key erased meanwhile stays erased, a key made meanwhile is already current', async () => {
      const old = await fixture.open(new MasterKeyRing(oldKey));
      const ids = ['acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5'];
      await Promise.all(ids.map((id) => old.getOrCreate(id)));
      const service = await fixture.open(new MasterKeyRing(newKey, [oldKey]));
      const rewrapper = await fixture.open(new MasterKeyRing(newKey, [oldKey]));
      let fresh: Buffer | undefined;
      const result = await rewrapper.rewrap({
        batchSize: 2,
        onProgress: async (p) => {
          if (p.rewrapped !== 2) return;
          await service.erase('acc-1');
          await service.erase('acc-4');
          fresh = await service.getOrCreate('acc-6');
        },
      });
      // acc-4 was erased before its page was read, so it is not counted; acc-6 never needed it.
      expect(result).toEqual({ rewrapped: 4, skipped: 0, total: 5 });
      expect(await service.get('acc-1')).toBe('erased');
      expect(await service.get('acc-4')).toBe('erased');
      expect(await rewrapper.status()).toMatchObject({
        byMasterKey: { [masterKeyId(newKey)]: 4 },
        erased: 2,
      });
      const only = await fixture.open(new MasterKeyRing(newKey));
      expect(hex(await only.get('acc-6'))).toBe(hex(fresh));
      await expect(only.getOrCreate('acc-4')).rejects.toBeInstanceOf(KeyErasedError);
    });

    it('refuses a batch size that is not a positive integer', async () => {
      const store = await fixture.open(new MasterKeyRing(oldKey));
      await expect(store.rewrap({ batchSize: 0 })).rejects.toThrow(/batchSize must be a positive integer/);
    });

    it('answers ping', async () => {
      await expect((await fixture.open(new MasterKeyRing(oldKey))).ping()).resolves.toBeUndefined();
    });
  });
}

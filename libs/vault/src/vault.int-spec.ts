import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { KeyErasedError } from './data-key-store';
import { PersonalDataCodec } from './personal-data-codec';
import { SqliteDataKeyStore } from './sqlite-data-key-store';
import { ERASED, Vault } from './vault';

describe('personal-data vault on SQLite', () => {
  let dir: string;
  let file: string;
  const master = randomBytes(32);
  let store: SqliteDataKeyStore;
  let vault: Vault;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vault-'));
    file = join(dir, 'keys.sqlite');
    store = new SqliteDataKeyStore(file, master);
    vault = new Vault(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives one key per account, the same to racing creators, kept across a restart', async () => {
    const keys = await Promise.all(Array.from({ length: 10 }, () => store.getOrCreate('acc-1')));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    expect((await store.getOrCreate('acc-2')).equals(keys[0])).toBe(false);
    await store.close();
    store = new SqliteDataKeyStore(file, master);
    expect((await store.get('acc-1')) as Buffer).toEqual(keys[0]);
  });

  it('stores keys wrapped: the raw key is not in the file, and another master key cannot unwrap it', async () => {
    const key = await store.getOrCreate('acc-1');
    await store.close();
    expect(readFileSync(file).includes(key)).toBe(false);
    store = new SqliteDataKeyStore(file, randomBytes(32));
    await expect(store.get('acc-1')).rejects.toThrow();
  });

  it('seals and opens any JSON value, differently each time, bound to its account', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const a = await vault.seal('acc-1', value);
        const b = await vault.seal('acc-1', value);
        expect(a).not.toBe(b);
        expect(await vault.open('acc-1', a)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 50 },
    );
    const sealed = await vault.seal('acc-1', 'Pat');
    await vault.seal('acc-2', 'x');
    await expect(vault.open('acc-2', sealed)).rejects.toThrow();
  });

  it('erasing the key makes every sealed value read as erased, for good', async () => {
    const sealed = await vault.seal('acc-1', { lastName: 'Example' });
    await vault.erase('acc-1');
    expect(await vault.open('acc-1', sealed)).toBe(ERASED);
    expect(await store.get('acc-1')).toBe('erased');
    await expect(store.getOrCreate('acc-1')).rejects.toBeInstanceOf(KeyErasedError);
    await expect(vault.seal('acc-1', 'again')).rejects.toBeInstanceOf(KeyErasedError);
    // A second vault (another process) with its own cache sees the erasure too.
    expect(await new Vault(store).open('acc-1', sealed)).toBe(ERASED);
  });

  it('the codec encrypts exactly the listed fields and opens them again', async () => {
    const codec = new PersonalDataCodec(vault, {
      Registered: ['profile.lastName', 'profile.email', 'profile.phone'],
    });
    const data = {
      kind: 'member',
      profile: { lastName: 'Example', email: 'pat@example.com', firstName: 'Pat' },
    };
    const stored = await codec.encode('acc-1', 'Registered', data);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('Example');
    expect(text).not.toContain('pat@example.com');
    expect(stored).toMatchObject({ kind: 'member', profile: { firstName: 'Pat' } });
    expect(stored).not.toHaveProperty('profile.phone');
    expect(await codec.decode('acc-1', 'Registered', stored)).toEqual(data);
    expect(await codec.encode('acc-1', 'Unlisted', data)).toEqual(data);
    await vault.erase('acc-1');
    expect(await codec.decode('acc-1', 'Registered', stored)).toEqual({
      kind: 'member',
      profile: { lastName: ERASED, email: ERASED, firstName: 'Pat' },
    });
  });
});

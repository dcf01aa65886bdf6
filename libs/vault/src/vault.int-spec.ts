import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { KeyErasedError } from './data-key-store';
import { encrypt } from './key-wrap';
import { MasterKeyRing, MasterKeyUnavailableError, masterKeyId } from './master-keys';
import { ENVELOPE_FIELD, IN_ENVELOPE, PersonalDataCodec } from './personal-data-codec';
import { SqliteDataKeyStore } from './sqlite-data-key-store';
import { CountingKeyStore } from './testing/counting-key-store';
import { describeDataKeyStoreContract } from './testing/data-key-store.contract';
import { ERASED, Vault } from './vault';

describeDataKeyStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vault-contract-'));
  const opened: SqliteDataKeyStore[] = [];
  return {
    open: async (keys) => {
      const store = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), keys);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteDataKeyStore with a key file written before master-key ids', () => {
  let dir: string;
  let file: string;
  const legacyMaster = randomBytes(32);
  const legacyKeys = new Map<string, Buffer>();
  const opened: SqliteDataKeyStore[] = [];
  const open = (keys: MasterKeyRing) => {
    const store = new SqliteDataKeyStore(file, keys);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vault-legacy-'));
    file = join(dir, 'keys.sqlite');
    // The schema and rows exactly as the store wrote them before rotation existed.
    const db = new Database(file);
    db.exec(`CREATE TABLE data_keys (account_id TEXT PRIMARY KEY, wrapped BLOB, erased_at TEXT) STRICT`);
    const insert = db.prepare('INSERT INTO data_keys (account_id, wrapped, erased_at) VALUES (?, ?, ?)');
    for (const id of ['acc-1', 'acc-2', 'acc-3']) {
      const key = randomBytes(32);
      legacyKeys.set(id, key);
      insert.run(id, encrypt(legacyMaster, key, id), null);
    }
    insert.run('acc-gone', null, '2025-01-01T00:00:00.000Z');
    db.close();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records on open which master key wrapped each key, and keeps working', async () => {
    const store = open(new MasterKeyRing(legacyMaster));
    expect(await store.status()).toEqual({
      current: masterKeyId(legacyMaster),
      byMasterKey: { [masterKeyId(legacyMaster)]: 3 },
      unrecorded: 0,
      erased: 1,
    });
    for (const [id, key] of legacyKeys) expect((await store.get(id)) as Buffer).toEqual(key);
    expect(await store.get('acc-gone')).toBe('erased');
    await expect(store.getOrCreate('acc-gone')).rejects.toBeInstanceOf(KeyErasedError);
    // A second process opening the migrated file changes nothing.
    expect(await open(new MasterKeyRing(legacyMaster)).status()).toEqual(await store.status());
  });

  it('migrates under a rotation already configured, then rewraps to the new key alone', async () => {
    const next = randomBytes(32);
    const rotated = open(new MasterKeyRing(next, [legacyMaster]));
    expect((await rotated.status()).byMasterKey).toEqual({ [masterKeyId(legacyMaster)]: 3 });
    expect(await rotated.rewrap()).toEqual({ rewrapped: 3, skipped: 0, total: 3 });
    const only = open(new MasterKeyRing(next));
    for (const [id, key] of legacyKeys) expect((await only.get(id)) as Buffer).toEqual(key);
  });

  it('leaves keys no configured master key opens unrecorded, refuses them naming the setting, and records them once the key is given', async () => {
    const stranger = open(new MasterKeyRing(randomBytes(32)));
    expect(await stranger.status()).toMatchObject({ byMasterKey: {}, unrecorded: 3, erased: 1 });
    const error = await stranger.getOrCreate('acc-1').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MasterKeyUnavailableError);
    expect(error).toMatchObject({ masterKeyId: undefined });
    expect((error as Error).message).toMatch(/MASTER_KEY .*MASTER_KEYS_PREVIOUS/);
    await expect(stranger.rewrap()).rejects.toBeInstanceOf(MasterKeyUnavailableError);
    await stranger.close();
    const fixed = open(new MasterKeyRing(randomBytes(32), [legacyMaster]));
    expect(await fixed.status()).toMatchObject({
      byMasterKey: { [masterKeyId(legacyMaster)]: 3 },
      unrecorded: 0,
    });
    expect((await fixed.get('acc-2')) as Buffer).toEqual(legacyKeys.get('acc-2'));
  });
});

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
    await expect(store.get('acc-1')).rejects.toBeInstanceOf(MasterKeyUnavailableError);
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

  it("another process's erasure reaches a vault that had the key in memory once its cache age is over", async () => {
    let now = 1_000_000;
    const other = new Vault(store, 10, { maxAgeMs: 60_000, now: () => now });
    const sealed = await vault.seal('acc-1', 'Pat');
    expect(await other.open('acc-1', sealed)).toBe('Pat'); // now in other's memory
    await vault.erase('acc-1');
    now += 60_001;
    expect(await other.open('acc-1', sealed)).toBe(ERASED);
    await expect(other.seal('acc-1', 'again')).rejects.toBeInstanceOf(KeyErasedError);
  });

  it('the codec encrypts exactly the listed fields, together, and opens them again', async () => {
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
    expect(stored).toEqual({
      kind: 'member',
      profile: { firstName: 'Pat', lastName: IN_ENVELOPE, email: IN_ENVELOPE },
      [ENVELOPE_FIELD]: expect.any(String),
    });
    expect(await vault.open('acc-1', stored[ENVELOPE_FIELD] as string)).toEqual({
      'profile.lastName': 'Example',
      'profile.email': 'pat@example.com',
    });
    expect(await codec.decode('acc-1', 'Registered', stored)).toEqual(data);
    expect(await codec.encode('acc-1', 'Unlisted', data)).toEqual(data);
    await vault.erase('acc-1');
    expect(await codec.decode('acc-1', 'Registered', stored)).toEqual({
      kind: 'member',
      profile: { lastName: ERASED, email: ERASED, firstName: 'Pat' },
    });
  });

  it("the codec's decode of an envelope gives a copy of any stored data: nothing shared, every own field kept", async () => {
    const codec = new PersonalDataCodec(vault, { Registered: ['profile.lastName'] });
    const stored = await codec.encode('acc-1', 'Registered', { profile: { lastName: 'Example' } });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (extra) => {
        // As the event store gives it: parsed JSON, where `__proto__` is an own field like any other.
        const data = JSON.parse(JSON.stringify({ ...extra, ...stored })) as Record<string, unknown>;
        const before = JSON.stringify(data);
        const opened = await codec.decode('acc-1', 'Registered', data);
        const { [ENVELOPE_FIELD]: _, ...rest } = data;
        expect(JSON.stringify(opened)).toBe(JSON.stringify({ ...rest, profile: { lastName: 'Example' } }));
        // The decoded event may be changed by its reader without changing what was read.
        const objects = (v: unknown): unknown[] =>
          v !== null && typeof v === 'object' ? [v, ...Object.values(v).flatMap(objects)] : [];
        const shared = new Set(objects(data));
        expect(objects(opened).filter((o) => shared.has(o))).toEqual([]);
        expect(JSON.stringify(data)).toBe(before);
      }),
      { numRuns: 200 },
    );
    const withProto = JSON.parse(
      `{"__proto__": {"x": 1}, "sealed": ${JSON.stringify(stored[ENVELOPE_FIELD])}, "profile": {"lastName": "${IN_ENVELOPE}"}}`,
    ) as Record<string, unknown>;
    const opened = await codec.decode('acc-1', 'Registered', withProto);
    expect(Object.getPrototypeOf(opened)).toBe(Object.prototype);
    expect(Object.keys(opened)).toEqual(['__proto__', 'profile']);
  });

  it('the codec without envelopes seals each field alone, the format events were first stored in', async () => {
    const oneByOne = new PersonalDataCodec(
      vault,
      { Registered: ['profile.lastName', 'profile.email'] },
      { envelope: false },
    );
    const data = {
      kind: 'member',
      profile: { lastName: 'Example', email: 'pat@example.com', firstName: 'Pat' },
    };
    const stored = await oneByOne.encode('acc-1', 'Registered', data);
    expect(stored).not.toHaveProperty(ENVELOPE_FIELD);
    expect(Vault.isSealed((stored.profile as Record<string, unknown>).lastName)).toBe(true);
    const reader = new PersonalDataCodec(vault, { Registered: ['profile.lastName', 'profile.email'] });
    expect(await reader.decode('acc-1', 'Registered', stored)).toEqual(data);
    await vault.erase('acc-1');
    expect(await reader.decode('acc-1', 'Registered', stored)).toEqual({
      kind: 'member',
      profile: { lastName: ERASED, email: ERASED, firstName: 'Pat' },
    });
  });
});

describe('the vault key cache', () => {
  let dir: string;
  let sqlite: SqliteDataKeyStore;
  let keys: CountingKeyStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vault-cache-'));
    sqlite = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
    keys = new CountingKeyStore(sqlite);
  });
  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cached = (vault: Vault, accountId: string) =>
    (vault['cache'] as Map<string, { key: Buffer }>).get(accountId)?.key;

  it('keeps each unwrapped key in a buffer of its own, not a view pinning a pooled slab', async () => {
    const vault = new Vault(keys);
    await vault.seal('acc-1', 'Pat');
    const sealed = await vault.seal('acc-2', 'Sam');
    await new Vault(keys).open('acc-2', sealed); // a read (get), not only a creation
    for (const id of ['acc-1', 'acc-2']) {
      const key = cached(vault, id) as Buffer;
      expect(key.length).toBe(32);
      expect(key.buffer.byteLength).toBe(32);
    }
    const reader = new Vault(keys);
    await reader.open('acc-2', sealed);
    expect((cached(reader, 'acc-2') as Buffer).buffer.byteLength).toBe(32);
  });

  it('keeps the master keys in buffers of their own', () => {
    // Decoded from base64 as the configuration does: a view into the pool.
    const current = Buffer.from(randomBytes(32).toString('base64'), 'base64');
    const previous = Buffer.from(randomBytes(32).toString('base64'), 'base64');
    expect(current.buffer.byteLength).toBeGreaterThan(32);
    const ring = new MasterKeyRing(current, [previous]);
    expect(ring.current.key.buffer.byteLength).toBe(32);
    expect(ring.previous[0].key.buffer.byteLength).toBe(32);
    expect(ring.current.key.equals(current)).toBe(true);
  });

  it('unwraps an account key once for concurrent and repeated uses within its cache age', async () => {
    let now = 1_000_000;
    const vault = new Vault(keys, 10, { maxAgeMs: 60_000, now: () => now });
    const sealed = await new Vault(keys).seal('acc-1', 'Pat');
    keys.reset();
    const opened = await Promise.all(Array.from({ length: 20 }, () => vault.open('acc-1', sealed)));
    expect(opened).toEqual(Array(20).fill('Pat'));
    await vault.seal('acc-1', 'again');
    await vault.open('acc-1', sealed);
    expect(keys.count('acc-1')).toBe(1);
    now += 60_001;
    await Promise.all([vault.open('acc-1', sealed), vault.seal('acc-1', 'x')]);
    expect(keys.count('acc-1')).toBe(2);
  });

  it('a seal waiting on a read that found no key yet makes the key', async () => {
    const vault = new Vault(keys);
    const [opened, sealed] = await Promise.all([
      vault.open('acc-new', 'v1.AAAA'),
      vault.seal('acc-new', 'Pat'),
    ]);
    expect(opened).toBe(ERASED); // no key yet: nothing sealed for it can be opened
    expect(await vault.open('acc-new', sealed)).toBe('Pat');
  });

  it('an unwrap in flight when this process erases the key does not put it back in memory', async () => {
    const writer = new Vault(keys);
    const sealed = await writer.seal('acc-1', 'Pat');
    const vault = new Vault(keys);
    const opening = vault.open('acc-1', sealed);
    await vault.erase('acc-1');
    await opening.catch(() => undefined);
    expect(cached(vault, 'acc-1')).toBeUndefined();
    expect(await vault.open('acc-1', sealed)).toBe(ERASED);
  });
});

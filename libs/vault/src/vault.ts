/**
 * Seals values with the account's own key, so that erasing the key (crypto-
 * shredding) makes every copy unreadable, in every event ever written, while
 * the streams stay intact for auditors.
 */
import { type DataKeyStore, KeyErasedError } from './data-key-store';
import { decrypt, encrypt, ownCopy } from './key-wrap';

/** What `open` returns for a value whose key was erased. */
export const ERASED = '[erased]' as const;
const PREFIX = 'v1.';

/**
 * How long an unwrapped key is used from memory before the store is asked again.
 * Another process (a second API instance, the worker, the projector) erasing the
 * key is seen here within this time; this process's own `erase` is seen at once.
 */
export const KEY_CACHE_MAX_AGE_MS = 60_000;

export class Vault {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();
  /** Unwraps in flight: concurrent callers for one account share one trip to the key store. */
  private readonly pending = new Map<string, { create: boolean; key: Promise<Buffer | undefined> }>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly keys: DataKeyStore,
    /** Unwrapped keys kept in memory; the oldest is dropped past this bound. */
    private readonly cacheSize = 10_000,
    options: { maxAgeMs?: number; now?: () => number } = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? KEY_CACHE_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  async seal(accountId: string, value: unknown): Promise<string> {
    const key = await this.key(accountId, true);
    if (key === undefined) throw new KeyErasedError(accountId);
    const sealed = encrypt(key, Buffer.from(JSON.stringify(value), 'utf8'), accountId);
    return PREFIX + sealed.toString('base64url');
  }

  /** The value, or ERASED when the account's key is gone. Throws when the value was altered or sealed for another account. */
  async open(accountId: string, sealed: string): Promise<unknown> {
    if (!Vault.isSealed(sealed)) throw new Error('Not a sealed value');
    const key = await this.key(accountId, false);
    if (key === undefined) return ERASED;
    const plain = decrypt(key, Buffer.from(sealed.slice(PREFIX.length), 'base64url'), accountId);
    return JSON.parse(plain.toString('utf8'));
  }

  async erase(accountId: string): Promise<void> {
    this.cache.delete(accountId);
    this.pending.delete(accountId); // an unwrap in flight no longer fills the cache
    await this.keys.erase(accountId);
  }

  private async key(accountId: string, create: boolean): Promise<Buffer | undefined> {
    const cached = this.cache.get(accountId);
    if (cached && cached.until > this.now()) return cached.key;
    const inFlight = this.pending.get(accountId);
    if (inFlight) {
      const key = await inFlight.key;
      // A read that found no key yet does not answer a seal, which makes the key.
      if (key !== undefined || inFlight.create || !create) return key;
    }
    const entry = { create, key: this.load(accountId, create) };
    this.pending.set(accountId, entry);
    try {
      const key = await entry.key;
      if (this.pending.get(accountId) === entry) this.remember(accountId, key);
      return key;
    } finally {
      if (this.pending.get(accountId) === entry) this.pending.delete(accountId);
    }
  }

  private async load(accountId: string, create: boolean): Promise<Buffer | undefined> {
    const key = create
      ? await this.keys.getOrCreate(accountId).catch(erasedAsUndefined)
      : await this.keys.get(accountId);
    // Its own 32 bytes: the store's buffer is a view into a pool slab or a driver's response.
    return key === undefined || key === 'erased' ? undefined : ownCopy(key);
  }

  private remember(accountId: string, key: Buffer | undefined): void {
    this.cache.delete(accountId); // re-inserted last: the oldest entry stays first
    if (key === undefined) return;
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(accountId, { key, until: this.now() + this.maxAgeMs });
  }
}

function erasedAsUndefined(error: unknown): undefined {
  if (error instanceof KeyErasedError) return undefined;
  throw error;
}

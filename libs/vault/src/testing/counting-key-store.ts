/**
 * A DataKeyStore that counts, per account, how often a key was asked for (each
 * call a store round trip and an unwrap under the master key), for tests of how
 * often a path unwraps. Everything else goes to the store it wraps.
 */
import type { DataKeyStore } from '../data-key-store';

export class CountingKeyStore implements DataKeyStore {
  /** Calls to `get` and `getOrCreate`, per account id. */
  readonly unwraps = new Map<string, number>();

  constructor(private readonly inner: DataKeyStore) {}

  /** The calls for one account, or for all of them. */
  count(accountId?: string): number {
    if (accountId !== undefined) return this.unwraps.get(accountId) ?? 0;
    let n = 0;
    for (const c of this.unwraps.values()) n += c;
    return n;
  }

  reset(): void {
    this.unwraps.clear();
  }

  private counted(accountId: string): void {
    this.unwraps.set(accountId, this.count(accountId) + 1);
  }

  getOrCreate(accountId: string): Promise<Buffer> {
    this.counted(accountId);
    return this.inner.getOrCreate(accountId);
  }

  get(accountId: string): Promise<Buffer | 'erased' | undefined> {
    this.counted(accountId);
    return this.inner.get(accountId);
  }

  erase(accountId: string): ReturnType<DataKeyStore['erase']> {
    return this.inner.erase(accountId);
  }

  status(): ReturnType<DataKeyStore['status']> {
    return this.inner.status();
  }

  rewrap(...args: Parameters<DataKeyStore['rewrap']>): ReturnType<DataKeyStore['rewrap']> {
    return this.inner.rewrap(...args);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

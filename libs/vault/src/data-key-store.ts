/**
 * One data key per account, kept wrapped (AES-256-GCM under the master key, the
 * account id as associated data). Erasing an account destroys its key and leaves
 * a tombstone, so no later call can silently make a fresh key that would look
 * valid for the old ciphertexts: crypto-shredding.
 */
export interface DataKeyStore {
  /** The account's key, made on first use. Throws KeyErasedError once the account was erased. */
  getOrCreate(accountId: string): Promise<Buffer>;
  /** The key, 'erased', or undefined when the account never had one. */
  get(accountId: string): Promise<Buffer | 'erased' | undefined>;
  /** Destroys the key irrevocably. Idempotent. */
  erase(accountId: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class KeyErasedError extends Error {
  readonly code = 'PERSONAL_DATA_ERASED';
  constructor(readonly accountId: string) {
    super(`The personal-data key of account ${accountId} was erased`);
    this.name = 'KeyErasedError';
  }
}

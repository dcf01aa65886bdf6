/**
 * One data key per account, kept wrapped (AES-256-GCM under a master key, the
 * account id as associated data). Erasing an account destroys its key and leaves
 * a tombstone, so no later call can silently make a fresh key that would look
 * valid for the old ciphertexts: crypto-shredding.
 *
 * Each stored key records the id of the master key that wrapped it (see
 * master-keys.ts). A key wrapped under a master key this process was not given
 * throws MasterKeyUnavailableError: never a silent new key.
 */
export interface DataKeyStore {
  /** The account's key, made on first use. Throws KeyErasedError once the account was erased. */
  getOrCreate(accountId: string): Promise<Buffer>;
  /** The key, 'erased', or undefined when the account never had one. */
  get(accountId: string): Promise<Buffer | 'erased' | undefined>;
  /** Destroys the key irrevocably. Idempotent. */
  erase(accountId: string): Promise<void>;
  /** How many keys each master key wraps, and how many accounts were erased. */
  status(): Promise<KeyStatus>;
  /**
   * Re-wraps every key not under the current master key, page by page. Safe while
   * the service runs (a key erased meanwhile stays erased); resumable (a second run
   * picks up whatever the first did not finish).
   */
  rewrap(options?: RewrapOptions): Promise<RewrapResult>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface KeyStatus {
  /** The id of MASTER_KEY. */
  current: string;
  /** Live keys per master-key id; `unrecorded` counts SQLite keys from before ids that no configured key opens. */
  byMasterKey: Record<string, number>;
  unrecorded: number;
  erased: number;
}

export interface RewrapProgress {
  /** Keys re-wrapped so far in this run. */
  rewrapped: number;
  /** Keys left alone because they were erased or re-wrapped by someone else meanwhile. */
  skipped: number;
  /** Keys not under the current master key when the run started. */
  total: number;
}

export interface RewrapOptions {
  /** Keys per page (one transaction or one round of updates): 500 by default. */
  batchSize?: number;
  /** Called after each page. An error thrown here stops the run; the next run resumes. */
  onProgress?: (progress: RewrapProgress) => void | Promise<void>;
}

export type RewrapResult = RewrapProgress;

export class KeyErasedError extends Error {
  readonly code = 'PERSONAL_DATA_ERASED';
  constructor(readonly accountId: string) {
    super(`The personal-data key of account ${accountId} was erased`);
    this.name = 'KeyErasedError';
  }
}

export function rewrapBatchSize(options: RewrapOptions | undefined): number {
  const size = options?.batchSize ?? 500;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batchSize must be a positive integer (got ${String(size)})`);
  return size;
}

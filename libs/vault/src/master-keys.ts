/**
 * The master keys that wrap the per-account data keys: the current one (MASTER_KEY),
 * which wraps every new key and every re-wrapped one, and the previous ones
 * (MASTER_KEYS_PREVIOUS), which only unwrap keys not yet re-wrapped. Each stored key
 * records the id of the master key that wrapped it, so a store never has to guess.
 */
import { createHash } from 'node:crypto';
import { decrypt, encrypt, ownCopy } from './key-wrap';

export interface MasterKey {
  /** The first 8 hex digits of the key's SHA-256: names the key in storage and in `npm run keys -- status`. */
  readonly id: string;
  readonly key: Buffer;
}

/** `echo "$MASTER_KEY" | base64 -d | sha256sum | cut -c1-8` gives the same id, so an operator can tell keys apart. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** The data key of an account is wrapped under a master key this process was not given. */
export class MasterKeyUnavailableError extends Error {
  readonly code = 'MASTER_KEY_UNAVAILABLE';
  constructor(
    readonly accountId: string,
    /** undefined for a key stored before key ids were recorded that no configured key opens. */
    readonly masterKeyId: string | undefined,
  ) {
    super(
      `The data key of account ${accountId} is wrapped under ${
        masterKeyId === undefined ? 'an unrecorded master key' : `master key ${masterKeyId}`
      }, which is neither MASTER_KEY nor in MASTER_KEYS_PREVIOUS: add that key to MASTER_KEYS_PREVIOUS`,
    );
    this.name = 'MasterKeyUnavailableError';
  }
}

/** The master key named by the stored id did not open the stored key: the record was altered or moved. */
export class DataKeyUnwrapError extends Error {
  readonly code = 'DATA_KEY_UNWRAP_FAILED';
  constructor(
    readonly accountId: string,
    readonly masterKeyId: string,
  ) {
    super(
      `The data key of account ${accountId} does not open with master key ${masterKeyId}: the stored key was altered or belongs to another account`,
    );
    this.name = 'DataKeyUnwrapError';
  }
}

export class MasterKeyConfigError extends Error {
  readonly code = 'MASTER_KEY_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyConfigError';
  }
}

export interface WrappedKey {
  masterKeyId: string;
  wrapped: Buffer;
}

export class MasterKeyRing {
  readonly current: MasterKey;
  readonly previous: readonly MasterKey[];
  private readonly byId = new Map<string, MasterKey>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.current = MasterKeyRing.key(current, 'MASTER_KEY');
    this.byId.set(this.current.id, this.current);
    const older: MasterKey[] = [];
    previous.forEach((buffer, i) => {
      const key = MasterKeyRing.key(buffer, `MASTER_KEYS_PREVIOUS entry ${i + 1}`);
      const known = this.byId.get(key.id);
      // Listing the current key again is harmless (a half-finished rotation runbook); two different keys with one id are not.
      if (known && known.key.equals(key.key)) return;
      if (known)
        throw new MasterKeyConfigError(
          `MASTER_KEYS_PREVIOUS entry ${i + 1} has the same key id (${key.id}) as another master key: replace one of them`,
        );
      this.byId.set(key.id, key);
      older.push(key);
    });
    this.previous = older;
  }

  /** Accepts a bare key for callers (tests, benches) that never rotate. */
  static from(keys: Buffer | MasterKeyRing): MasterKeyRing {
    return keys instanceof MasterKeyRing ? keys : new MasterKeyRing(keys);
  }

  private static key(key: Buffer, setting: string): MasterKey {
    if (key.length !== 32) throw new MasterKeyConfigError(`${setting} must be 32 bytes (got ${key.length})`);
    return { id: masterKeyId(key), key: ownCopy(key) };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Wraps a data key under the current master key, bound to its account. */
  wrap(accountId: string, dataKey: Buffer): WrappedKey {
    return { masterKeyId: this.current.id, wrapped: encrypt(this.current.key, dataKey, accountId) };
  }

  unwrap(accountId: string, stored: WrappedKey): Buffer {
    const master = this.byId.get(stored.masterKeyId);
    if (!master) throw new MasterKeyUnavailableError(accountId, stored.masterKeyId);
    try {
      return decrypt(master.key, stored.wrapped, accountId);
    } catch {
      throw new DataKeyUnwrapError(accountId, stored.masterKeyId);
    }
  }

  /** For keys stored before ids were recorded: the id of the configured key that opens it, or undefined. */
  identify(accountId: string, wrapped: Buffer): string | undefined {
    for (const master of [this.current, ...this.previous]) {
      try {
        decrypt(master.key, wrapped, accountId);
        return master.id;
      } catch {
        // not this one
      }
    }
    return undefined;
  }
}

/**
 * How an account's folded state is kept as a snapshot (libs/command/src/snapshots.ts):
 * serialised faithfully (stringifyState) and sealed as a whole under the account's own
 * data key, so that erasing the key shreds every snapshot with the events: a snapshot
 * of an erased account no longer opens, and its loads replay the events (which show
 * its values as ERASED, as before snapshots). An erased account is not snapshotted.
 *
 * The version. A snapshot is the output of `evolve` over upcast events, so it must not
 * outlive a change to either. Two parts:
 * - ACCOUNT_SNAPSHOT_VERSION, bumped by hand. account-snapshots.spec.ts pins a SHA-256
 *   of the domain's state.ts (evolve, initialState, the state's type) and upcasters.ts
 *   (steps and schema versions), so any edit of those files fails that test until the
 *   constant is bumped and the pin updated: this catches changes in helpers and tables,
 *   which no runtime check can see;
 * - a fingerprint of `evolve`'s, `initialState`'s and `upcast`'s compiled text, taken at
 *   start: should someone update the pin and forget the bump, a changed function still
 *   changes the version. Two processes of one build agree on it; different builds may
 *   differ, which costs a replay and a rewrite, never a wrong state.
 */
import { createHash } from 'node:crypto';
import { parseState, type SnapshotCodec, stringifyState } from '@portal/command';
import { type AccountState, evolve, initialState, SCHEMA_VERSIONS, upcast } from '@portal/domain';
import { ERASED, type Vault } from '@portal/vault';
import { accountIdOf } from './account-codec';

/** Bump with any change to evolve, the account state or the upcasters (the spec says when). */
export const ACCOUNT_SNAPSHOT_VERSION = 3;

export const ACCOUNT_SNAPSHOT_FINGERPRINT = createHash('sha256')
  .update([evolve, initialState, upcast].map((f) => f.toString()).join('\n'))
  .update(JSON.stringify(SCHEMA_VERSIONS))
  .digest('hex')
  .slice(0, 16);

export function accountSnapshotCodec(vault: Vault): SnapshotCodec<AccountState> {
  return {
    version: `account-${ACCOUNT_SNAPSHOT_VERSION}.${ACCOUNT_SNAPSHOT_FINGERPRINT}`,
    async encode(streamId, state) {
      if (state.erased) return undefined;
      return vault.seal(accountIdOf(streamId), stringifyState(state));
    },
    async decode(streamId, text) {
      const opened = await vault.open(accountIdOf(streamId), text);
      if (opened === ERASED) return undefined;
      if (typeof opened !== 'string') throw new Error(`The snapshot of ${streamId} does not hold a state`);
      return parseState<AccountState>(opened);
    },
  };
}

/**
 * The snapshot store port: one snapshot per stream, the folded state a command can
 * start from instead of the stream's first event (libs/command's `load`). A snapshot is
 * a cache, never a record: whatever it says, the events decide. Readers that must not
 * trust a cache (audit, read-model rebuilds) never read it; it never appears in
 * `readAll` or `subscribeToAll`. Both adapters (SQLite: a table beside the events;
 * KurrentDB: a `snapshot-<streamId>` stream holding one event) are held to one contract
 * suite (`testing/snapshot-store.contract.ts`).
 */

export interface Snapshot {
  /** Revision of the last event the state covers. */
  revision: bigint;
  /** That event's `metadata.hash`: a load checks it against the stream before using the state. */
  lastHash: string;
  /** The state's schema version: a load ignores a snapshot of any other version. */
  version: string;
  /** The folded state, serialised (and sealed) by the caller; opaque to the store. */
  state: string;
  /** When it was taken (ISO-8601). */
  takenAt: string;
}

export interface SnapshotStore {
  /** The stream's snapshot last written, if any. Throws when the one stored cannot be read back. */
  read(streamId: string): Promise<Snapshot | undefined>;
  /** Replaces the stream's snapshot (the last write wins). */
  write(streamId: string, snapshot: Snapshot): Promise<void>;
}

/** Streams and rows that hold snapshots start with this; an event stream may not. */
export const SNAPSHOT_STREAM_PREFIX = 'snapshot-';

export function snapshotStreamOf(streamId: string): string {
  return `${SNAPSHOT_STREAM_PREFIX}${streamId}`;
}

export function isSnapshotStream(streamId: string): boolean {
  return streamId.startsWith(SNAPSHOT_STREAM_PREFIX);
}

/** Checks a snapshot before it is stored, so a bad one fails at once and names what is wrong. */
export function validateSnapshot(streamId: string, snapshot: Snapshot): void {
  const where = `snapshot of ${streamId}`;
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new TypeError('snapshot: streamId must be a non-empty string');
  if (isSnapshotStream(streamId)) throw new TypeError(`${where}: a snapshot stream has no snapshot`);
  if (typeof snapshot.revision !== 'bigint' || snapshot.revision < 0n)
    throw new TypeError(`${where}: revision must be a non-negative bigint`);
  if (typeof snapshot.lastHash !== 'string') throw new TypeError(`${where}: lastHash must be a string`);
  if (typeof snapshot.version !== 'string' || snapshot.version.length === 0)
    throw new TypeError(`${where}: version must be a non-empty string`);
  if (typeof snapshot.state !== 'string') throw new TypeError(`${where}: state must be a string`);
  if (typeof snapshot.takenAt !== 'string' || Number.isNaN(Date.parse(snapshot.takenAt)))
    throw new TypeError(`${where}: takenAt must be an ISO-8601 time`);
}

/** A stored snapshot that cannot be read back (damaged, or written by something else). Names where, never what. */
export class UnreadableSnapshotError extends Error {
  readonly code = 'SNAPSHOT_UNREADABLE';
  constructor(
    readonly streamId: string,
    /** What is wrong, e.g. "its revision is not a number". */
    readonly problem: string,
  ) {
    super(`The snapshot of ${streamId} cannot be read: ${problem}`);
    this.name = 'UnreadableSnapshotError';
  }
}

/** The stored form both adapters share (bigint as a decimal string), and its strict inverse. */
export function snapshotToJson(snapshot: Snapshot): Record<string, string> {
  return {
    revision: snapshot.revision.toString(),
    lastHash: snapshot.lastHash,
    version: snapshot.version,
    state: snapshot.state,
    takenAt: snapshot.takenAt,
  };
}

export function snapshotFromJson(streamId: string, value: unknown): Snapshot {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UnreadableSnapshotError(streamId, 'it is not an object');
  const v = value as Record<string, unknown>;
  if (typeof v.revision !== 'string' || !/^\d+$/.test(v.revision))
    throw new UnreadableSnapshotError(streamId, 'its revision is not a number');
  for (const key of ['lastHash', 'version', 'state', 'takenAt'] as const)
    if (typeof v[key] !== 'string') throw new UnreadableSnapshotError(streamId, `its ${key} is not a string`);
  return {
    revision: BigInt(v.revision),
    lastHash: v.lastHash as string,
    version: v.version as string,
    state: v.state as string,
    takenAt: v.takenAt as string,
  };
}

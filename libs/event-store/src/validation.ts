/**
 * Checks shared by every adapter, run before anything reaches storage so that a
 * malformed request fails at once and never takes part in (or spoils) a batch.
 */
import type { ExpectedRevision, NewEvent } from './event-store.port';
import { isSnapshotStream, SNAPSHOT_STREAM_PREFIX } from './snapshot-store.port';

/** An event id is already used by another stream, or only some of an append's ids are already stored. */
export class EventIdConflictError extends Error {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    message: string,
  ) {
    super(message);
    this.name = 'EventIdConflictError';
  }
}

/** An append bigger than the server accepts in one request. */
export class AppendTooLargeError extends Error {
  readonly code = 'APPEND_TOO_LARGE';
  constructor(
    readonly streamId: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `append to ${streamId}: ${bytes} bytes, over the limit of ${limit} bytes per append; ` +
        'append fewer or smaller events',
    );
    this.name = 'AppendTooLargeError';
  }
}

/**
 * KurrentDB refuses an append request over 1 MiB (its MaxAppendSize). Both adapters
 * hold to it, so that what runs on the embedded store also runs in production.
 */
export const MAX_APPEND_BYTES = 1024 * 1024;

/**
 * Per event, on top of its JSON data and metadata and its type: the 16-byte id, the
 * content-type and type entries and the request's framing, with room to spare (the
 * server counts the request as encoded, which this estimate must not undercount).
 */
const EVENT_OVERHEAD_BYTES = 128;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An append's events as JSON, serialised once by the checks and reused by the adapter that stores text. */
export interface SerializedAppend {
  data: string[];
  metadata: string[];
}

export function validateAppend(
  streamId: string,
  events: NewEvent[],
  expected: ExpectedRevision,
): SerializedAppend {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError('append: streamId must be a non-empty string');
  }
  if (isSnapshotStream(streamId)) {
    // Snapshot streams are hidden from readAll and subscriptions: an event there would never be projected.
    throw new TypeError(
      `append to ${streamId}: streams named ${SNAPSHOT_STREAM_PREFIX}… are reserved for snapshots`,
    );
  }
  if (!Array.isArray(events)) throw new TypeError(`append to ${streamId}: events must be an array`);
  if (events.length === 0) {
    // KurrentDB would accept it and return no position; nothing needs an empty append.
    throw new TypeError(`append to ${streamId}: no events (an append carries at least one)`);
  }
  if (typeof expected === 'bigint') {
    if (expected < 0n)
      throw new TypeError(`append to ${streamId}: expected revision ${expected} is negative`);
  } else if (expected !== 'no_stream' && expected !== 'stream_exists' && expected !== 'any') {
    throw new TypeError(`append to ${streamId}: unknown expected revision ${String(expected)}`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (typeof event.id !== 'string' || event.id.length === 0) {
      throw new TypeError(`append to ${streamId}: every event needs a non-empty id`);
    }
    if (!UUID.test(event.id)) {
      throw new TypeError(`append to ${streamId}: event id ${event.id} is not a UUID`);
    }
    if (seen.has(event.id)) throw new TypeError(`append to ${streamId}: event id ${event.id} appears twice`);
    seen.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new TypeError(`append to ${streamId}: event ${event.id} needs a type`);
    }
    if (event.type.startsWith('$')) {
      // `$`-prefixed types are KurrentDB's system events, which readAll and subscriptions drop.
      throw new TypeError(`append to ${streamId}: event type ${event.type} is reserved for system events`);
    }
  }
  const data = events.map((e) => JSON.stringify(e.data));
  const metadata = events.map((e) => JSON.stringify(e.metadata));
  let bytes = 0;
  for (let i = 0; i < events.length; i++) {
    bytes +=
      Buffer.byteLength(data[i]) +
      Buffer.byteLength(metadata[i]) +
      Buffer.byteLength(events[i].type) +
      EVENT_OVERHEAD_BYTES;
  }
  if (bytes > MAX_APPEND_BYTES) throw new AppendTooLargeError(streamId, bytes, MAX_APPEND_BYTES);
  return { data, metadata };
}

/** Whether `actual` (the stream's last revision, or 'no_stream') satisfies `expected`. */
export function revisionMatches(expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
}

/** `maxCount` as given, checked; undefined means no limit. */
export function validateMaxCount(maxCount: number | undefined): number | undefined {
  if (maxCount === undefined) return undefined;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new TypeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  }
  return maxCount;
}

/** KurrentDB's own events: `$`-prefixed types (and streams). They never reach our readers. */
export function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** What `readAll` and subscriptions never hand over: system events and snapshots. */
export function isHiddenEvent(event: { type: string; streamId: string }): boolean {
  return isSystemEvent(event) || isSnapshotStream(event.streamId);
}

/**
 * Checks shared by every adapter, run before anything reaches storage so that a
 * malformed request fails at once and never takes part in (or spoils) a batch.
 */
import type { ExpectedRevision, NewEvent } from './event-store.port';

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

export function validateAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError('append: streamId must be a non-empty string');
  }
  if (!Array.isArray(events)) throw new TypeError(`append to ${streamId}: events must be an array`);
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

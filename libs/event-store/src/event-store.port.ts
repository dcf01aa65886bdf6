/**
 * The event store port. Everything that reads or writes events goes through this
 * interface; adapters (SQLite, KurrentDB) live beside it and are held to one
 * contract suite (`testing/event-store.contract.ts`).
 *
 * Revisions are per stream and start at 0n for the first event. Positions are
 * global, totally ordered, and shaped like KurrentDB's `{ commit, prepare }`
 * pair; the SQLite adapter sets both to its global sequence number.
 */

/** Who caused an event. `system` covers workers, the reactor and scheduled jobs. */
export type Actor =
  | { kind: 'self'; accountId?: string }
  | { kind: 'staff'; staffId: string; role?: string }
  | { kind: 'system'; component: string }
  | { kind: 'anonymous' };

export interface EventMetadata {
  /** Ties every event caused by one request together (the `x-correlation-id` header). */
  correlationId: string;
  /** The id of the event or request that caused this one. */
  causationId?: string;
  actor: Actor;
  /** ISO-8601 time the event happened, taken from the command (never the store's clock). */
  occurredAt: string;
  /** Version of `data`'s schema for this event type; upcasters read older ones. */
  schemaVersion: number;
  clientIp?: string;
  userAgent?: string;
  /**
   * Set on history a tool brought in rather than the service lived (`seed-data`, `legacy-import`):
   * stored, projected and audited like any other event, but never delivered (no email, no letter),
   * whatever a reactor's checkpoint says. Covered by the hash, so it cannot be added or removed later.
   */
  imported?: string;
  /** Hash of the previous event of the same stream ('' for the first), and of this one: see libs/command/src/hash-chain.ts. */
  prevHash?: string;
  hash?: string;
}

export type JsonObject = { [key: string]: unknown };

export interface NewEvent {
  /** A UUID. Appending an event whose id is already in the stream is a no-op. */
  id: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface Position {
  commit: bigint;
  prepare: bigint;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  revision: bigint;
  position: Position;
  /** When the store recorded it (ISO-8601). */
  recordedAt: string;
}

/**
 * - `no_stream`: the stream must not exist yet (first append, reservation claims);
 * - `stream_exists`: it must have at least one event;
 * - `any`: no check;
 * - a bigint: the revision of the stream's last event as read by the caller.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: bigint;
  /** Position of the last event appended. */
  position: Position;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Default: the first event (forwards) or the last (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Default: from the very start. */
  after?: Position;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after it. Omit to start from the first event. */
  after?: Position;
  /**
   * Called when the handler throws (the subscription then stops) or when the store
   * stays unreachable past the adapter's reconnect budget.
   */
  onError?: (error: Error) => void;
}

export interface Subscription {
  /** Stops delivery; resolves once the handler is no longer running. */
  stop(): Promise<void>;
  /** Position of the last event whose handler completed. */
  readonly lastPosition: Position | undefined;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream; an unknown stream reads as []. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of all streams in global order (system events excluded). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch-up subscription to all events: delivers history after `options.after`,
   * then live events, in order, each exactly once, awaiting the handler between
   * events. Survives a restart of the store (reconnects and resumes from
   * `lastPosition`).
   */
  subscribeToAll(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** Readiness: resolves when the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The expected revision did not match. `actual` is the stream's revision, or 'no_stream'. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `Stream ${streamId}: expected revision ${String(expected)}, but the stream is at ${String(actual)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The store cannot be reached or failed; safe to retry when `retryable`. */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(
    message: string,
    readonly retryable: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

/**
 * A stored event that cannot be read back (its data or metadata is not valid JSON: a
 * damaged file, or a row edited by hand). It names where the event is, never what it
 * holds. A read whose result would include it throws this, so no reader can mistake a
 * stream without it for the whole stream; a reader that can go on without the event
 * (an audit) reads past it from `position`.
 */
export class UnreadableEventError extends Error {
  readonly code = 'EVENT_UNREADABLE';
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly eventId: string,
    readonly position: Position,
    /** What is wrong, e.g. "its data is not valid JSON". */
    readonly problem: string,
  ) {
    super(
      `Event ${eventId} at ${streamId} revision ${revision} (position ${position.commit}/${position.prepare}) cannot be read: ${problem}`,
    );
    this.name = 'UnreadableEventError';
  }
}

/** Duck-typed, so that a copy of this module in another realm (Jest's registries) is recognised too. */
export function isUnreadableEvent(error: unknown): error is UnreadableEventError {
  return (error as { code?: unknown } | null)?.code === 'EVENT_UNREADABLE' && error instanceof Error;
}

export const START: Position = { commit: -1n, prepare: -1n };

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `commit/prepare` in decimal, for checkpoints and documents. */
export function formatPosition(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function parsePosition(s: string): Position {
  const m = /^(-?\d+)\/(-?\d+)$/.exec(s);
  if (!m) throw new Error(`Not a position: ${JSON.stringify(s)}`);
  return { commit: BigInt(m[1]), prepare: BigInt(m[2]) };
}

/**
 * The part of `@kurrent/kurrentdb-client` 1.x (`KurrentDBClient`) the adapter uses. The
 * real client satisfies it structurally; unit tests hand the adapter a fake instead.
 *
 * Reads (`readStream`, `readAll`) are async generators over the client's native read
 * bridge: the server call starts at the first `next()` and is released once the
 * generator has finished (drained, thrown, or `return()`ed) and is collected; there is
 * no explicit cancel. A reader that stops early must call `return()` (see `closeRead`
 * in the adapter), or the call stays open as long as the generator is suspended. The
 * `deadline` option is part of every call's options; 1.3 honours it on appends and
 * subscriptions (gRPC) but not on reads, so the adapter keeps its own timer too.
 */
import type {
  AppendStreamState,
  Direction,
  Filter,
  JSONEventData,
  ReadPosition,
  ReadRevision,
} from '@kurrent/kurrentdb-client';

export interface KurrentPosition {
  commit: bigint;
  prepare: bigint;
}

/** A recorded event as the client hands it over (JSON payloads already parsed). */
export interface KurrentRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata?: unknown;
  /** Always set when reading $all; set on stream reads by servers since 22.6. */
  position?: KurrentPosition;
}

export interface KurrentResolvedEvent {
  event?: KurrentRecordedEvent;
  commitPosition?: bigint;
}

export interface KurrentAppendResult {
  nextExpectedRevision: bigint;
  position?: KurrentPosition;
}

/** A live subscription: an async iterable that rejects on 'error' and finishes on 'end'. */
export interface KurrentSubscription extends AsyncIterable<KurrentResolvedEvent> {
  unsubscribe(): Promise<void>;
}

export interface KurrentClient {
  appendToStream(
    streamName: string,
    events: JSONEventData[],
    options: { streamState: AppendStreamState; deadline?: number },
  ): Promise<KurrentAppendResult>;
  readStream(
    streamName: string,
    options: { direction: Direction; fromRevision: ReadRevision; maxCount?: number; deadline?: number },
  ): AsyncIterableIterator<KurrentResolvedEvent>;
  readAll(options: {
    direction: Direction;
    fromPosition: ReadPosition;
    maxCount?: number;
    deadline?: number;
  }): AsyncIterableIterator<KurrentResolvedEvent>;
  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): KurrentSubscription;
  /** Appends a `$metadata` event to the stream's metastream (`$$<stream>`); `maxCount` caps what reads return. */
  setStreamMetadata(streamName: string, metadata: { maxCount?: number }): Promise<unknown>;
  dispose(): Promise<void>;
}

/**
 * The part of `@eventstore/db-client` 6.x (`EventStoreDBClient`) the adapter uses. The
 * real client satisfies it structurally; unit tests hand the adapter a fake instead.
 */
import type {
  AppendExpectedRevision,
  Direction,
  Filter,
  JSONEventData,
  ReadPosition,
  ReadRevision,
} from '@eventstore/db-client';

export interface EsdbPosition {
  commit: bigint;
  prepare: bigint;
}

/** A recorded event as the client hands it over (JSON payloads already parsed). */
export interface EsdbRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata?: unknown;
  /** Always set when reading $all; set on stream reads by servers since 22.6. */
  position?: EsdbPosition;
}

export interface EsdbResolvedEvent {
  event?: EsdbRecordedEvent;
  commitPosition?: bigint;
}

export interface EsdbAppendResult {
  nextExpectedRevision: bigint;
  position?: EsdbPosition;
}

/** A live subscription: an async iterable that rejects on 'error' and finishes on 'end'. */
export interface EsdbSubscription extends AsyncIterable<EsdbResolvedEvent> {
  unsubscribe(): Promise<void>;
}

export interface EsdbClient {
  appendToStream(
    streamName: string,
    events: JSONEventData[],
    options: { expectedRevision: AppendExpectedRevision },
  ): Promise<EsdbAppendResult>;
  readStream(
    streamName: string,
    options: { direction: Direction; fromRevision: ReadRevision; maxCount?: number },
  ): AsyncIterable<EsdbResolvedEvent>;
  readAll(options: {
    direction: Direction;
    fromPosition: ReadPosition;
    maxCount?: number;
  }): AsyncIterable<EsdbResolvedEvent>;
  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): EsdbSubscription;
  dispose(): Promise<void>;
}

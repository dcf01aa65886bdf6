/**
 * An in-memory KurrentDB for unit tests of the adapters (event store and snapshot store),
 * written from the 1.x client's documented behaviour.
 */
import {
  type AppendStreamState,
  type Direction,
  type Filter,
  type JSONEventData,
  type ReadPosition,
  type ReadRevision,
  StreamNotFoundError,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import { testEvent } from '../../testing/event-factory';
import type {
  KurrentAppendResult,
  KurrentClient,
  KurrentRecordedEvent,
  KurrentResolvedEvent,
  KurrentSubscription,
} from '../kurrentdb-client';

export type SubscriptionPlan =
  { after: number; then: 'error' | 'end'; error?: Error } | { ignoreFilter: true };

/** What the next read does before (or instead of) serving events. */
export type ReadFault = { error: Error } | { errorAfter: number; error: Error } | { hang: true };

/**
 * An in-memory stand-in for KurrentDB with the server's observable behaviour: positions
 * that are not revisions, system events interleaved in $all, reads of $all that start at
 * their position inclusively, subscriptions that start after it, server-side filters.
 *
 * Reads are async generators, as in the 1.x client: the server call opens at the first
 * `next()` and stays open until the generator is drained, throws or is `return()`ed
 * (the client's read bridge releases the call then). `openReads` counts the calls open.
 */
export class FakeKurrentClient implements KurrentClient {
  readonly log: KurrentRecordedEvent[] = [];
  readonly appendCalls: Array<{
    stream: string;
    events: JSONEventData[];
    streamState: AppendStreamState;
  }> = [];
  readonly readStreamCalls: Array<{
    stream: string;
    direction: Direction;
    fromRevision: ReadRevision;
    maxCount?: number;
    deadline?: number;
  }> = [];
  readonly readAllCalls: Array<{ fromPosition: ReadPosition; maxCount?: number }> = [];
  readonly metadataCalls: Array<{ stream: string; metadata: { maxCount?: number } }> = [];
  readonly subscribeCalls: Array<{ fromPosition: ReadPosition; filter: Filter }> = [];
  readonly subscriptionPlans: SubscriptionPlan[] = [];
  /** Errors the next appends throw, one each, before storing anything. */
  readonly appendFaults: Error[] = [];
  /** Faults of the next reads (readStream or readAll), one each. */
  readonly readFaults: ReadFault[] = [];
  nextAppendWithoutPosition = false;
  disposed = false;
  openReads = 0;
  private waiters: Array<() => void> = [];
  private releaseHung: Array<() => void> = [];
  private nextCommit = 1_000n;
  /** `$maxCount` per stream, as set through setStreamMetadata. */
  private readonly maxCounts = new Map<string, number>();

  record(
    stream: string,
    type: string,
    data: unknown,
    metadata: unknown,
    id = testEvent().id,
  ): KurrentRecordedEvent {
    const revision = BigInt(this.log.filter((e) => e.streamId === stream).length);
    const commit = this.nextCommit;
    this.nextCommit += 137n;
    const event: KurrentRecordedEvent = {
      streamId: stream,
      id,
      revision,
      type,
      created: new Date(Date.UTC(2025, 0, 1, 0, 0, this.log.length)),
      isJson: true,
      data,
      metadata,
      position: { commit, prepare: commit - 7n },
    };
    this.log.push(event);
    for (const wake of this.waiters.splice(0)) wake();
    return event;
  }

  systemEvent(): void {
    this.record(`$stats-${this.log.length}`, '$statsCollected', { cpu: 1 }, undefined);
  }

  /** Lets every hung read finish (as the server or the connection eventually would). */
  releaseHungReads(): void {
    for (const release of this.releaseHung.splice(0)) release();
  }

  async appendToStream(
    stream: string,
    events: JSONEventData[],
    options: { streamState: AppendStreamState },
  ): Promise<KurrentAppendResult> {
    this.appendCalls.push({ stream, events, streamState: options.streamState });
    const fault = this.appendFaults.shift();
    if (fault) throw fault;
    const known = new Set(this.log.filter((e) => e.streamId === stream).map((e) => e.id));
    const fresh = events.filter((e) => !known.has(e.id));
    // Idempotent by event id, as the server is: a replay answers without a position.
    if (fresh.length === 0 && events.length > 0) {
      const last = this.log.filter((e) => e.streamId === stream).at(-1) as KurrentRecordedEvent;
      return { nextExpectedRevision: last.revision };
    }
    const recorded = fresh.map((e) => this.record(stream, e.type, e.data, e.metadata, e.id));
    const last = recorded[recorded.length - 1];
    if (this.nextAppendWithoutPosition) {
      this.nextAppendWithoutPosition = false;
      return { nextExpectedRevision: last.revision };
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(
    stream: string,
    options: { direction: Direction; fromRevision: ReadRevision; maxCount?: number; deadline?: number },
  ): AsyncIterableIterator<KurrentResolvedEvent> {
    this.readStreamCalls.push({ stream, ...options });
    const log = this.log;
    const maxCounts = this.maxCounts;
    return this.serve(function* () {
      const all = log.filter((e) => e.streamId === stream);
      if (all.length === 0) throw new StreamNotFoundError(undefined, stream);
      // Past `$maxCount`, older events are gone from reads at once (a scavenge removes them later).
      const events = all.slice(-(maxCounts.get(stream) ?? all.length));
      const ordered = options.direction === 'backwards' ? [...events].reverse() : events;
      const from = options.fromRevision;
      const selected = ordered.filter((e) =>
        typeof from !== 'bigint'
          ? true
          : options.direction === 'backwards'
            ? e.revision <= from
            : e.revision >= from,
      );
      for (const event of selected.slice(0, options.maxCount ?? selected.length)) {
        yield { event: { ...event, position: undefined }, commitPosition: event.position?.commit };
      }
    });
  }

  readAll(options: {
    direction: Direction;
    fromPosition: ReadPosition;
    maxCount?: number;
  }): AsyncIterableIterator<KurrentResolvedEvent> {
    this.readAllCalls.push({ fromPosition: options.fromPosition, maxCount: options.maxCount });
    const log = this.log;
    return this.serve(function* () {
      const from = options.fromPosition;
      const ordered = options.direction === 'backwards' ? [...log].reverse() : log;
      const selected = ordered.filter(
        (e) => typeof from !== 'object' || (e.position?.commit ?? 0n) >= from.commit,
      );
      for (const event of selected.slice(0, options.maxCount ?? selected.length)) {
        yield { event, commitPosition: event.position?.commit };
      }
    });
  }

  /** One read call: open from the first next() until the generator finishes, with the next fault applied. */
  private serve(events: () => Generator<KurrentResolvedEvent>): AsyncIterableIterator<KurrentResolvedEvent> {
    const fault = this.readFaults.shift();
    const hung = new Promise<void>((resolve) => this.releaseHung.push(resolve));
    const opened = () => this.openReads++;
    const closed = () => this.openReads--;
    return (async function* () {
      opened();
      try {
        // A hung read answers only once released, and then serves its events as usual.
        if (fault && 'hang' in fault) await hung;
        else if (fault && !('errorAfter' in fault)) throw fault.error;
        let served = 0;
        for (const event of events()) {
          if (fault && 'errorAfter' in fault && served === fault.errorAfter) throw fault.error;
          served++;
          yield event;
        }
      } finally {
        closed();
      }
    })();
  }

  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): KurrentSubscription {
    this.subscribeCalls.push(options);
    const plan = this.subscriptionPlans.shift();
    const pattern = 'regex' in options.filter ? new RegExp(options.filter.regex) : /.*/;
    const applyFilter = !(plan && 'ignoreFilter' in plan);
    let closed = false;
    const log = this.log;
    const nextAppend = () => new Promise<void>((resolve) => this.waiters.push(resolve));
    async function* events(): AsyncGenerator<KurrentResolvedEvent> {
      let after = typeof options.fromPosition === 'object' ? options.fromPosition.commit : -1n;
      let delivered = 0;
      for (;;) {
        if (closed) return;
        if (plan && 'after' in plan && delivered === plan.after) {
          if (plan.then === 'error') throw plan.error ?? new UnavailableError(undefined, 'connection lost');
          return;
        }
        const next = log.find((e) => (e.position?.commit ?? 0n) > after);
        if (!next) {
          await nextAppend();
          continue;
        }
        after = next.position?.commit ?? after;
        if (applyFilter && !pattern.test(next.type)) continue;
        delivered++;
        yield { event: next };
      }
    }
    const iterator = events();
    return {
      [Symbol.asyncIterator]: () => iterator,
      unsubscribe: async () => {
        closed = true;
        for (const wake of this.waiters.splice(0)) wake();
      },
    };
  }

  /** As the server: a `$metadata` event in the metastream `$$<stream>`, seen in $all as a system event. */
  async setStreamMetadata(stream: string, metadata: { maxCount?: number }): Promise<unknown> {
    this.metadataCalls.push({ stream, metadata });
    const fault = this.appendFaults.shift();
    if (fault) throw fault;
    this.record(`$$${stream}`, '$metadata', metadata, undefined);
    if (metadata.maxCount !== undefined) this.maxCounts.set(stream, metadata.maxCount);
    return {};
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

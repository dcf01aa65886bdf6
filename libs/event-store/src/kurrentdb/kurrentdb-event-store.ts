/**
 * The production event store on KurrentDB (formerly EventStoreDB) through
 * `@kurrent/kurrentdb-client` 1.x.
 *
 * Differences from the server's own semantics that this adapter hides:
 * - our `after` positions are exclusive; reads of $all start at a position
 *   inclusively, so the event at `after` itself is dropped (also on subscriptions,
 *   which start after it already; the check costs nothing and guards a resubscribe);
 * - system events (`$`-types, `$`-streams) never reach readers or handlers;
 * - `WrongExpectedVersionError` becomes our WrongExpectedRevisionError, a missing
 *   stream reads as [], and transport failures become a retryable
 *   EventStoreUnavailableError;
 * - a catch-up subscription that loses its connection resubscribes from the last
 *   handled position with exponential backoff, and reports through onError only once
 *   its reconnect budget is spent.
 */
import type { AppendStreamState, ErrorType, JSONEventData } from '@kurrent/kurrentdb-client';
import {
  type AppendResult,
  comparePositions,
  type EventHandler,
  type EventMetadata,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  START,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { kurrentDbDriver } from './driver';
import { isSystemEvent, validateAppend, validateMaxCount } from '../validation';
import type { KurrentClient, KurrentRecordedEvent, KurrentSubscription } from './kurrentdb-client';

export interface ReconnectPolicy {
  /** Delay before the first resubscribe; doubles on every further failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Consecutive failed resubscribes tolerated before onError. */
  maxAttempts: number;
  /** A connection that stayed up this long counts as healthy and resets the failure count. */
  healthyAfterMs: number;
}

export interface KurrentDbEventStoreOptions {
  reconnect?: Partial<ReconnectPolicy>;
  /** Events fetched per request when paging through $all. */
  readAllPageSize?: number;
}

const DEFAULT_RECONNECT: ReconnectPolicy = {
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  maxAttempts: 10,
  healthyAfterMs: 10_000,
};

/** The client's `ErrorType` values (checked against its enum). */
type KurrentErrorType = `${ErrorType}`;

const TRANSIENT: ReadonlySet<string> = new Set<KurrentErrorType>([
  'unavailable',
  'deadline-exceeded',
  'cancelled',
  'not-leader',
  'timeout',
]);

/** Errors that resubscribing cannot cure. */
const PERMANENT: ReadonlySet<string> = new Set<KurrentErrorType>([
  'access-denied',
  'invalid-argument',
  'unsupported',
]);

function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return 'no_stream';
    case 'stream_exists':
      return 'stream_exists';
    case 'any':
      return 'any';
    default:
      return expected;
  }
}

function toEventData(event: NewEvent): JSONEventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata },
  };
}

function isPlainObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

function isEventMetadata(value: unknown): value is EventMetadata {
  return (
    isPlainObject(value) &&
    typeof value.correlationId === 'string' &&
    typeof value.occurredAt === 'string' &&
    typeof value.schemaVersion === 'number' &&
    isPlainObject(value.actor)
  );
}

function jsonPayload(value: unknown): unknown {
  // A payload the client could not parse arrives as bytes; try once more, strictly.
  return value instanceof Uint8Array ? JSON.parse(Buffer.from(value).toString('utf8')) : value;
}

function toRecordedEvent(event: KurrentRecordedEvent, fallback?: bigint): RecordedEvent {
  const data = jsonPayload(event.data);
  const metadata = jsonPayload(event.metadata);
  const where = `event ${event.id} (${event.streamId}@${event.revision})`;
  if (!isPlainObject(data)) throw new Error(`KurrentDB ${where}: data is not a JSON object`);
  if (!isEventMetadata(metadata)) throw new Error(`KurrentDB ${where}: metadata is not event metadata`);
  const position =
    event.position ?? (fallback === undefined ? undefined : { commit: fallback, prepare: fallback });
  if (!position) throw new Error(`KurrentDB ${where}: no position (server older than 22.6?)`);
  return {
    id: event.id,
    type: event.type,
    data,
    metadata,
    streamId: event.streamId,
    revision: event.revision,
    position: { commit: position.commit, prepare: position.prepare },
    recordedAt: event.created.toISOString(),
  };
}

function errorType(error: unknown): KurrentErrorType | undefined {
  return error instanceof Error && kurrentDbDriver().isCommandError(error) ? error.type : undefined;
}

function toPortError(error: unknown, what: string): unknown {
  const type = errorType(error);
  if (type !== undefined && TRANSIENT.has(type)) {
    const message = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`KurrentDB ${what}: ${message}`, true, error);
  }
  return error;
}

export class KurrentDbEventStore implements EventStore {
  private readonly reconnect: ReconnectPolicy;
  private readonly pageSize: number;
  private readonly subscriptions = new Set<KurrentCatchUpSubscription>();
  private closed = false;

  /**
   * Connects with a `kurrentdb://` (or legacy `esdb://`) connection string, one host or
   * several; the client connects lazily, on first use.
   */
  static connect(url: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(kurrentDbDriver().KurrentDBClient.connectionString(url), options);
  }

  constructor(
    private readonly client: KurrentClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.pageSize = Math.max(2, options.readAllPageSize ?? 500);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, expected);
    let result;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
    } catch (error) {
      const { ErrorType, isCommandError } = kurrentDbDriver();
      if (
        error instanceof Error &&
        isCommandError(error) &&
        error.type === ErrorType.WRONG_EXPECTED_VERSION
      ) {
        throw new WrongExpectedRevisionError(streamId, expected, error.actualState);
      }
      throw toPortError(error, `append to ${streamId}`);
    }
    const nextRevision = result.nextExpectedRevision;
    if (result.position && result.position.commit >= 0n) {
      return { nextRevision, position: { commit: result.position.commit, prepare: result.position.prepare } };
    }
    if (nextRevision < 0n) return { nextRevision, position: START };
    // Idempotent (replayed) writes may come back without a position: look up the event's own.
    const [last] = await this.readStream(streamId, { fromRevision: nextRevision, maxCount: 1 });
    if (!last) throw new Error(`KurrentDB append to ${streamId}: revision ${nextRevision} is not readable`);
    return { nextRevision, position: last.position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const maxCount = validateMaxCount(options.maxCount);
    if (maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? 'backwards' : 'forwards',
        fromRevision: options.fromRevision ?? (backwards ? 'end' : 'start'),
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event, resolved.commitPosition));
      }
    } catch (error) {
      if (errorType(error) === 'stream-not-found') return [];
      throw toPortError(error, `read ${streamId}`);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const maxCount = validateMaxCount(options.maxCount) ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    if (maxCount === 0) return events;
    let after = options.after;
    try {
      // Pages, because system events are dropped client-side: one page of maxCount may hold too few.
      for (;;) {
        let seen = 0;
        let last: Position | undefined;
        const read = this.client.readAll({
          direction: 'forwards',
          fromPosition: after ?? 'start',
          maxCount: this.pageSize,
        });
        for await (const resolved of read) {
          seen++;
          const event = resolved.event;
          if (!event?.position) continue;
          last = event.position;
          if (after && comparePositions(event.position, after) <= 0) continue;
          if (isSystemEvent(event)) continue;
          events.push(toRecordedEvent(event));
          if (events.length >= maxCount) return events;
        }
        if (seen < this.pageSize || !last) return events;
        after = last;
      }
    } catch (error) {
      throw toPortError(error, 'read $all');
    }
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new KurrentCatchUpSubscription(this.client, handler, options, this.reconnect, (s) =>
      this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
    const iterator = read[Symbol.asyncIterator]();
    try {
      await iterator.next();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new EventStoreUnavailableError(`KurrentDB does not answer: ${message}`, true, error);
    } finally {
      await iterator.return?.();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('KurrentDB event store is closed', false);
  }
}

/** Thrown inside the subscription loop to leave it for good: a resubscribe would fail the same way. */
class Fatal {
  constructor(readonly error: Error) {}
}

const STOPPED = Symbol('stopped');

class KurrentCatchUpSubscription implements Subscription {
  private stopped = false;
  private position: Position | undefined;
  /** Whether the current connection delivered anything: proof that the server was reachable. */
  private received = false;
  private readonly stopSignal: Promise<typeof STOPPED>;
  private signalStop: () => void = () => undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly client: KurrentClient,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
    private readonly policy: ReconnectPolicy,
    private readonly onEnd: (s: KurrentCatchUpSubscription) => void,
  ) {
    this.position = options.after;
    this.stopSignal = new Promise((resolve) => (this.signalStop = () => resolve(STOPPED)));
    this.done = this.run();
  }

  get lastPosition(): Position | undefined {
    return this.position;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.signalStop();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    try {
      while (!this.stopped) {
        const connectedAt = Date.now();
        this.received = false;
        try {
          await this.consume();
          return;
        } catch (error) {
          if (error instanceof Fatal) throw error.error;
          if (this.stopped) return;
          const type = errorType(error);
          if (type !== undefined && PERMANENT.has(type)) throw error;
          if (this.received || Date.now() - connectedAt >= this.policy.healthyAfterMs) failures = 0;
          failures++;
          if (failures > this.policy.maxAttempts) {
            const message = error instanceof Error ? error.message : String(error);
            throw new EventStoreUnavailableError(
              `KurrentDB subscription lost; ${this.policy.maxAttempts} resubscribes failed (${message})`,
              true,
              error,
            );
          }
          const delay = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** (failures - 1));
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise((resolve) => (timer = setTimeout(resolve, delay))),
            this.stopSignal,
          ]);
          clearTimeout(timer);
        }
      }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (this.options.onError) this.options.onError(failure);
      else process.emitWarning(failure);
    } finally {
      this.stopped = true;
      this.onEnd(this);
    }
  }

  /** One connection: returns when stopped; throws when the connection fails or ends. */
  private async consume(): Promise<void> {
    const subscription: KurrentSubscription = this.client.subscribeToAll({
      fromPosition: this.position ?? 'start',
      filter: kurrentDbDriver().excludeSystemEvents(),
    });
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = iterator.next();
        // If stop wins the race, this read settles later and nobody awaits it.
        next.catch(() => undefined);
        const item = await Promise.race([next, this.stopSignal]);
        if (item === STOPPED) return;
        if (item.done) throw new EventStoreUnavailableError('KurrentDB subscription ended', true);
        this.received = true;
        const event = item.value.event;
        if (!event?.position || isSystemEvent(event)) continue;
        if (this.position && comparePositions(event.position, this.position) <= 0) continue;
        try {
          // An event that cannot be mapped would stop every resubscribe at the same place.
          await this.handler(toRecordedEvent(event));
        } catch (error) {
          throw new Fatal(error instanceof Error ? error : new Error(String(error)));
        }
        this.position = { commit: event.position.commit, prepare: event.position.prepare };
        if (this.stopped) return;
      }
    } finally {
      // Not awaited: after unsubscribe a pending read may never settle, and return() would queue behind it.
      iterator.return?.().catch(() => undefined);
      await subscription.unsubscribe().catch(() => undefined);
    }
  }
}

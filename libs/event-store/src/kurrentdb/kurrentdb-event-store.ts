/**
 * The production event store on KurrentDB (formerly EventStoreDB) through
 * `@kurrent/kurrentdb-client` 1.x.
 *
 * Differences from the server's own semantics that this adapter hides:
 * - our `after` positions are exclusive; reads of $all start at a position
 *   inclusively, so the event at `after` itself is dropped (also on subscriptions,
 *   which start after it already; the check costs nothing and guards a resubscribe);
 * - system events (`$`-types, `$`-streams) and snapshots (`snapshot-` streams, see
 *   kurrentdb-snapshot-store.ts) never reach readers of $all or handlers;
 * - `WrongExpectedVersionError` becomes our WrongExpectedRevisionError, a missing
 *   stream reads as [], and transport failures become a retryable
 *   EventStoreUnavailableError;
 * - "Server Is Not Ready" / "Server Is Too Busy" (start-up, elections) are retried here,
 *   a few times with jitter, before they become a retryable EventStoreUnavailableError
 *   (appends too: their event ids make a repeated append a no-op);
 * - correlation and causation travel as `$correlationId` / `$causationId`, the keys the
 *   server's own projections read; readers get `correlationId` / `causationId` back, so
 *   the hash chain covers the same metadata (events written with the plain keys read as
 *   they are);
 * - every read is closed when the adapter is done with it (see `closeRead`);
 * - a catch-up subscription that loses its connection resubscribes from the last
 *   handled position with exponential backoff, and reports through onError only once
 *   its reconnect budget is spent.
 */
import { randomUUID } from 'node:crypto';
import type { AppendStreamState, JSONEventData } from '@kurrent/kurrentdb-client';
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
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import type { SnapshotStore } from '../snapshot-store.port';
import { kurrentDbDriver } from './driver';
import {
  closeRead,
  consume,
  errorType,
  type KurrentErrorType,
  messageOf,
  toPortError,
} from './kurrentdb-calls';
import { KurrentDbSnapshotStore } from './kurrentdb-snapshot-store';
import { isHiddenEvent, validateAppend, validateMaxCount } from '../validation';
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

/** Retries of "Server Is Not Ready" / "Server Is Too Busy": full jitter, the cap doubling from min to max. */
export interface NotReadyRetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  minDelayMs: number;
  maxDelayMs: number;
}

export interface KurrentDbEventStoreOptions {
  reconnect?: Partial<ReconnectPolicy>;
  notReadyRetry?: Partial<NotReadyRetryPolicy>;
  /** Events fetched per request when paging through $all. */
  readAllPageSize?: number;
  /** How long ping waits for the server (2 s). */
  pingDeadlineMs?: number;
}

const DEFAULT_RECONNECT: ReconnectPolicy = {
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  maxAttempts: 10,
  healthyAfterMs: 10_000,
};

// Five tries over at most ~1.5 s: a leader election usually settles within that, and a
// request that waits longer is better answered "try again" (503) than held.
const DEFAULT_NOT_READY_RETRY: NotReadyRetryPolicy = { attempts: 5, minDelayMs: 50, maxDelayMs: 800 };

const DEFAULT_PING_DEADLINE_MS = 2_000;

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

/** Our metadata as stored: correlation and causation under the server's `$` keys. */
function toWireMetadata(metadata: EventMetadata): JsonObject {
  const { correlationId, causationId, ...rest } = metadata;
  return {
    $correlationId: correlationId,
    ...(causationId === undefined ? {} : { $causationId: causationId }),
    ...rest,
  };
}

/** The inverse of toWireMetadata; metadata written with the plain keys passes as it is. */
function fromWireMetadata(value: unknown): unknown {
  if (!isPlainObject(value) || !('$correlationId' in value)) return value;
  const { $correlationId, $causationId, ...rest } = value;
  return {
    correlationId: $correlationId,
    ...($causationId === undefined ? {} : { causationId: $causationId }),
    ...rest,
  };
}

function toEventData(event: NewEvent): JSONEventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: toWireMetadata(event.metadata),
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
  const metadata = fromWireMetadata(jsonPayload(event.metadata));
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

/**
 * Whether the server refused for now: it answers UNAVAILABLE with "Server Is Not Ready"
 * (starting, electing a leader) or "Server Is Too Busy". Appends (gRPC) see that as an
 * UnavailableError; reads go through the client's native bridge, which reports it as an
 * UnknownError "Server-side error: status: Unavailable, message: ...".
 */
function isNotReady(error: unknown): boolean {
  const type = errorType(error);
  return (
    (type === 'unknown' || type === 'unavailable') && /server is (not ready|too busy)/i.test(messageOf(error))
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class KurrentDbEventStore implements EventStore {
  private readonly reconnect: ReconnectPolicy;
  private readonly notReadyRetry: NotReadyRetryPolicy;
  private readonly pageSize: number;
  private readonly pingDeadlineMs: number;
  /** A stream nobody writes: reading it needs no admin rights, unlike $all or a `$` stream. */
  private readonly pingStream = `ping-${randomUUID()}`;
  private readonly subscriptions = new Set<KurrentCatchUpSubscription>();
  private snapshotStore: SnapshotStore | undefined;
  private closed = false;

  /**
   * Connects with a `kurrentdb://` (or legacy `esdb://`) connection string, one host or
   * several; the client parses it here and connects lazily, on first use.
   */
  static connect(url: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(kurrentDbDriver().KurrentDBClient.connectionString(url), options);
  }

  constructor(
    private readonly client: KurrentClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.notReadyRetry = { ...DEFAULT_NOT_READY_RETRY, ...options.notReadyRetry };
    this.pageSize = Math.max(2, options.readAllPageSize ?? 500);
    this.pingDeadlineMs = options.pingDeadlineMs ?? DEFAULT_PING_DEADLINE_MS;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, expected);
    const data = events.map(toEventData);
    let result;
    try {
      // Safe to repeat: the server stores an event id once per stream.
      result = await this.whenReady(`append to ${streamId}`, () =>
        this.client.appendToStream(streamId, data, { streamState: toStreamState(expected) }),
      );
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
    try {
      return await this.whenReady(`read ${streamId}`, async () => {
        const events: RecordedEvent[] = [];
        const read = this.client.readStream(streamId, {
          direction: backwards ? 'backwards' : 'forwards',
          fromRevision: options.fromRevision ?? (backwards ? 'end' : 'start'),
          ...(maxCount === undefined ? {} : { maxCount }),
        });
        await consume(read, (resolved) => {
          if (resolved.event) events.push(toRecordedEvent(resolved.event, resolved.commitPosition));
          return true;
        });
        return events;
      });
    } catch (error) {
      if (errorType(error) === 'stream-not-found') return [];
      throw toPortError(error, `read ${streamId}`);
    }
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
        const from = after;
        const page = await this.whenReady('read $all', async () => {
          const found: RecordedEvent[] = [];
          let seen = 0;
          let last: Position | undefined;
          const read = this.client.readAll({
            direction: 'forwards',
            fromPosition: from ?? 'start',
            maxCount: this.pageSize,
          });
          await consume(read, (resolved) => {
            seen++;
            const event = resolved.event;
            if (!event?.position) return true;
            last = event.position;
            if (from && comparePositions(event.position, from) <= 0) return true;
            if (isHiddenEvent(event)) return true;
            found.push(toRecordedEvent(event));
            // Stop reading (and close the call) as soon as the caller has enough.
            return events.length + found.length < maxCount;
          });
          return { found, seen, last };
        });
        events.push(...page.found);
        if (events.length >= maxCount || page.seen < this.pageSize || !page.last) return events;
        after = page.last;
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

  /**
   * Reads one event of a stream that does not exist: "not found" is an answer, so the
   * server is up. Gives up after `pingDeadlineMs` (the client's own deadline is passed
   * too, but 1.x reads do not honour it).
   */
  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readStream(this.pingStream, {
      direction: 'forwards',
      fromRevision: 'start',
      maxCount: 1,
      deadline: this.pingDeadlineMs,
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), this.pingDeadlineMs);
    });
    const first = read.next();
    // If the deadline wins, this step settles later and nobody awaits it.
    first.catch(() => undefined);
    try {
      const outcome = await Promise.race([first, deadline]);
      if (outcome === 'deadline') {
        throw new EventStoreUnavailableError(
          `KurrentDB did not answer within the ${this.pingDeadlineMs} ms ping deadline`,
          true,
        );
      }
    } catch (error) {
      if (error instanceof EventStoreUnavailableError) throw error;
      if (errorType(error) === 'stream-not-found') return;
      throw new EventStoreUnavailableError(`KurrentDB does not answer: ${messageOf(error)}`, true, error);
    } finally {
      clearTimeout(timer);
      void closeRead(read);
    }
  }

  /** The SnapshotStore port on the same server and client (`snapshot-<streamId>` streams, see that file). */
  snapshots(): SnapshotStore {
    return (this.snapshotStore ??= new KurrentDbSnapshotStore(this.client, () => this.assertOpen()));
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

  /** Runs `attempt` again while the server says it is not ready or too busy, a bounded number of times. */
  private async whenReady<T>(what: string, attempt: () => Promise<T>): Promise<T> {
    const policy = this.notReadyRetry;
    for (let tried = 1; ; tried++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isNotReady(error)) throw error;
        if (tried >= policy.attempts) {
          throw new EventStoreUnavailableError(
            `KurrentDB ${what}: ${messageOf(error)} (still after ${tried} tries)`,
            true,
            error,
          );
        }
        // Full jitter: many processes refused at the same moment should not return together.
        const cap = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (tried - 1));
        await sleep(Math.random() * cap);
        this.assertOpen();
      }
    }
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
        if (!event?.position || isHiddenEvent(event)) continue;
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

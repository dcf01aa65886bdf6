/**
 * The delivery reactor: a checkpointed catch-up subscription to all events that
 * turns each event needing a message into a job whose id is the event id. A
 * replay, a crash between an add and the checkpoint, or two reactors racing add
 * nothing twice: the queue keeps a job id for as long as it retains completed
 * jobs, and the reactor does not deliver events older than that (`maxAgeMs`), so
 * a lost checkpoint can never resend last year's mail. Events a tool brought in
 * (`metadata.imported`: seeded or imported history) are never delivered at all.
 *
 * Jobs are added in batches (`addMany`: one round trip or one commit for up to
 * `batchSize` jobs): the handler only collects an event's job and returns, and the
 * batch is stored when it is full or when the subscription pauses (the end of a
 * page, a quiet moment), whichever comes first. One job per round trip held the
 * whole pipeline to the latency of two Redis calls per event.
 *
 * The position the reactor reports and checkpoints is that of the last event
 * whose job is stored (events needing no job count as stored once the jobs before
 * them are). The checkpoint is written after the jobs are stored, every
 * `checkpointEvery` events or `checkpointIntervalMs`, and at stop: after a crash
 * the reactor re-reads at most that much, and the duplicates are recognised by id.
 * When a batch fails for good, the reactor resubscribes from that position, so the
 * events of the lost batch are read and added again.
 *
 * When the queue cannot be reached, the reactor waits and tries the same event
 * again (it never skips one); when the subscription fails, it logs and
 * resubscribes from its checkpoint. The one event it passes is one the store cannot
 * read at all (UnreadableEventError: a damaged row): no message could be made from
 * it, and waiting on it would stop every later code and notice for everyone. The
 * events before it in its page are read one at a time and delivered, the row is
 * logged by stream, revision and event id and counted
 * (`delivery_events_unreadable_total`), and the reactor goes on after it.
 */
import {
  type EventStore,
  isUnreadableEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
  type UnreadableEventError,
} from '@portal/event-store';
import { DEFAULT_COMPLETED_RETENTION_MS, type JobQueue, type JobQueueName, MAX_ADD_MANY } from '@portal/jobs';
import type { Logger, Metrics } from '@portal/observability';
import type { CheckpointStore } from './checkpoints';
import { type Delivery, deliveryFor } from './deliveries';

export interface DeliveryReactorOptions {
  /** The checkpoint's name. */
  name?: string;
  /** Events recorded longer ago than this are not delivered. Default: the queue's completed-job retention (7 days). */
  maxAgeMs?: number;
  checkpointEvery?: number;
  /** Most jobs stored in one `addMany` call. Default 256, at most the port's `MAX_ADD_MANY`. */
  batchSize?: number;
  checkpointIntervalMs?: number;
  /** Wait before resubscribing after the subscription failed. */
  resubscribeDelayMs?: number;
  /** Longest wait between two tries of an add while the queue is down. */
  maxRetryDelayMs?: number;
  metrics?: Metrics;
  now?: () => number;
}

export class DeliveryReactor {
  private subscription?: Subscription;
  /** The last event whose job (if any) is stored. */
  private position?: Position;
  /** The last event handed to the reactor: its job may still wait in `pending`. */
  private handled?: Position;
  private pending: Delivery[] = [];
  private pendingEvents = 0;
  /** When the oldest event collected in `pending` was recorded (ms), if any. */
  private waitingSince?: number;
  /** The same, for the batch being stored. */
  private storingSince?: number;
  private storing: Promise<void> = Promise.resolve();
  private storeScheduled = false;
  /** Bumped on every (re)subscription, so a batch of an abandoned subscription changes nothing. */
  private generation = 0;
  private readonly batchSize: number;
  private saved?: Position;
  private sinceSave = 0;
  private lastSaveAt = 0;
  private flushTimer?: NodeJS.Timeout;
  private resubscribeTimer?: NodeJS.Timeout;
  private stopping = false;
  private wakeSleepers = new Set<() => void>();
  private readonly name: string;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly counters;
  /** Why the subscription last stopped on its own, until it runs again (for readiness). */
  failure?: string;

  constructor(
    private readonly store: EventStore,
    private readonly jobs: JobQueue,
    private readonly checkpoints: CheckpointStore,
    private readonly logger: Logger,
    private readonly options: DeliveryReactorOptions = {},
  ) {
    this.name = options.name ?? 'delivery-reactor';
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_COMPLETED_RETENTION_MS;
    this.now = options.now ?? Date.now;
    this.batchSize = options.batchSize ?? 256;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > MAX_ADD_MANY)
      throw new RangeError(`Reactor option batchSize must be an integer from 1 to ${MAX_ADD_MANY}`);
    const m = options.metrics;
    m?.sampledGauge(
      'delivery_reactor_lag_seconds',
      'Seconds since the oldest event whose job is not yet stored was recorded; 0 when none waits',
      () => {
        const since = Math.min(this.waitingSince ?? Infinity, this.storingSince ?? Infinity);
        return since === Infinity ? 0 : Math.max(0, this.now() - since) / 1000;
      },
    );
    this.counters = m && {
      duplicate: m.counter(
        'delivery_jobs_duplicate_total',
        'Events the reactor saw again whose job already existed (replays), by queue',
        ['queue'],
      ),
      stale: m.counter('delivery_events_too_old_total', 'Events past maxAgeMs the reactor did not deliver'),
      unreadable: m.counter(
        'delivery_events_unreadable_total',
        'Events the store could not read back, which the reactor passed (logged by stream, revision and id)',
      ),
    };
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.saved = this.position = await this.checkpoints.load(this.name);
    this.subscribe();
    this.flushTimer = setInterval(() => void this.flush().catch(() => undefined), 1000);
    this.flushTimer.unref();
  }

  /** The position of the last event handled (its job stored, or no job needed). */
  get lastPosition(): Position | undefined {
    return this.position;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.flushTimer);
    clearTimeout(this.resubscribeTimer);
    for (const wake of this.wakeSleepers) wake();
    await this.subscription?.stop();
    // The subscription handed over its last events: store their batch before the final checkpoint.
    // With the queue down, they stay unstored and before the checkpoint: the next start reads them again.
    await this.storePending().catch(() => undefined);
    await this.flush();
  }

  private subscribe(): void {
    const generation = ++this.generation;
    // Whatever was collected and not stored is read again from `position`.
    this.pending = [];
    this.pendingEvents = 0;
    this.waitingSince = undefined;
    this.storingSince = undefined;
    this.handled = this.position;
    this.subscription = this.store.subscribeToAll((event) => this.handle(event, generation), {
      after: this.position,
      onError: (error) => this.failed(error, generation),
    });
  }

  /** The subscription stopped, or a batch stored in the background failed: start again from `position`. */
  private failed(error: Error, generation: number): void {
    if (this.stopping || generation !== this.generation) return;
    this.generation++;
    if (isUnreadableEvent(error)) {
      const subscription = this.subscription;
      void (subscription?.stop() ?? Promise.resolve())
        .then(() => this.passUnreadable(error))
        .then(
          () => {
            if (!this.stopping) this.subscribe();
          },
          (failure: unknown) =>
            this.failed(failure instanceof Error ? failure : new Error(String(failure)), this.generation),
        );
      return;
    }
    this.failure = error.name;
    this.logger.error(
      { reactor: this.name, errorName: error.name, error: error.message },
      'delivery reactor stopped; resubscribing from its checkpoint',
    );
    const subscription = this.subscription;
    this.resubscribeTimer = setTimeout(() => {
      if (this.stopping) return;
      // A background failure leaves the subscription running: stop it before reading again.
      void (subscription?.stop() ?? Promise.resolve()).finally(() => {
        if (this.stopping) return;
        this.failure = undefined;
        this.subscribe();
      });
    }, this.options.resubscribeDelayMs ?? 5000);
  }

  private handle(event: RecordedEvent, generation: number): Promise<void> | undefined {
    if (generation !== this.generation) throw new Error('This subscription was abandoned');
    const delivery = deliveryFor(event);
    if (delivery) {
      const age = this.now() - Date.parse(event.recordedAt);
      if (age > this.maxAgeMs) {
        this.counters?.stale.inc();
        this.logger.warn(
          { reactor: this.name, eventId: event.id, eventType: event.type },
          'event too old to deliver safely; skipped',
        );
      } else {
        this.waitingSince ??= Date.parse(event.recordedAt);
        this.pending.push(delivery);
      }
    }
    this.handled = event.position;
    this.pendingEvents++;
    // A full batch holds the subscription until it is stored: memory stays bounded and a
    // failure reaches the subscription, which stops and is resubscribed from `position`.
    if (this.pending.length >= this.batchSize) return this.storePending();
    if (!this.storeScheduled) {
      this.storeScheduled = true;
      // Runs once the subscription yields (end of a page, or waiting for new events).
      setImmediate(() => {
        this.storeScheduled = false;
        this.storePending().catch((error: unknown) =>
          this.failed(error instanceof Error ? error : new Error(String(error)), generation),
        );
      });
    }
    return undefined;
  }

  /**
   * Delivers the events between `position` and the unreadable one, read one at a time
   * (their page could not be read whole), then moves past it. A store or queue failure
   * here rejects: the caller goes back to resubscribing from the checkpoint.
   */
  private async passUnreadable(error: UnreadableEventError): Promise<void> {
    const generation = this.generation;
    this.pending = [];
    this.pendingEvents = 0;
    this.handled = this.position;
    for (;;) {
      let next: RecordedEvent | undefined;
      try {
        [next] = await this.store.readAll({ ...(this.handled ? { after: this.handled } : {}), maxCount: 1 });
      } catch (again) {
        if (!isUnreadableEvent(again)) throw again;
        this.counters?.unreadable.inc();
        this.logger.error(
          {
            reactor: this.name,
            streamId: again.streamId,
            revision: again.revision.toString(),
            eventId: again.eventId,
            problem: again.problem,
          },
          `delivery reactor: event ${again.eventId} at ${again.streamId} revision ${again.revision} cannot be read; passed without a message`,
        );
        this.handled = again.position;
        this.pendingEvents++;
        break;
      }
      // Read up to the end without meeting it: nothing to pass (it was repaired meanwhile).
      if (!next) break;
      await this.handle(next, generation);
      if (next.position.commit >= error.position.commit) break;
    }
    await this.storePending();
    await this.flush();
  }

  /** Stores what was collected so far, after any batch already being stored; then moves `position`. */
  private storePending(): Promise<void> {
    const generation = this.generation;
    this.storing = this.storing
      .catch(() => undefined)
      .then(async () => {
        if (generation !== this.generation) return;
        const batch = this.pending;
        const upTo = this.handled;
        const events = this.pendingEvents;
        this.pending = [];
        this.pendingEvents = 0;
        this.storingSince = this.waitingSince;
        this.waitingSince = undefined;
        if (batch.length > 0) await this.enqueue(batch);
        // After a failure the batch is read again from `position`: subscribe() clears this then.
        this.storingSince = undefined;
        if (generation !== this.generation || upTo === undefined) return;
        this.position = upTo;
        this.sinceSave += events;
        if (
          this.sinceSave >= (this.options.checkpointEvery ?? 500) ||
          this.now() - this.lastSaveAt >= (this.options.checkpointIntervalMs ?? 1000)
        )
          await this.flush();
      });
    return this.storing;
  }

  private async enqueue(batch: Delivery[]): Promise<void> {
    const byQueue = new Map<JobQueueName, Delivery[]>();
    for (const d of batch) {
      const list = byQueue.get(d.queue);
      if (list) list.push(d);
      else byQueue.set(d.queue, [d]);
    }
    for (const [queue, deliveries] of byQueue) await this.enqueueMany(queue, deliveries);
  }

  private async enqueueMany(queue: JobQueueName, deliveries: Delivery[]): Promise<void> {
    let outage = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await this.jobs.addMany(
          queue,
          deliveries.map((d) => ({ jobId: d.jobId, payload: d.payload })),
        );
        // Jobs added are not counted: a job is made only for an account that exists, so the count
        // would tell a reader of /metrics which ones do. A duplicate comes from a replay, not a request.
        for (const { duplicate } of results) if (duplicate) this.counters?.duplicate.inc({ queue });
        if (outage) this.logger.warn({ reactor: this.name }, 'delivery reactor: the job queue answers again');
        return;
      } catch (error) {
        const e = error as { code?: unknown; retryable?: unknown; message?: unknown };
        if (this.stopping || e.code !== 'JOB_QUEUE_UNAVAILABLE' || e.retryable !== true) throw error;
        if (!outage)
          this.logger.error(
            { reactor: this.name, jobs: deliveries.length, error: String(e.message) },
            'delivery reactor: cannot add jobs; retrying the same events until the queue answers',
          );
        outage = true;
        await this.sleep(Math.min(100 * 2 ** Math.min(attempt, 10), this.options.maxRetryDelayMs ?? 5000));
      }
    }
  }

  private async flush(): Promise<void> {
    const position = this.position;
    this.lastSaveAt = this.now();
    if (!position || position === this.saved) return;
    this.sinceSave = 0;
    await this.checkpoints.save(this.name, position);
    this.saved = position;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeSleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeSleepers.add(wake);
    });
  }
}

/**
 * The delivery reactor: a checkpointed catch-up subscription to all events that
 * turns each event needing a message into a job whose id is the event id. A
 * replay, a crash between an add and the checkpoint, or two reactors racing add
 * nothing twice: the queue keeps a job id for as long as it retains completed
 * jobs, and the reactor does not deliver events older than that (`maxAgeMs`), so
 * a lost checkpoint can never resend last year's mail.
 *
 * The checkpoint is written after the jobs are stored, every `checkpointEvery`
 * events or `checkpointIntervalMs`, and at stop: after a crash the reactor
 * re-reads at most that much, and the duplicates are recognised by id.
 *
 * When the queue cannot be reached, the reactor waits and tries the same event
 * again (it never skips one); when the subscription fails, it logs and
 * resubscribes from its checkpoint.
 */
import type { EventStore, Position, RecordedEvent, Subscription } from '@portal/event-store';
import { DEFAULT_COMPLETED_RETENTION_MS, type JobQueue } from '@portal/jobs';
import type { Logger, Metrics } from '@portal/observability';
import type { CheckpointStore } from './checkpoints';
import { type Delivery, deliveryFor } from './deliveries';

export interface DeliveryReactorOptions {
  /** The checkpoint's name. */
  name?: string;
  /** Events recorded longer ago than this are not delivered. Default: the queue's completed-job retention (7 days). */
  maxAgeMs?: number;
  checkpointEvery?: number;
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
  private position?: Position;
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
    const m = options.metrics;
    this.counters = m && {
      enqueued: m.counter('delivery_jobs_enqueued_total', 'Jobs added by the delivery reactor, by queue', [
        'queue',
      ]),
      duplicate: m.counter(
        'delivery_jobs_duplicate_total',
        'Events the reactor saw again whose job already existed (replays), by queue',
        ['queue'],
      ),
      stale: m.counter('delivery_events_too_old_total', 'Events past maxAgeMs the reactor did not deliver'),
      lag: m.gauge('delivery_reactor_lag_seconds', 'Age of the last event the delivery reactor handled'),
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
    await this.flush();
  }

  private subscribe(): void {
    this.subscription = this.store.subscribeToAll((event) => this.handle(event), {
      after: this.position,
      onError: (error) => {
        if (this.stopping) return;
        this.failure = error.name;
        this.logger.error(
          { reactor: this.name, errorName: error.name, error: error.message },
          'delivery reactor stopped; resubscribing from its checkpoint',
        );
        this.resubscribeTimer = setTimeout(() => {
          if (this.stopping) return;
          this.failure = undefined;
          this.subscribe();
        }, this.options.resubscribeDelayMs ?? 5000);
      },
    });
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const delivery = deliveryFor(event);
    if (delivery) {
      const age = this.now() - Date.parse(event.recordedAt);
      this.counters?.lag.set(Math.max(0, age) / 1000);
      if (age > this.maxAgeMs) {
        this.counters?.stale.inc();
        this.logger.warn(
          { reactor: this.name, eventId: event.id, eventType: event.type },
          'event too old to deliver safely; skipped',
        );
      } else {
        await this.enqueue(delivery);
      }
    }
    this.position = event.position;
    this.sinceSave++;
    if (
      this.sinceSave >= (this.options.checkpointEvery ?? 500) ||
      this.now() - this.lastSaveAt >= (this.options.checkpointIntervalMs ?? 1000)
    )
      await this.flush();
  }

  private async enqueue(d: Delivery): Promise<void> {
    let outage = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const { duplicate } = await this.jobs.add(d.queue, d.jobId, d.payload);
        (duplicate ? this.counters?.duplicate : this.counters?.enqueued)?.inc({ queue: d.queue });
        if (outage) this.logger.warn({ reactor: this.name }, 'delivery reactor: the job queue answers again');
        return;
      } catch (error) {
        const e = error as { code?: unknown; retryable?: unknown; message?: unknown };
        if (this.stopping || e.code !== 'JOB_QUEUE_UNAVAILABLE' || e.retryable !== true) throw error;
        if (!outage)
          this.logger.error(
            { reactor: this.name, jobId: d.jobId, error: String(e.message) },
            'delivery reactor: cannot add a job; retrying the same event until the queue answers',
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

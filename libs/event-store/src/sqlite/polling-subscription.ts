/**
 * Catch-up subscription over a store whose events carry a gap-free, commit-ordered
 * global sequence (the SQLite adapter's `seq`). It reads pages strictly after the
 * last handled position until a page comes back empty, then sleeps until the store
 * reports a local commit or the poll timer fires; the timer is what notices events
 * committed by another process on the same file. Catch-up and live delivery are the
 * same loop, so the switch between them can neither skip nor repeat an event.
 */
import type {
  EventHandler,
  Position,
  RecordedEvent,
  Subscription,
  SubscribeOptions,
} from '../event-store.port';

export interface SequencedSource {
  /** Events with a sequence number strictly greater than `after`, oldest first. Synchronous. */
  readAfter(after: bigint, limit: number): RecordedEvent[];
}

export interface PollingSubscriptionOptions extends SubscribeOptions {
  pollIntervalMs: number;
  pageSize: number;
  /** Called once the loop has ended, whatever the reason. */
  onEnd: (subscription: PollingSubscription) => void;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class PollingSubscription implements Subscription {
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private position: Position | undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly source: SequencedSource,
    private readonly handler: EventHandler,
    private readonly options: PollingSubscriptionOptions,
  ) {
    this.position = options.after;
    this.done = this.run();
  }

  get lastPosition(): Position | undefined {
    return this.position;
  }

  /** A commit happened: an idle subscription reads again at once instead of waiting for its timer. */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.done;
  }

  private async run(): Promise<void> {
    const { pageSize } = this.options;
    let after = this.position?.commit ?? -1n;
    try {
      while (!this.stopped) {
        const page = this.source.readAfter(after, pageSize);
        if (page.length === 0) {
          await this.idle();
          continue;
        }
        for (const event of page) {
          if (this.stopped) return;
          // Await only what is awaitable, so a synchronous handler costs no microtask turn per event.
          const pending = this.handler(event);
          if (pending) await pending;
          this.position = event.position;
          after = event.position.commit;
        }
        // A handler that never awaits would otherwise starve timers and I/O during a long catch-up.
        await yieldToEventLoop();
      }
    } catch (error) {
      this.stopped = true;
      const failure = error instanceof Error ? error : new Error(String(error));
      if (this.options.onError) this.options.onError(failure);
      else process.emitWarning(failure);
    } finally {
      this.stopped = true;
      this.options.onEnd(this);
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, this.options.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

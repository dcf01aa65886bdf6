/**
 * Appends records to append-only streams (staff access records, refusals) as fast
 * as requests arrive, without losing one or breaking the hash chain.
 *
 * Per stream, one append is in flight at a time in this process; records that
 * arrive meanwhile wait and go together as the next append (one multi-event
 * append, one fsync), so a staff member's hundred parallel requests cost a few
 * appends, not a hundred conflicting ones. Each append is chained after the
 * stream's last event (`chain()` from libs/command) and carries that event's
 * revision as the expected revision: a writer in another process that got there
 * first makes this one read the tail again and re-chain, never fork the chain.
 * The tail is remembered between appends, so while this process is the stream's
 * only writer nothing is read at all; it never reads more than the last event.
 *
 * A caller's promise resolves once its record is stored, and rejects with the
 * error of the append that carried it: nothing is dropped silently.
 */
import { chain, ConcurrencyExhaustedError, GENESIS_HASH } from '@portal/command';
import {
  type AppendResult,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type NewEvent,
  WrongExpectedRevisionError,
} from '@portal/event-store';

export interface ChainedAppenderOptions {
  store: EventStore;
  /** Most events in one append. */
  maxBatch?: number;
  /** Appends tried before giving up on a stream other processes keep changing. */
  maxAttempts?: number;
  /** Retries of one append the store could not confirm (same event ids, so a retry cannot duplicate). */
  unavailableRetries?: number;
  /** Called after every append that landed (tests, metrics). */
  onAppended?: (streamId: string, events: NewEvent[]) => void;
  /** Called when another writer had appended first. */
  onConflict?: (streamId: string) => void;
}

interface Tail {
  revision: bigint | 'no_stream';
  hash: string;
}

interface Waiting {
  event: NewEvent;
  resolve(): void;
  reject(error: unknown): void;
}

interface StreamQueue {
  waiting: Waiting[];
  flushing?: Promise<void>;
  tail?: Tail;
}

export class ChainedAppender {
  private readonly streams = new Map<string, StreamQueue>();
  private readonly maxBatch: number;
  private readonly maxAttempts: number;
  private readonly unavailableRetries: number;

  constructor(private readonly options: ChainedAppenderOptions) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.unavailableRetries = options.unavailableRetries ?? 3;
  }

  /** Resolves when `event` is stored at the end of `streamId`, chained to the event before it. */
  append(streamId: string, event: NewEvent): Promise<void> {
    let queue = this.streams.get(streamId);
    if (!queue) {
      queue = { waiting: [] };
      this.streams.set(streamId, queue);
    }
    const stored = new Promise<void>((resolve, reject) => queue.waiting.push({ event, resolve, reject }));
    queue.flushing ??= this.flush(streamId, queue);
    return stored;
  }

  /** Resolves when every record handed over so far has been stored or refused. */
  async drain(): Promise<void> {
    for (;;) {
      const busy = [...this.streams.values()].map((q) => q.flushing).filter((f) => f !== undefined);
      if (busy.length === 0) return;
      await Promise.all(busy);
    }
  }

  private async flush(streamId: string, queue: StreamQueue): Promise<void> {
    // Records handed over in this same turn (a Promise.all of requests) join the first append.
    await Promise.resolve();
    try {
      while (queue.waiting.length > 0) {
        const batch = queue.waiting.splice(0, this.maxBatch);
        try {
          await this.appendChained(
            streamId,
            queue,
            batch.map((w) => w.event),
          );
          for (const w of batch) w.resolve();
        } catch (error) {
          queue.tail = undefined;
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      queue.flushing = undefined;
    }
  }

  private async appendChained(streamId: string, queue: StreamQueue, events: NewEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const tail = queue.tail ?? (await this.readTail(streamId));
      const chained = chain(events, tail.hash);
      try {
        const result = await this.appendWithRetry(streamId, chained, tail.revision);
        queue.tail = { revision: result.nextRevision, hash: chained[chained.length - 1].metadata.hash! };
        this.options.onAppended?.(streamId, chained);
        return;
      } catch (error) {
        queue.tail = undefined;
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.options.onConflict?.(streamId);
        if (attempt >= this.maxAttempts) throw new ConcurrencyExhaustedError(streamId, attempt);
        // Writers in several processes that collided should not collide again in lockstep.
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  private async readTail(streamId: string): Promise<Tail> {
    const [last] = await this.options.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last
      ? { revision: last.revision, hash: last.metadata.hash ?? GENESIS_HASH }
      : { revision: 'no_stream', hash: GENESIS_HASH };
  }

  private async appendWithRetry(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.options.store.append(streamId, events, expected);
      } catch (error) {
        // The append may have landed before the answer was lost; the same ids make the retry a no-op then.
        if (
          error instanceof EventStoreUnavailableError &&
          error.retryable &&
          attempt < this.unavailableRetries
        ) {
          await sleep(50 * 4 ** attempt * (0.5 + Math.random()));
          continue;
        }
        throw error;
      }
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

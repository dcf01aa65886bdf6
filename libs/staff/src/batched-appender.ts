/**
 * Appends records to append-only streams (staff access records, refusals) as fast
 * as requests arrive, without losing one, through the one command pipeline
 * (`handleCommand` in libs/command), which chains them and retries.
 *
 * Per stream, one append is in flight at a time in this process; records that
 * arrive meanwhile wait and go together as the next command (one multi-event
 * append, one fsync), so a staff member's hundred parallel requests cost a few
 * appends, not a hundred conflicting ones. Each record keeps its own request's
 * metadata (the codec hands its context to the pipeline). The stream's head (last
 * revision and hash) is remembered between appends, so a command reads only the
 * events after it: while this process is the stream's only writer, the last event
 * alone. A writer in another process that got there first makes the pipeline read
 * what it wrote and chain after it, never fork the chain.
 *
 * A caller's promise resolves once its record is stored, and rejects with the
 * error of the append that carried it: nothing is dropped silently.
 */
import {
  type CommandContext,
  GENESIS_HASH,
  handleCommand,
  KeyedMutex,
  type Loaded,
  type PipelineDeps,
  type StreamCodec,
} from '@portal/command';
import type { Decider } from '@portal/domain';
import type { EventStore, JsonObject, NewEvent } from '@portal/event-store';

/** A record to append: its event, and the request it was made in (its metadata). */
export interface AppendRecord {
  type: string;
  data: JsonObject;
  context: CommandContext;
}

export interface BatchedAppenderOptions {
  store: EventStore;
  /** Most events in one append. */
  maxBatch?: number;
  /** Appends tried before giving up on a stream other processes keep changing. */
  maxAttempts?: number;
  /** Retries of one append the store could not confirm (same event ids, so a retry cannot duplicate). */
  unavailableRetries?: number;
  newEventId?: () => string;
  /** Called after every append that landed (tests, metrics). */
  onAppended?: (streamId: string, events: NewEvent[]) => void;
  /** Called when another writer had appended first. */
  onConflict?: (streamId: string) => void;
}

interface Waiting {
  record: AppendRecord;
  resolve(): void;
  reject(error: unknown): void;
}

interface StreamQueue {
  waiting: Waiting[];
  flushing?: Promise<void>;
  /** The stream's head after this process's last append. */
  head?: Loaded<null>;
}

/** Records are appended as they come: no state, no invariant, only the chain the pipeline keeps. */
const appendAll: Decider<AppendRecord[], AppendRecord, null> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (records) => ({ events: records }),
};

const recordCodec: StreamCodec<AppendRecord> = {
  encode: async (_streamId, record) => ({
    type: record.type,
    data: record.data,
    schemaVersion: 1,
    context: record.context,
  }),
  // Folded by an evolve that ignores it: nothing to decode.
  decode: async (event) => ({ type: event.type, data: event.data, context: undefined as never }),
};

export class BatchedAppender {
  private readonly streams = new Map<string, StreamQueue>();
  private readonly maxBatch: number;
  private readonly pipeline: PipelineDeps<AppendRecord, null>;

  constructor(private readonly options: BatchedAppenderOptions) {
    this.maxBatch = options.maxBatch ?? 500;
    this.pipeline = {
      store: options.store,
      codec: recordCodec,
      // Its own: the queue already keeps one append per stream in flight.
      mutex: new KeyedMutex(),
      maxAttempts: options.maxAttempts ?? 20,
      unavailableRetries: options.unavailableRetries ?? 3,
      ...(options.newEventId ? { newEventId: options.newEventId } : {}),
      ...(options.onAppended ? { onAppended: options.onAppended } : {}),
      ...(options.onConflict ? { onConflict: options.onConflict } : {}),
    };
  }

  /** Resolves when `record` is stored at the end of `streamId`, chained to the event before it. */
  append(streamId: string, record: AppendRecord): Promise<void> {
    let queue = this.streams.get(streamId);
    if (!queue) {
      queue = { waiting: [] };
      this.streams.set(streamId, queue);
    }
    const stored = new Promise<void>((resolve, reject) => queue.waiting.push({ record, resolve, reject }));
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
          const records = batch.map((w) => w.record);
          const from = queue.head ?? (await this.headOf(streamId));
          // The context of the command is the first record's; each event carries its own (the codec's).
          const result = await handleCommand(
            this.pipeline,
            streamId,
            appendAll,
            records,
            records[0].context,
            from,
          );
          queue.head = { state: null, expected: result.revision, lastHash: result.lastHash, folded: 0 };
          for (const w of batch) w.resolve();
        } catch (error) {
          queue.head = undefined;
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      queue.flushing = undefined;
    }
  }

  /** The stream's last event, read alone: where the first append of this process starts. */
  private async headOf(streamId: string): Promise<Loaded<null>> {
    const [last] = await this.options.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last
      ? { state: null, expected: last.revision, lastHash: last.metadata.hash ?? GENESIS_HASH, folded: 0 }
      : { state: null, expected: 'no_stream', lastHash: GENESIS_HASH, folded: 0 };
  }
}

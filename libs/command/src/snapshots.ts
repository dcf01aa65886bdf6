/**
 * Snapshots for the command pipeline, so that what a command reads is bounded: a
 * stream's folded state at some revision, kept in a SnapshotStore (libs/event-store),
 * from which `load` folds only the events after it.
 *
 * A snapshot is a cache and is never trusted over the events:
 * - one of another schema version (the codec's `version`, which must change whenever
 *   `evolve` or the upcasters do) is ignored;
 * - one that cannot be opened (its account's key was erased) or read is ignored;
 * - one whose revision's event does not carry its `lastHash` (not the stream it claims
 *   to be, or planted) is ignored;
 * and the stream is then replayed from its first event, and a fresh snapshot written.
 *
 * Writing never delays or fails a command: after a load that folded `every` events or
 * more, the folded state (exactly what the events gave, never a state computed from a
 * decision not yet read back) is sealed and written in the background, at most one
 * write in flight per stream; a failure is reported to `onError` and counted.
 */
import type { SnapshotStore } from '@portal/event-store';

/** How a stream's state becomes a snapshot's `state` text and back (serialised, then sealed). */
export interface SnapshotCodec<S> {
  /** Changes whenever the folded state's meaning or shape does: a snapshot of any other version is ignored. */
  readonly version: string;
  /** The sealed text; undefined when this state must not be snapshotted (nothing to seal it with). */
  encode(streamId: string, state: S): Promise<string | undefined>;
  /** The state; undefined when the text can no longer be opened (its key was erased). Throws when damaged. */
  decode(streamId: string, text: string): Promise<S | undefined>;
}

/** A folded state and where in its stream it stands. */
export interface Loaded<S> {
  state: S;
  /** The revision of the last event folded ('no_stream' for none). */
  expected: bigint | 'no_stream';
  /** That event's hash (the chain's head). */
  lastHash: string;
  /** Events read and folded by the load that produced this (the snapshot's tail, or the whole stream). */
  folded: number;
}

export type SnapshotOutcome = 'used' | 'none' | 'stale' | 'unopenable' | 'mismatch' | 'failed';

export interface SnapshotOptions {
  /** A load that folded at least this many events writes a snapshot (50). */
  every?: number;
  /** A read or write failed (the command went on without it). No state or personal value is in the error. */
  onError?: (streamId: string, error: unknown) => void;
  /** What a load made of the stream's snapshot (metrics, tests). */
  onLoad?: (streamId: string, outcome: SnapshotOutcome) => void;
  onWritten?: (streamId: string, revision: bigint) => void;
  now?: () => Date;
  /**
   * false: start from snapshots, never write one (`reader()`): for a load whose codec opens only
   * some personal fields, whose state must never become a snapshot.
   */
  write?: boolean;
}

export class Snapshots<S> {
  readonly every: number;
  /** Counts since start, for metrics and tests. */
  readonly counts = { written: 0, failed: 0, skipped: 0 };
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    readonly store: SnapshotStore,
    readonly codec: SnapshotCodec<S>,
    private readonly options: SnapshotOptions = {},
  ) {
    this.every = options.every ?? 50;
    if (!Number.isSafeInteger(this.every) || this.every < 1)
      throw new RangeError(`Snapshots: every must be a positive integer, got ${String(options.every)}`);
  }

  /**
   * The same snapshots for a reader that folds the events after one with a partial codec (the
   * delivery worker opens only the fields its messages use): it starts from them, never writes one.
   */
  reader(): Snapshots<S> {
    return new Snapshots(this.store, this.codec, { ...this.options, write: false });
  }

  /** The stream's snapshot as a starting point, if there is one of this version that opens. */
  async start(streamId: string): Promise<Omit<Loaded<S>, 'folded'> | undefined> {
    let outcome: SnapshotOutcome | undefined = 'none';
    try {
      const snapshot = await this.store.read(streamId);
      if (!snapshot) return undefined;
      outcome = 'stale';
      if (snapshot.version !== this.codec.version) return undefined;
      outcome = 'unopenable';
      const state = await this.codec.decode(streamId, snapshot.state);
      if (state === undefined) return undefined;
      // `load` says whether it was used, once it has checked the snapshot against the stream.
      outcome = undefined;
      return { state, expected: snapshot.revision, lastHash: snapshot.lastHash };
    } catch (error) {
      outcome = 'failed';
      this.fail(streamId, error);
      return undefined;
    } finally {
      if (outcome) this.options.onLoad?.(streamId, outcome);
    }
  }

  /**
   * What `load` made of the start `start` gave: `used`, or `mismatch` when the revision
   * it names does not carry its hash (the replay then replaces it).
   */
  checked(streamId: string, outcome: 'used' | 'mismatch'): void {
    this.options.onLoad?.(streamId, outcome);
  }

  /** Starts a background write of `loaded` when its load folded enough events, unless one is in flight. */
  afterLoad(streamId: string, loaded: Loaded<S>): void {
    if (this.options.write === false) return;
    if (loaded.folded < this.every || loaded.expected === 'no_stream' || this.inFlight.has(streamId)) return;
    const revision = loaded.expected;
    const write = (async () => {
      // Not on the command's own turn: the command goes on while this seals and stores.
      await new Promise((resolve) => setImmediate(resolve));
      const text = await this.codec.encode(streamId, loaded.state);
      if (text === undefined) {
        this.counts.skipped++;
        return;
      }
      await this.store.write(streamId, {
        revision,
        lastHash: loaded.lastHash,
        version: this.codec.version,
        state: text,
        takenAt: (this.options.now?.() ?? new Date()).toISOString(),
      });
      this.counts.written++;
      this.options.onWritten?.(streamId, revision);
    })()
      .catch((error: unknown) => this.fail(streamId, error))
      .finally(() => this.inFlight.delete(streamId));
    this.inFlight.set(streamId, write);
  }

  /** Resolves once every write started so far has settled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()]);
  }

  private fail(streamId: string, error: unknown): void {
    this.counts.failed++;
    if (this.options.onError) this.options.onError(streamId, error);
  }
}

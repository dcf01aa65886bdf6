/**
 * The projector: events → read-model documents, in batches.
 *
 * For each batch it reads the documents the events touch, folds the events in
 * order into them (skipping, per document, every event at or before the
 * document's stored position, so a replayed event changes nothing), writes the
 * changed documents, and only then saves the checkpoint. A crash between the two
 * writes re-reads a batch whose effects are already stored: the positions make
 * that a no-op.
 *
 * Live: a catch-up subscription from the active generation's checkpoint, whose
 * events are batched as they arrive (a batch closes at `batchSize` events or when
 * the subscription pauses). Rebuild: `catchUp` pages through `readAll` into a
 * fresh generation (rebuild.ts). Every second the live projector checks which
 * generation is active and follows a swap; after a failure it checks again before
 * resubscribing (its generation may have been dropped by another process).
 */
import {
  comparePositions,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@portal/event-store';
import { type Doc, type DocumentStore, type Fence, LeaseLostError, type Write } from '@portal/documents';
import type { Logger, Metrics } from '@portal/observability';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ProjectedEvent, Projection } from './model';
import { activeGeneration, checkpointName } from './generations';

export type Decode = (event: RecordedEvent) => Promise<ProjectedEvent>;

export interface ProjectorDeps {
  store: EventStore;
  docs: DocumentStore;
  decode: Decode;
  projections: readonly Projection[];
  /**
   * The lease this writer holds (the projector process's, a rebuild's): its document
   * writes and checkpoints carry it and are refused once a newer holder took over.
   */
  fence?: Fence;
  /**
   * Fills one partition of a fresh generation on another thread (`fill`): what `catchUp`
   * does with `partition`, on connections of its own. Absent: a fill runs on this thread.
   */
  fillElsewhere?: FillElsewhere;
}

/** A fill partition's share of the events (`fillPartitionOf`), and whether to stop. */
export interface FillPartitionRequest {
  generation: number;
  fence?: Fence;
  partition: FillPartition;
  batchSize: number;
  fillCacheDocs: number;
  /** Events applied so far in that partition. */
  onProgress?: (events: number) => void;
  /** Aborted: stop (a failed partition elsewhere). */
  signal?: AbortSignal;
}

export type FillElsewhere = (
  request: FillPartitionRequest,
) => Promise<{ events: number; position?: Position }>;

/** Partition `index` of `count`. */
export interface FillPartition {
  index: number;
  count: number;
}

const ACCOUNT_STREAM = 'account-';

/**
 * The fill partition an event belongs to: an account stream's events all go to one
 * partition, picked by a hash of the stream id; every other stream's to partition 0.
 * This keeps each document's events in one partition, in order, because of what the
 * projections touch (read-models.ts): `accounts` and `activations` documents only an
 * account's own events, `history_refs` and `offices` only other streams' events (the
 * fill-partitions spec checks it for every event type). Two partitions folded apart
 * then write what one fold would.
 */
export function fillPartitionOf(streamId: string, count: number): number {
  if (count <= 1 || !streamId.startsWith(ACCOUNT_STREAM)) return 0;
  let h = 0x811c9dc5; // FNV-1a
  for (let i = ACCOUNT_STREAM.length; i < streamId.length; i++) {
    h ^= streamId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % count;
}

export interface CatchUpProgress {
  events: number;
  position: Position;
  /** When the last event applied was recorded. */
  recordedAt: string;
}

/**
 * A projection whose every document is written once, by the one event its id
 * names (history: `<accountId>/<position>`), and never changed after
 * (`spec.insertOnly`). The projector does not read such documents before folding a
 * batch: a replayed event's write is to an id already stored, which the store skips.
 */
const isInsertOnly = (p: Projection): boolean => p.spec.insertOnly === true;

/**
 * Decodes a batch: one stream's events one after another, so that the first one's
 * key lookup fills the vault's cache for the others (started all at once, each
 * would look the key up again); different streams concurrently, so that a remote
 * key store is still asked in parallel.
 */
async function decodeAll(deps: ProjectorDeps, batch: readonly RecordedEvent[]): Promise<ProjectedEvent[]> {
  const events = new Array<ProjectedEvent>(batch.length);
  const byStream = new Map<string, number[]>();
  for (let i = 0; i < batch.length; i++) {
    const same = byStream.get(batch[i].streamId);
    if (same) same.push(i);
    else byStream.set(batch[i].streamId, [i]);
  }
  await Promise.all(
    Array.from(byStream.values(), async (indexes) => {
      for (const i of indexes) events[i] = await deps.decode(batch[i]);
    }),
  );
  return events;
}

type Current = { position: Position; doc: Doc | null };

/** A document the fill changed and has not written yet. */
interface Cached extends Current {
  /** Whether some version of it is in the store (written at an earlier eviction, or read back from it). */
  stored: boolean;
}

/**
 * Share of `maxDocs` a full cache writes out at once. A write of a few documents is a
 * transaction of its own, and the commit costs about as much as its rows (each one is
 * an update in a random page of the table and of its id index): writing 10% of the
 * cache at a time makes a few hundred larger transactions of the ~5,000 small ones
 * the fill of 100,000 accounts made, one per batch (bench/RESULTS.md, "Projector",
 * "Session 2026-12-07 night").
 */
const EVICT_SHARE = 0.1;

/** Evicted documents per write: one write holds the event loop about as long as a batch's fold. */
const EVICT_WRITE = 500;

/**
 * A fill's documents kept in memory between batches (rebuild, compare): while a
 * fresh generation is filled nobody reads it, so a document the events change again
 * and again (an account: ~4 writes over its life) is written once, when it leaves
 * the cache or at the end of the fill, instead of being read back and rewritten by
 * every batch that touches it. Insert-only documents (history) are written at once,
 * as they never change. Holds at most `maxDocs` between batches; once over it, the
 * least recently written go, `EVICT_SHARE` of it at once. A document deleted before
 * any version of it was written (an activation code used before it left the cache)
 * is not written at all: its tombstone would only say that a fresh generation does
 * not hold it.
 */
class FillCache {
  /** By collection, then id; each map's order is the order of last writes. */
  private readonly entries = new Map<string, Map<string, Cached>>();
  private size = 0;
  private readonly evictTo: number;

  constructor(private readonly maxDocs: number) {
    this.evictTo = Math.max(0, maxDocs - Math.ceil(maxDocs * EVICT_SHARE));
  }

  private of(collection: string): Map<string, Cached> {
    let map = this.entries.get(collection);
    if (!map) {
      map = new Map();
      this.entries.set(collection, map);
    }
    return map;
  }

  get(collection: string, id: string): Cached | undefined {
    return this.entries.get(collection)?.get(id);
  }

  put(collection: string, id: string, entry: Cached): void {
    const map = this.of(collection);
    // Re-inserted last: the map's order is the order of last writes.
    if (map.delete(id)) this.size--;
    map.set(id, entry);
    this.size++;
  }

  /** Over the bound: the least recently written documents down to `evictTo`, removed from the cache. */
  evict(): Write[] {
    if (this.size <= this.maxDocs) return [];
    const out: Write[] = [];
    const excess = this.size - this.evictTo;
    const size = this.size;
    for (const [collection, map] of this.entries) {
      // Each collection gives its share of the excess, oldest first.
      let n = Math.min(map.size, Math.ceil((excess * map.size) / size));
      for (const [id, entry] of map) {
        if (n-- <= 0) break;
        map.delete(id);
        this.size--;
        const write = FillCache.writeOf(collection, id, entry);
        if (write) out.push(write);
      }
    }
    return out;
  }

  /** Every cached document, removed from the cache. */
  drain(): Write[] {
    const out: Write[] = [];
    for (const [collection, map] of this.entries)
      for (const [id, entry] of map) {
        const write = FillCache.writeOf(collection, id, entry);
        if (write) out.push(write);
      }
    this.entries.clear();
    this.size = 0;
    return out;
  }

  private static writeOf(collection: string, id: string, entry: Cached): Write | undefined {
    if (entry.doc === null && !entry.stored) return undefined;
    return { collection, id, doc: entry.doc, position: entry.position };
  }
}

/**
 * Folds one batch into a generation and saves its checkpoint after the documents.
 * Returns how many documents the store changed (0 when the batch was applied before).
 * With a fill cache the changed documents go to the cache instead (only those it
 * evicts are written) and no checkpoint is saved: `catchUp` saves it once the cache
 * is written out.
 */
export async function applyBatch(
  deps: ProjectorDeps,
  generation: number,
  batch: readonly RecordedEvent[],
  hooks: { afterWrite?: () => void | Promise<void> } = {},
  cache?: FillCache,
): Promise<number> {
  if (batch.length === 0) return 0;
  const events = await decodeAll(deps, batch);
  const writes: Write[] = [];
  for (const projection of deps.projections) {
    const name = projection.spec.name;
    // Each event's ids, asked once: the fold below goes through them again.
    const idsBy = new Array<readonly string[]>(events.length);
    const ids = new Set<string>();
    for (let i = 0; i < events.length; i++) {
      idsBy[i] = projection.idsOf(events[i]);
      for (const id of idsBy[i]) ids.add(id);
    }
    if (ids.size === 0) continue;
    const insertOnly = isInsertOnly(projection);
    const current = new Map<string, Cached>();
    if (!insertOnly) {
      const missing: string[] = [];
      for (const id of ids) {
        const cached = cache?.get(name, id);
        if (cached) current.set(id, cached);
        else missing.push(id);
      }
      if (missing.length > 0)
        for (const [id, found] of await deps.docs.getMany(generation, name, missing))
          current.set(id, { position: found.position, doc: found.doc, stored: true });
    }
    const dirty = new Set<string>();
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      for (const id of idsBy[i]) {
        const cur = current.get(id);
        if (cur && comparePositions(e.raw.position, cur.position) <= 0) continue;
        const next = projection.project((cur?.doc ?? undefined) as never, e, id);
        if (next === undefined) continue;
        current.set(id, { position: e.raw.position, doc: next, stored: cur?.stored ?? false });
        dirty.add(id);
      }
    }
    for (const id of dirty) {
      const entry = current.get(id)!;
      if (cache && !insertOnly) cache.put(name, id, entry);
      else writes.push({ collection: name, id, doc: entry.doc, position: entry.position });
    }
  }
  const fenced = deps.fence ? { fence: deps.fence } : {};
  let applied = writes.length > 0 ? await deps.docs.write(generation, writes, fenced) : 0;
  const evicted = cache ? cache.evict() : [];
  for (let i = 0; i < evicted.length; i += EVICT_WRITE) {
    // A write holds the event loop on SQLite: the requests served beside a fill run in between.
    if (i > 0 || writes.length > 0) await yieldToEventLoop();
    applied += await deps.docs.write(generation, evicted.slice(i, i + EVICT_WRITE), fenced);
  }
  await hooks.afterWrite?.();
  if (!cache)
    await deps.docs.saveCheckpoint(checkpointName(generation), batch[batch.length - 1].position, fenced);
  return applied;
}

/**
 * Applies every event after the generation's checkpoint, page by page, until a
 * page comes back short (the generation is then at the head as it was read).
 */
export async function catchUp(
  deps: ProjectorDeps,
  generation: number,
  options: {
    batchSize?: number;
    onProgress?: (p: CatchUpProgress) => void;
    signal?: AbortSignal;
    /**
     * Only for a generation nobody reads until this call returns (a fill): keep up to
     * this many changed documents in memory between batches (`FillCache`). The
     * checkpoint is then saved once, after the cache is written out.
     */
    fillCacheDocs?: number;
    /** Only this partition's events (`fillPartitionOf`); the others are read and passed over. */
    partition?: FillPartition;
    /** false: no checkpoint at the end (a partition: `fill` saves it once every partition is done). */
    checkpoint?: boolean;
  } = {},
): Promise<{ events: number; position?: Position }> {
  const batchSize = options.batchSize ?? 2000;
  const part = options.partition;
  const cache = options.fillCacheDocs ? new FillCache(options.fillCacheDocs) : undefined;
  let after = await deps.docs.loadCheckpoint(checkpointName(generation));
  let count = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const page = await deps.store.readAll({ ...(after ? { after } : {}), maxCount: batchSize });
    if (page.length === 0) break;
    const mine = part ? page.filter((e) => fillPartitionOf(e.streamId, part.count) === part.index) : page;
    await applyBatch(deps, generation, mine, {}, cache);
    count += mine.length;
    const last = page[page.length - 1];
    after = last.position;
    options.onProgress?.({ events: count, position: after, recordedAt: last.recordedAt });
    if (page.length < batchSize) break;
    // The read and the write of a batch hold the event loop on the synchronous SQLite
    // adapters: the requests this process serves run between two batches.
    await yieldToEventLoop();
  }
  if (cache) {
    const fenced = deps.fence ? { fence: deps.fence } : {};
    const rest = cache.drain();
    for (let i = 0; i < rest.length; i += batchSize) {
      await deps.docs.write(generation, rest.slice(i, i + batchSize), fenced);
      await yieldToEventLoop();
    }
    if (after && options.checkpoint !== false)
      await deps.docs.saveCheckpoint(checkpointName(generation), after, fenced);
  }
  return { events: count, ...(after ? { position: after } : {}) };
}

/**
 * Fills a fresh generation (rebuild, compare): `catchUp` with a fill cache, on two
 * threads when `deps.fillElsewhere` is given. Each thread reads every event and folds
 * its partition's (`fillPartitionOf`): the fold, the decoding and the writes are split,
 * the reading is not. Each partition stops where its reads came to an end; the
 * checkpoint is saved at the nearer of the two ends once both partitions are written,
 * and the events after it (appended during the fill) are applied as by one thread. An
 * event the further partition had already applied is then skipped by position, or
 * (insert-only documents) written twice and kept once by `finishFill`. Nothing is
 * checkpointed before both partitions are written: a fill cut short leaves a
 * generation no one reads, which the next rebuild does not reuse.
 */
export async function fill(
  deps: ProjectorDeps,
  generation: number,
  options: {
    batchSize: number;
    fillCacheDocs: number;
    onProgress?: (p: CatchUpProgress) => void;
  },
): Promise<{ events: number; position?: Position }> {
  const elsewhere = deps.fillElsewhere;
  if (!elsewhere) return catchUp(deps, generation, options);
  const count = 2;
  const stop = new AbortController();
  let here = 0;
  let there = 0;
  const other = elsewhere({
    generation,
    ...(deps.fence ? { fence: deps.fence } : {}),
    partition: { index: 1, count },
    batchSize: options.batchSize,
    fillCacheDocs: options.fillCacheDocs,
    onProgress: (events) => (there = events),
    signal: stop.signal,
  });
  // A failure there stops the partition here at its next batch; one here stops the other.
  other.catch(() => stop.abort());
  let mine: { events: number; position?: Position };
  try {
    mine = await catchUp(deps, generation, {
      ...options,
      partition: { index: 0, count },
      checkpoint: false,
      signal: stop.signal,
      onProgress: (p) => {
        here = p.events;
        options.onProgress?.({ ...p, events: here + there });
      },
    });
  } catch (error) {
    stop.abort();
    await other.catch(() => undefined);
    throw error;
  }
  const theirs = await other;
  // A partition that read no event (the log was empty when it looked) leaves the rest to the catch-up below.
  const nearer =
    mine.position && theirs.position
      ? comparePositions(mine.position, theirs.position) <= 0
        ? mine.position
        : theirs.position
      : undefined;
  if (nearer)
    await deps.docs.saveCheckpoint(
      checkpointName(generation),
      nearer,
      deps.fence ? { fence: deps.fence } : {},
    );
  const rest = await catchUp(deps, generation, options);
  const position = rest.position ?? nearer;
  return { events: mine.events + theirs.events + rest.events, ...(position ? { position } : {}) };
}

export interface LiveProjectorOptions {
  batchSize?: number;
  /** How often to look for a generation swap (a rebuild finishing). */
  swapCheckIntervalMs?: number;
  resubscribeDelayMs?: number;
  metrics?: Metrics;
  now?: () => number;
  /** Tests: runs between the documents' write and the checkpoint. */
  afterWrite?: () => void | Promise<void>;
  /**
   * Called when the store refused a batch because this process's lease passed to
   * another (`deps.fence`): the projector stops for good instead of resubscribing.
   */
  onLeaseLost?: () => void;
}

/** Told of each batch once its documents and checkpoint are stored, with that time (ms since the epoch). */
export type BatchListener = (batch: readonly RecordedEvent[], appliedAt: number) => void;

export class LiveProjector {
  private subscription?: Subscription;
  private readonly listeners = new Set<BatchListener>();
  private buffer: RecordedEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private stopping = false;
  private timers: NodeJS.Timeout[] = [];
  private readonly gauges;
  generation = 0;
  /** Position of the last event whose documents and checkpoint are stored. */
  position?: Position;
  /** Age in seconds of the last event applied when it was applied. */
  lagSeconds = 0;
  /** When the oldest event handed over and not yet applied was recorded (ms), if any. */
  private unappliedSince?: number;
  /** Why the subscription last stopped, until it runs again (readiness). */
  failure?: string;

  constructor(
    private readonly deps: ProjectorDeps,
    private readonly logger: Logger,
    private readonly options: LiveProjectorOptions = {},
  ) {
    const m = options.metrics;
    m?.sampledGauge(
      'projector_lag_seconds',
      'Seconds since the oldest event handed to the projector and not yet applied was recorded; 0 when it has applied all',
      () =>
        this.unappliedSince === undefined
          ? 0
          : Math.max(0, ((this.options.now ?? Date.now)() - this.unappliedSince) / 1000),
    );
    this.gauges = m && {
      generation: m.gauge('projector_generation', 'Read-model generation the projector writes'),
    };
  }

  /**
   * Calls `listener` after each batch whose documents and checkpoint are stored
   * (benchmarks and diagnostics: the lag of every event). Returns its remover.
   */
  onBatchApplied(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.follow(await activeGeneration(this.deps.docs, this.deps.projections));
    const check = setInterval(() => void this.checkSwap(), this.options.swapCheckIntervalMs ?? 1000);
    check.unref();
    this.timers.push(check);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers.splice(0)) clearTimeout(t);
    await this.subscription?.stop();
    await this.flush().catch(() => undefined);
  }

  /** Resolves once everything delivered so far is stored (tests, shutdown). */
  async idle(): Promise<void> {
    await this.flush();
  }

  private async follow(generation: number): Promise<void> {
    // A projection an upgrade added gets its collection in the live generation (from now on;
    // a rebuild fills it from the first event). Safe to repeat: existing collections are kept.
    await this.deps.docs.ensure(
      generation,
      this.deps.projections.map((p) => p.spec),
    );
    this.generation = generation;
    this.gauges?.generation.set(generation);
    this.position = await this.deps.docs.loadCheckpoint(checkpointName(generation));
    this.subscribe();
  }

  private subscribe(): void {
    this.failure = undefined;
    this.subscription = this.deps.store.subscribeToAll((event) => this.handle(event), {
      ...(this.position ? { after: this.position } : {}),
      onError: (error) => this.fail(error),
    });
  }

  private async handle(event: RecordedEvent): Promise<void> {
    // After a failure nothing more is applied: the events from the checkpoint on are read again on resubscribing.
    if (this.failure) return;
    this.unappliedSince ??= Date.parse(event.recordedAt);
    this.buffer.push(event);
    if (this.buffer.length >= (this.options.batchSize ?? 500)) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush().catch((error: Error) => this.fail(error));
      });
    }
  }

  private flush(): Promise<void> {
    const run = this.chain.then(async () => {
      const batch = this.buffer.splice(0);
      if (batch.length === 0 || this.failure) return;
      await applyBatch(this.deps, this.generation, batch, { afterWrite: this.options.afterWrite });
      const appliedAt = (this.options.now ?? Date.now)();
      const last = batch[batch.length - 1];
      this.position = last.position;
      this.lagSeconds = Math.max(0, (appliedAt - Date.parse(last.recordedAt)) / 1000);
      this.unappliedSince = this.buffer.length > 0 ? Date.parse(this.buffer[0].recordedAt) : undefined;
      // No count of events applied, nor a histogram of them: an event is appended only for an account
      // that exists, so any per-event series would tell a reader of /metrics which ones do.
      for (const listener of this.listeners) {
        // An observer's bug must not stop the projector (a throw here would fail the batch).
        try {
          listener(batch, appliedAt);
        } catch (error) {
          this.logger.warn({ errorName: (error as Error).name }, 'a projector batch listener failed');
        }
      }
    });
    // A failed batch must not poison the next flush: fail() resubscribes from the checkpoint.
    this.chain = run.catch(() => undefined);
    return run;
  }

  private fail(error: Error): void {
    if (this.stopping || this.failure) return;
    this.failure = error.name || 'Error';
    if (error instanceof LeaseLostError) {
      // Another process projects now: reading again would only be refused again.
      this.logger.warn(
        { generation: this.generation },
        'projector lease lost: this process stops projecting',
      );
      this.buffer = [];
      void this.subscription?.stop().catch(() => undefined);
      this.options.onLeaseLost?.();
      return;
    }
    this.logger.error(
      { generation: this.generation, errorName: error.name, error: error.message },
      'projector stopped; resubscribing from its checkpoint',
    );
    this.buffer = [];
    this.unappliedSince = undefined;
    const sub = this.subscription;
    // Not awaited: this may run inside the subscription's own handler, which stop() waits for.
    void sub?.stop().catch(() => undefined);
    const timer = setTimeout(async () => {
      if (this.stopping) return;
      await sub?.stop().catch(() => undefined);
      await this.chain;
      this.buffer = [];
      // The swap check is off while failed, and a generation another process swapped out and
      // dropped refuses every write (DOCUMENT_COLLECTION_UNKNOWN): resubscribing to it would only
      // fail again. Follow the active generation instead (the same one after most failures).
      const active = await activeGeneration(this.deps.docs, this.deps.projections).catch(
        () => this.generation,
      );
      if (this.stopping) return;
      if (active !== this.generation) {
        this.logger.info(
          { from: this.generation, to: active, after: this.failure },
          'projector follows the new read-model generation after a failure',
        );
        this.unappliedSince = undefined;
        try {
          await this.follow(active);
        } catch (error) {
          // Its checkpoint could not be read: try again later, as after any failure.
          this.failure = undefined;
          this.fail(error as Error);
        }
        return;
      }
      this.position = await this.deps.docs
        .loadCheckpoint(checkpointName(this.generation))
        .catch(() => this.position);
      if (!this.stopping) this.subscribe();
    }, this.options.resubscribeDelayMs ?? 2000);
    timer.unref();
    this.timers.push(timer);
  }

  private async checkSwap(): Promise<void> {
    if (this.stopping || this.failure) return;
    try {
      const active = await activeGeneration(this.deps.docs, this.deps.projections);
      if (active === this.generation) return;
      this.logger.info(
        { from: this.generation, to: active },
        'projector follows the new read-model generation',
      );
      await this.subscription?.stop();
      await this.flush();
      this.buffer = [];
      this.unappliedSince = undefined;
      await this.follow(active);
    } catch (error) {
      this.logger.warn(
        { error: (error as Error).message },
        'projector could not check the active generation',
      );
    }
  }
}

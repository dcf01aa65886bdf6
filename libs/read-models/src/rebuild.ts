/**
 * Rebuild and compare.
 *
 * `rebuild` fills a fresh generation from the first event while queries keep
 * reading the active one, makes it active (the live projector follows within a
 * second), catches it up once more, and drops the old generation after a grace
 * period for queries still reading it. One rebuild or compare at a time: the store's
 * `rebuild` lease (atomic on both adapters), renewed by a heartbeat and taken over
 * only once its holder stopped renewing; the fill's writes and checkpoints carry its
 * fencing token, so a holder that lost it cannot write on.
 *
 * `compare` replays every event into a shadow generation and reports each
 * document that differs from the live one. Documents the live projector changed
 * after the shadow's last event are not comparable and are only counted.
 *
 * `readModelHash` digests a generation (ids, positions and bodies, in id order):
 * two replays of the same events give the same hash.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { canonicalJson } from '@portal/command';
import { type DocumentStore, type Fence, LeaseLostError, type StoredDoc } from '@portal/documents';
import { DomainError } from '@portal/domain';
import { comparePositions, formatPosition, type Position } from '@portal/event-store';
import { activeGeneration, allocateGeneration, knownGenerations } from './generations';
import { RETIRED_COLLECTIONS } from './history/history-refs.projection';
import { type CatchUpProgress, catchUp, fill, type ProjectorDeps } from './projector';

export class RebuildInProgressError extends DomainError<'REBUILD_IN_PROGRESS'> {
  constructor(readonly since: string) {
    super('REBUILD_IN_PROGRESS', `A read-model rebuild or comparison is already running (since ${since}).`);
    this.name = 'RebuildInProgressError';
  }
}

export const REBUILD_LEASE = 'rebuild';
const HEARTBEAT_MS = 2000;
const STALE_MS = 15_000;

async function acquire(
  docs: DocumentStore,
  now: () => number,
): Promise<{ fence: Fence; stillHeld(): Promise<void>; release(): Promise<void> }> {
  const holder = randomUUID();
  const lease = await docs.acquireLease(REBUILD_LEASE, holder, STALE_MS, { now: now() });
  if (!lease) {
    const held = await docs.getLease(REBUILD_LEASE);
    throw new RebuildInProgressError(new Date(held?.since ?? now()).toISOString());
  }
  const beat = setInterval(
    () => void docs.acquireLease(REBUILD_LEASE, holder, STALE_MS, { now: now() }).catch(() => undefined),
    HEARTBEAT_MS,
  );
  beat.unref();
  return {
    fence: { lease: REBUILD_LEASE, token: lease.token },
    /** Renews the lease, or throws when another rebuild took it over (this one was paused past it). */
    async stillHeld() {
      if (!(await docs.acquireLease(REBUILD_LEASE, holder, STALE_MS, { now: now() })))
        throw new LeaseLostError(REBUILD_LEASE, lease.token);
    },
    async release() {
      clearInterval(beat);
      await docs.releaseLease(REBUILD_LEASE, holder);
    },
  };
}

/** The rebuild or compare running now (any process), if any: when it started. */
export async function rebuildRunning(docs: DocumentStore, now = Date.now()): Promise<string | undefined> {
  const lease = await docs.getLease(REBUILD_LEASE);
  return lease && lease.expiresAt > now ? new Date(lease.since).toISOString() : undefined;
}

/**
 * How many changed documents a fill keeps in memory between batches (projector.ts,
 * `FillCache`). Most of an account's events come in bursts (registration, a login's
 * four steps), so a cache far smaller than the number of accounts already spares most
 * rewrites: at 100,000 accounts, 20,000 kept 1,254,111 writes of 1,509,300 (100,000
 * kept 1,229,192) for ~175–200 MiB more peak memory (100,000: ~800 MiB). bench/RESULTS.md,
 * Projector, "Session 2026-12-04 evening".
 */
export const FILL_CACHE_DOCS = 20_000;

/**
 * Events per batch of a fill. `catchUp` yields to the event loop between batches: on
 * the synchronous SQLite adapters a batch's read, decode and write hold the loop (a
 * batch of 1000 took 130–200 ms on the test machine, one of 250 40–80 ms), so a small
 * batch keeps the requests served beside a rebuild waiting little (bench/RESULTS.md,
 * "Rebuild beside serving").
 */
export const FILL_BATCH = 250;

export interface RebuildResult {
  from: number;
  to: number;
  events: number;
  position?: string;
}

export async function rebuild(
  deps: ProjectorDeps,
  options: {
    onProgress?: (p: CatchUpProgress) => void;
    /** Wait before dropping the old generation, for queries still reading it. */
    dropAfterMs?: number;
    batchSize?: number;
    /** Changed documents kept in memory while filling (default `FILL_CACHE_DOCS`). */
    fillCacheDocs?: number;
    now?: () => number;
  } = {},
): Promise<RebuildResult> {
  const now = options.now ?? Date.now;
  const lock = await acquire(deps.docs, now);
  deps = { ...deps, fence: lock.fence };
  try {
    const specs = deps.projections.map((p) => p.spec);
    const from = await activeGeneration(deps.docs, deps.projections);
    const known = await knownGenerations(deps.docs);
    const to = await allocateGeneration(deps.docs, from);
    // Filled by this call alone until it is made active: the store may build its indexes at the end.
    await deps.docs.ensure(to, specs, { fill: true });
    await deps.docs.setMeta('generations', [...new Set([...known, from, to])]);
    const first = await fill(deps, to, {
      batchSize: options.batchSize ?? FILL_BATCH,
      onProgress: options.onProgress,
      fillCacheDocs: options.fillCacheDocs ?? FILL_CACHE_DOCS,
    });
    await deps.docs.finishFill(to);
    // The swap is a meta write, which carries no fence: check the lease just before it.
    await lock.stillHeld();
    await deps.docs.setMeta('active', to);
    const second = await catchUp(deps, to, { batchSize: options.batchSize ?? FILL_BATCH });
    await new Promise((resolve) => setTimeout(resolve, options.dropAfterMs ?? 5000));
    // With the collections earlier versions kept and this one no longer writes (the old `history`).
    await deps.docs.drop(from, [...specs, ...RETIRED_COLLECTIONS]);
    await deps.docs.setMeta(
      'generations',
      (await knownGenerations(deps.docs)).filter((g) => g !== from),
    );
    const position = second.position ?? first.position;
    return {
      from,
      to,
      events: first.events + second.events,
      ...(position ? { position: formatPosition(position) } : {}),
    };
  } finally {
    await lock.release();
  }
}

export interface Difference {
  collection: string;
  id: string;
  kind: 'missing-in-live' | 'missing-in-replay' | 'different';
}

export interface ComparisonReport {
  replayedEvents: number;
  compared: number;
  /** Live documents changed after the replay's last event: not comparable. */
  newerInLive: number;
  differences: Difference[];
}

/** Replays every event into a shadow generation and lists how the live read models differ from it. */
export async function compareWithReplay(
  deps: ProjectorDeps,
  options: { onProgress?: (p: CatchUpProgress) => void; maxDifferences?: number; now?: () => number } = {},
): Promise<ComparisonReport> {
  const lock = await acquire(deps.docs, options.now ?? Date.now);
  deps = { ...deps, fence: lock.fence };
  const specs = deps.projections.map((p) => p.spec);
  const live = await activeGeneration(deps.docs, deps.projections);
  let shadow: number | undefined;
  try {
    shadow = await allocateGeneration(deps.docs, live);
    await deps.docs.ensure(shadow, specs, { fill: true });
    const replay = await fill(deps, shadow, {
      batchSize: FILL_BATCH,
      onProgress: options.onProgress,
      fillCacheDocs: FILL_CACHE_DOCS,
    });
    await deps.docs.finishFill(shadow);
    const horizon = replay.position;
    const report: ComparisonReport = {
      replayedEvents: replay.events,
      compared: 0,
      newerInLive: 0,
      differences: [],
    };
    const max = options.maxDifferences ?? 1000;
    for (const { name } of specs) {
      for await (const [a, b] of mergeById(deps.docs, live, shadow, name)) {
        if (a && horizon && comparePositions(a.position, horizon) > 0) {
          report.newerInLive++;
          continue;
        }
        report.compared++;
        const kind = !a ? 'missing-in-live' : !b ? 'missing-in-replay' : same(a, b) ? undefined : 'different';
        if (kind && report.differences.length < max)
          report.differences.push({ collection: name, id: (a ?? b)!.id, kind });
      }
    }
    return report;
  } finally {
    if (shadow !== undefined) await deps.docs.drop(shadow, specs).catch(() => undefined);
    await lock.release();
  }
}

function same(a: StoredDoc, b: StoredDoc): boolean {
  return comparePositions(a.position, b.position) === 0 && canonicalJson(a.doc) === canonicalJson(b.doc);
}

/** Both generations' documents in id order, paired by id. */
async function* mergeById(
  docs: DocumentStore,
  left: number,
  right: number,
  collection: string,
): AsyncGenerator<[StoredDoc | undefined, StoredDoc | undefined]> {
  const pages = (g: number) => pageThrough(docs, g, collection);
  const a = pages(left);
  const b = pages(right);
  let x = await a.next();
  let y = await b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.id < y.value.id)) {
      yield [x.value as StoredDoc, undefined];
      x = await a.next();
    } else if (x.done || y.value.id < x.value.id) {
      yield [undefined, y.value];
      y = await b.next();
    } else {
      yield [x.value, y.value];
      x = await a.next();
      y = await b.next();
    }
  }
}

async function* pageThrough(docs: DocumentStore, generation: number, collection: string) {
  let afterId: string | undefined;
  for (;;) {
    const page = await docs.list(generation, collection, { limit: 1000, ...(afterId ? { afterId } : {}) });
    yield* page;
    // A page is read synchronously on SQLite: let the requests served beside a compare run in between.
    await yieldToEventLoop();
    if (page.length < 1000) return;
    afterId = page[page.length - 1].id;
  }
}

/** SHA-256 over every document of a generation (collection, id, position, body), in id order. */
export async function readModelHash(
  docs: DocumentStore,
  generation: number,
  collections: readonly string[],
): Promise<string> {
  const hash = createHash('sha256');
  for (const name of collections) {
    for await (const d of pageThrough(docs, generation, name))
      hash.update(`${name}\0${d.id}\0${formatPosition(d.position)}\0${canonicalJson(d.doc)}\n`);
  }
  return hash.digest('hex');
}

export type { Position };

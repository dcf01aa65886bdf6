/**
 * The document-store port for read models. The projector writes documents; the
 * support, audit and login-lookup queries read them. Adapters: SQLite (embedded
 * default) and MongoDB, held to one contract suite (`testing/document-store.contract.ts`).
 *
 * Generations: every collection exists once per generation (`accounts_v3`). The
 * live projector writes the active generation; a rebuild fills a fresh one from
 * the first event, then the active pointer (a meta value) is swapped, so queries
 * are served throughout. Old generations are dropped afterwards.
 *
 * Idempotency: every document records the position of the last event applied to
 * it. A write carries the position of the event that caused it and is applied
 * only when that position is strictly after the stored one, so a replayed event
 * changes nothing. A deletion is a tombstone that keeps its position for the same
 * reason; reads never return tombstones.
 *
 * Leases: one active writer per lease name (the projector process, a rebuild). A
 * lease has a holder, an expiry and a fencing token that grows each time the lease
 * passes to a new holder. A writer passes its token (`Fence`) with its writes and
 * checkpoints; once a newer holder has taken over, they are refused
 * (`LeaseLostError`), so a paused old holder that wakes up cannot overwrite.
 */
import type { Position } from '@portal/event-store';

/** A JSON-serialisable document body. Keys starting with `_` are reserved for the adapters. */
export type Doc = { [key: string]: unknown };

export interface CollectionSpec {
  /** Base name (`[a-z][a-z0-9_]*`); the adapters add the generation (`accounts_v3`). */
  name: string;
  /**
   * Top-level fields queried by equality with `find`. A field may hold a string or
   * an array of strings; an array matches any of its elements.
   */
  indexes: readonly string[];
  /**
   * Every document is written once, by the one event its id names, and never changed
   * or deleted after (history: `<accountId>/<position>`). A write to an id already
   * stored is then a replay: adapters may skip it without reading the stored position.
   */
  insertOnly?: boolean;
}

export interface EnsureOptions {
  /**
   * The collections this call creates belong to a fresh generation that one writer
   * fills (a rebuild or a replay) before anything else reads it. Until `finishFill`,
   * an adapter may defer the upkeep of its indexes: `find` there may be refused
   * (`DOCUMENT_GENERATION_FILLING`), the other reads may be slow, and an insert-only
   * collection may show a replayed write as a second copy (the fill's one writer
   * sends none; `finishFill` keeps the first). Collections that already exist are
   * not affected.
   */
  fill?: boolean;
}

export interface StoredDoc<T extends Doc = Doc> {
  id: string;
  /** Position of the last event applied to this document. */
  position: Position;
  doc: T;
}

export interface Write<T extends Doc = Doc> {
  collection: string;
  id: string;
  /** The whole new body (replaces the stored one), or null to delete (a tombstone). */
  doc: T | null;
  /** Position of the event that caused this write. */
  position: Position;
}

export interface ListOptions {
  /** Only ids starting with this prefix. */
  prefix?: string;
  /** Exclusive cursor: only ids strictly greater than this one. */
  afterId?: string;
  limit: number;
}

export interface FindOptions {
  afterId?: string;
  limit: number;
}

export interface Lease {
  name: string;
  holder: string;
  /** Grows by one each time the lease passes to a new holder; kept while one holder renews. */
  token: number;
  /** Milliseconds since the epoch (the writer's clock: holders must keep their clocks in sync). */
  expiresAt: number;
  /** When this holder took the lease (ms since the epoch). */
  since: number;
}

export interface AcquireLeaseOptions {
  /** The clock, ms since the epoch (default `Date.now()`). */
  now?: number;
  /**
   * A holder the caller knows has died (a previous run of this process, killed):
   * its lease is taken over before it expires.
   */
  replacing?: string;
}

/** The lease a writer holds; a write or checkpoint carrying it is refused once a newer holder took over. */
export interface Fence {
  lease: string;
  token: number;
}

export interface FencedOptions {
  fence?: Fence;
}

export interface DocumentStore {
  /** Creates a generation's collections and their indexes when missing; safe to call again. */
  ensure(generation: number, specs: readonly CollectionSpec[], options?: EnsureOptions): Promise<void>;
  /**
   * Ends the fill of a generation ensured with `fill`: builds what was deferred, after
   * which the generation serves every read. A no-op for a generation not being filled.
   */
  finishFill(generation: number): Promise<void>;
  /**
   * Applies each write whose position is strictly after its document's stored
   * position; the others are skipped. Returns how many were applied. The SQLite
   * adapter applies a call in one transaction; MongoDB per document (a crash may
   * leave part of a call applied, which a replay completes, since it is idempotent).
   */
  write(generation: number, writes: readonly Write[], options?: FencedOptions): Promise<number>;
  /** A document, tombstones excluded. */
  get<T extends Doc = Doc>(
    generation: number,
    collection: string,
    id: string,
  ): Promise<StoredDoc<T> | undefined>;
  /**
   * The stored positions of these ids, tombstones included (a tombstone's body is
   * null). What the projector reads before folding a batch.
   */
  getMany(
    generation: number,
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, { position: Position; doc: Doc | null }>>;
  /** Documents whose indexed `field` equals `value` (or holds it, for arrays), ordered by id. */
  find<T extends Doc = Doc>(
    generation: number,
    collection: string,
    field: string,
    value: string,
    options: FindOptions,
  ): Promise<StoredDoc<T>[]>;
  /** Documents ordered by id, tombstones excluded. */
  list<T extends Doc = Doc>(
    generation: number,
    collection: string,
    options: ListOptions,
  ): Promise<StoredDoc<T>[]>;
  /** Live (non-tombstone) documents in a collection. */
  count(generation: number, collection: string): Promise<number>;
  /** Removes a generation's collections. */
  drop(generation: number, specs: readonly CollectionSpec[]): Promise<void>;
  /** Small named values outside generations: the active generation, rebuild state. */
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Checkpoints live beside the documents, so the projector writes them after the documents, in the same store. */
  loadCheckpoint(name: string): Promise<Position | undefined>;
  /**
   * With a fence, refused (`LeaseLostError`) once the lease passed to a newer holder.
   * SQLite checks the lease in the write's transaction; MongoDB reads it first and keeps
   * the token on the checkpoint, whose write filter refuses an older one.
   */
  saveCheckpoint(name: string, position: Position, options?: FencedOptions): Promise<void>;
  /**
   * Takes the lease `name` for `holder` until `now + ttlMs`, or renews it when
   * `holder` holds it already (the token stays). Resolves undefined while another
   * holder's lease has not expired. Atomic: of racing callers at most one gets it.
   */
  acquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    options?: AcquireLeaseOptions,
  ): Promise<Lease | undefined>;
  /** Ends `holder`'s lease now (the token stays, so its fenced writes still pass until a new holder takes it). */
  releaseLease(name: string, holder: string): Promise<void>;
  /** The lease as stored (expired or not), or undefined if never taken. */
  getLease(name: string): Promise<Lease | undefined>;
  /** Readiness: resolves when the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be reached or failed; safe to retry when `retryable`. */
export class DocumentStoreUnavailableError extends Error {
  readonly code = 'DOCUMENT_STORE_UNAVAILABLE';
  constructor(
    message: string,
    readonly retryable: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DocumentStoreUnavailableError';
  }
}

/** A fenced write or checkpoint refused: the lease passed to a newer holder. Not retryable. */
export class LeaseLostError extends Error {
  readonly code = 'DOCUMENT_LEASE_LOST';
  constructor(
    readonly lease: string,
    readonly token: number,
  ) {
    super(`lease ${lease}: token ${token} was superseded by a newer holder; this write is refused`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Rebuilds and compares asked for over HTTP run in the active projector process, not
 * in the API process that took the request (one of several behind a load balancer,
 * serving users): the API records a request in the document store and answers at
 * once; the projector holding the `projector` lease picks it up, runs it and records
 * its progress and outcome there, where every API process reads them.
 *
 * One request at a time: a request takes the `read-model-request` lease with its
 * own id as holder (atomic on both stores, so of two racing requests one is
 * recorded and the other is told of it). The request's state is the meta value
 * `read-model-request`. A pending request holds the lease for `PENDING_TTL_MS`; the
 * runner renews it while running, so a runner that died leaves its request
 * `abandoned` once the lease expires, and a new request may be made.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '@portal/documents';
import { DomainError } from '@portal/domain';
import { isUnreadableEvent } from '@portal/event-store';
import type { Logger } from '@portal/observability';
import type { ProjectorDeps } from './projector';
import { type ComparisonReport, compareWithReplay, rebuild, type RebuildResult } from './rebuild';

export type ReadModelJobKind = 'rebuild' | 'compare';

export interface ReadModelRequest {
  id: string;
  kind: ReadModelJobKind;
  status: 'pending' | 'running' | 'done' | 'failed' | 'abandoned';
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Events replayed so far. */
  events: number;
  result?: RebuildResult | ComparisonReport;
  /** The error's code or name, never its message (it may quote data). */
  error?: string;
  /** For a damaged event row: which one (stream, revision, event id; never its content). */
  message?: string;
}

export const REQUEST_LEASE = 'read-model-request';
const REQUEST_META = 'read-model-request';
/** How long a request waits for a projector before another may replace it. */
export const PENDING_TTL_MS = 10 * 60_000;
/** A running request's lease: renewed every `PROGRESS_EVERY_MS`, so a dead runner frees it soon. */
const RUNNING_TTL_MS = 60_000;
const PROGRESS_EVERY_MS = 2000;

const isOpen = (r: ReadModelRequest) => r.status === 'pending' || r.status === 'running';

const lastMetaOf = (kind: ReadModelJobKind) => `read-model-last-${kind}`;

/** The last finished request of a kind (done or failed). */
export async function lastReadModelRequest(
  docs: DocumentStore,
  kind: ReadModelJobKind,
): Promise<ReadModelRequest | undefined> {
  return ((await docs.getMeta(lastMetaOf(kind))) as ReadModelRequest | null | undefined) ?? undefined;
}

/** The last request made, with `abandoned` for one whose runner (or projector) never finished it. */
export async function currentReadModelRequest(
  docs: DocumentStore,
  now = Date.now(),
): Promise<ReadModelRequest | undefined> {
  const request = (await docs.getMeta(REQUEST_META)) as ReadModelRequest | undefined | null;
  if (!request) return undefined;
  if (!isOpen(request)) return request;
  const lease = await docs.getLease(REQUEST_LEASE);
  const alive = lease?.holder === request.id && lease.expiresAt > now;
  return alive ? request : { ...request, status: 'abandoned' };
}

/**
 * Records a request unless one is open. `accepted: false` names the open one (or,
 * when two requests raced, the one recorded first).
 */
export async function requestReadModelJob(
  docs: DocumentStore,
  kind: ReadModelJobKind,
  now = Date.now(),
): Promise<{ accepted: boolean; request: ReadModelRequest | undefined }> {
  const id = randomUUID();
  const lease = await docs.acquireLease(REQUEST_LEASE, id, PENDING_TTL_MS, { now });
  if (!lease) return { accepted: false, request: await currentReadModelRequest(docs, now) };
  const request: ReadModelRequest = {
    id,
    kind,
    status: 'pending',
    requestedAt: new Date(now).toISOString(),
    events: 0,
  };
  await docs.setMeta(REQUEST_META, request);
  return { accepted: true, request };
}

/** What the routes that ask for a rebuild or compare answer (202). */
export interface ReadModelRequestAnswer {
  /** False when another request was open: it is named instead (`rebuilding` or `comparing`). */
  started: boolean;
  id?: string;
  status?: ReadModelRequest['status'];
  rebuilding?: ReadModelRequest;
  comparing?: ReadModelRequest;
}

/** Records a request (`requestReadModelJob`) and words the answer the routes give. */
export async function askForReadModelJob(
  docs: DocumentStore,
  kind: ReadModelJobKind,
  now = Date.now(),
): Promise<ReadModelRequestAnswer> {
  const { accepted, request } = await requestReadModelJob(docs, kind, now);
  const open = request ? { [request.kind === 'rebuild' ? 'rebuilding' : 'comparing']: request } : {};
  return {
    started: accepted,
    ...(request ? { id: request.id, status: request.status } : {}),
    ...open,
  };
}

export class ReadModelRequestNotFoundError extends DomainError<'READ_MODEL_REQUEST_NOT_FOUND'> {
  constructor() {
    super(
      'READ_MODEL_REQUEST_NOT_FOUND',
      'No such read-model request: never made, or replaced by a later one of its kind.',
    );
    this.name = 'ReadModelRequestNotFoundError';
  }
}

/**
 * A request by its id, while it is the one open or the last of its kind to finish
 * (only those are kept); undefined after that.
 */
export async function readModelRequestById(
  docs: DocumentStore,
  id: string,
  now = Date.now(),
): Promise<ReadModelRequest | undefined> {
  const current = await currentReadModelRequest(docs, now);
  if (current?.id === id) return current;
  for (const kind of ['rebuild', 'compare'] as const) {
    const last = await lastReadModelRequest(docs, kind);
    if (last?.id === id) return last;
  }
  return undefined;
}

export interface RequestRunnerOptions {
  pollEveryMs?: number;
  /** Passed to `rebuild` (tests: no grace period). */
  dropAfterMs?: number;
  now?: () => number;
}

/** Runs the recorded requests, one at a time, in the process that holds the projector's lease. */
export class ReadModelRequestRunner {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private readonly now: () => number;

  constructor(
    private readonly deps: ProjectorDeps,
    private readonly logger: Logger,
    private readonly options: RequestRunnerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.poll().catch(() => undefined), this.options.pollEveryMs ?? 1000);
    this.timer.unref();
  }

  /** Stops looking for requests. A request running goes on to its end (a rebuild is not cut midway). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** Resolves once the request running (if any) has finished: tests, shutdown. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Looks once for a pending request and starts it (not awaited). */
  async poll(): Promise<void> {
    if (this.stopped || this.running) return;
    const { docs } = this.deps;
    const request = (await docs.getMeta(REQUEST_META)) as ReadModelRequest | undefined | null;
    if (!request || request.status !== 'pending') return;
    // Renewing the request's lease as its holder both checks that it is the recorded one and keeps it.
    const lease = await docs.getLease(REQUEST_LEASE);
    if (lease?.holder !== request.id || lease.expiresAt <= this.now()) return;
    await docs.acquireLease(REQUEST_LEASE, request.id, RUNNING_TTL_MS, { now: this.now() });
    const run = this.run(request).finally(() => (this.running = undefined));
    this.running = run;
  }

  private async run(pending: ReadModelRequest): Promise<void> {
    const { docs } = this.deps;
    const request: ReadModelRequest = { ...pending, status: 'running', startedAt: this.iso() };
    await docs.setMeta(REQUEST_META, request);
    this.logger.info({ request: request.id, kind: request.kind }, 'read-model request started');
    let saving = Promise.resolve();
    const beat = setInterval(() => {
      saving = saving
        .then(async () => {
          await docs.acquireLease(REQUEST_LEASE, request.id, RUNNING_TTL_MS, { now: this.now() });
          await docs.setMeta(REQUEST_META, request);
        })
        .catch(() => undefined);
    }, PROGRESS_EVERY_MS);
    beat.unref();
    const onProgress = (p: { events: number }) => (request.events = p.events);
    try {
      request.result =
        request.kind === 'rebuild'
          ? await rebuild(this.deps, { onProgress, dropAfterMs: this.options.dropAfterMs })
          : await compareWithReplay(this.deps, { onProgress });
      request.status = 'done';
      this.logger.info({ request: request.id, kind: request.kind }, 'read-model request finished');
    } catch (error) {
      const e = error as Error & { code?: string };
      request.status = 'failed';
      request.error = e.code ?? e.name;
      // A damaged event row stops the rebuild (the live generation keeps serving): say which.
      if (isUnreadableEvent(error)) request.message = error.message;
      this.logger.error(
        {
          request: request.id,
          kind: request.kind,
          errorName: e.name,
          code: e.code,
          ...(request.message ? { message: request.message } : {}),
        },
        'read-model request failed',
      );
    } finally {
      clearInterval(beat);
      await saving;
    }
    request.finishedAt = this.iso();
    await docs.setMeta(lastMetaOf(request.kind), request);
    await docs.setMeta(REQUEST_META, request);
    await docs.releaseLease(REQUEST_LEASE, request.id);
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

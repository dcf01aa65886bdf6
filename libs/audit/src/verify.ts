/**
 * Hash-chain verification of one stream or of the whole store.
 *
 * What a passing check proves: every event still in a stream is byte-for-byte the
 * event that was appended (id, type, data, metadata: actor, times, correlation), in
 * its original order, and none is missing between the stream's first event and the
 * last one present. Each event's hash covers the previous event's hash, so altering,
 * removing or reordering an event breaks the link at that event or the next one; a
 * stream must start at revision 0 with an empty prevHash, so removing its first
 * events is caught too.
 *
 * What it cannot prove, from the chain alone:
 * - that nothing was cut off the end: a stream without its last events is a shorter,
 *   valid chain. Nor that a whole stream was not deleted.
 * - that nobody rewrote a stream: the hash is plain SHA-256, so whoever can write to
 *   the store can rebuild every hash after an edit.
 * What catches those: the heads of the streams (last revision and hash) recorded
 * somewhere the store's writers cannot change, compared with the store: an earlier
 * export or verification kept by the auditor, the read models (each document records
 * the last event applied, so a history longer than its stream shows a truncation), or
 * heads anchored periodically in write-once storage or signed by a key the service
 * does not hold. A head that went backwards, vanished, or no longer appears in its
 * stream's chain is the evidence.
 */
import { CHAIN_START, type ChainBreak, type ChainCursor, checkLink } from '@portal/command';
import type { EventStore } from '@portal/event-store';
import { AuditError, AuditErrorCodes, invalidOption } from './errors';
import {
  checkStreamId,
  isUnreadableEvent,
  pageSizeOf,
  pagesOfAll,
  pagesOfStream,
  type ReadEvent,
} from './paging';

/** An event the store cannot read is a broken link: nothing about it, nor after it, can be checked. */
function check(cursor: ChainCursor, e: ReadEvent): ReturnType<typeof checkLink> {
  if (!isUnreadableEvent(e)) return checkLink(cursor, e);
  return {
    ok: false,
    break: { streamId: e.streamId, revision: e.revision, eventId: e.eventId, reason: 'unreadable' },
  };
}

export interface VerifyReport {
  /** Streams seen. */
  streams: number;
  /** Events checked (those after a stream's first break are read but not checked). */
  events: number;
  /** The first broken link of each broken stream, in the order they were met. */
  breaks: ChainBreak[];
  /** The first broken link met (in global order for verifyAll); absent when every chain is intact. */
  firstBreak?: ChainBreak;
}

export interface VerifyProgress {
  /** Events read so far (those of a stream after its first break included). */
  events: number;
  /** Streams seen so far. */
  streams: number;
  /** Broken streams found so far. */
  breaks: number;
  /** The first broken link met so far, in global order. */
  firstBreak?: ChainBreak;
}

export interface VerifyAllOptions {
  /** Called every `progressEvery` events read, and once at the end. */
  onProgress?: (progress: VerifyProgress) => void;
  /** Default 10,000. */
  progressEvery?: number;
  /** Events read per page (default 1,000). */
  pageSize?: number;
}

/** Marks a stream already reported broken: later events of it say nothing more. */
const BROKEN = 'broken';

/** What `verifyAllSteps` yields: where the pass stands, as often as asked, then the report, once, last. */
export type VerifyStep = { progress: VerifyProgress } | { report: VerifyReport };

/**
 * One forward pass over every event in global order. Each stream's events arrive in
 * revision order, so the check needs only each stream's cursor (last hash, next
 * revision): about 150 bytes a stream, whatever the number of events.
 */
export async function verifyAll(store: EventStore, options: VerifyAllOptions = {}): Promise<VerifyReport> {
  const { onProgress, ...rest } = options;
  for await (const step of verifyAllSteps(store, rest)) {
    if ('report' in step) return step.report;
    onProgress?.(step.progress);
  }
  throw new Error('verifyAllSteps ended without a report');
}

/**
 * The same pass, as steps: `{ progress }` every `progressEvery` events read and once at the
 * end (with the first broken link met so far, when there is one), then `{ report }`. Whoever
 * stops asking stops the pass (an HTTP client that went away): nothing more is read.
 */
export async function* verifyAllSteps(
  store: EventStore,
  options: Omit<VerifyAllOptions, 'onProgress'> = {},
): AsyncGenerator<VerifyStep> {
  const pageSize = pageSizeOf(options.pageSize);
  const every = options.progressEvery ?? 10_000;
  if (!Number.isInteger(every) || every < 1)
    throw invalidOption('progressEvery', 'must be a whole number above 0');
  const cursors = new Map<string, ChainCursor | typeof BROKEN>();
  const breaks: ChainBreak[] = [];
  let events = 0;
  let read = 0;
  const progress = (): VerifyStep => ({
    progress: {
      events: read,
      streams: cursors.size,
      breaks: breaks.length,
      ...(breaks.length > 0 ? { firstBreak: breaks[0] } : {}),
    },
  });
  for await (const page of pagesOfAll(store, pageSize)) {
    for (const e of page) {
      read++;
      const cursor = cursors.get(e.streamId) ?? CHAIN_START;
      if (cursor !== BROKEN) {
        events++;
        const step = check(cursor, e);
        if (step.ok) cursors.set(e.streamId, step.cursor);
        else {
          cursors.set(e.streamId, BROKEN);
          breaks.push(step.break);
        }
      }
      if (read % every === 0) yield progress();
    }
  }
  yield progress();
  yield { report: report(cursors.size, events, breaks) };
}

/** One stream, read forwards a page at a time. An unknown stream is AUDIT_STREAM_NOT_FOUND. */
export async function verifyStream(
  store: EventStore,
  streamId: string,
  options: { pageSize?: number } = {},
): Promise<VerifyReport> {
  checkStreamId(streamId);
  const pageSize = pageSizeOf(options.pageSize);
  let cursor = CHAIN_START;
  let events = 0;
  for await (const page of pagesOfStream(store, streamId, pageSize)) {
    for (const e of page) {
      events++;
      const step = check(cursor, e);
      if (!step.ok) return report(1, events, [step.break]);
      cursor = step.cursor;
    }
  }
  if (events === 0) throw new AuditError(AuditErrorCodes.STREAM_NOT_FOUND, 'The stream has no events.');
  return report(1, events, []);
}

function report(streams: number, events: number, breaks: ChainBreak[]): VerifyReport {
  return { streams, events, breaks, ...(breaks.length > 0 ? { firstBreak: breaks[0] } : {}) };
}

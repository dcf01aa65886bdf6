/**
 * The auditor's export: every event as one line of NDJSON, exactly as stored. The
 * personal fields stay sealed with each account's key (an export is a copy that
 * outlives its reason, and erasing a key must erase the person from it too); the
 * hash chain covers the stored form, so the export can be verified on its own.
 */
import {
  comparePositions,
  type EventMetadata,
  type EventStore,
  formatPosition,
  type JsonObject,
  type Position,
  type RecordedEvent,
} from '@portal/event-store';
import { AuditError, AuditErrorCodes, invalidOption } from './errors';
import { checkStreamId, pageSizeOf, pagesOfAll, pagesOfStream } from './paging';

/** One line of the export, parsed. Bigints are decimal strings; `position` is `commit/prepare`. */
export interface ExportLine {
  streamId: string;
  revision: string;
  position: string;
  id: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  recordedAt: string;
}

export interface ExportOptions {
  /** One stream only; otherwise every stream in global order. */
  streamId?: string;
  /** Exclusive: only events after this position (the `position` of the last line of an interrupted export). */
  after?: Position;
  /** Events read per page (default 1,000). */
  pageSize?: number;
}

export function toExportLine(e: RecordedEvent): ExportLine {
  return {
    streamId: e.streamId,
    revision: e.revision.toString(),
    position: formatPosition(e.position),
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.recordedAt,
  };
}

/**
 * Yields one NDJSON line per event, each ending in '\n' (so the iterable can be piped
 * as it is), reading the store a page at a time: memory stays flat however many
 * events there are, and a slow consumer slows the reads. An unknown stream is an
 * AuditError (AUDIT_STREAM_NOT_FOUND) raised before the first line.
 */
export async function* exportEvents(store: EventStore, options: ExportOptions = {}): AsyncGenerator<string> {
  const pageSize = pageSizeOf(options.pageSize);
  const after = options.after;
  if (after !== undefined && (typeof after.commit !== 'bigint' || typeof after.prepare !== 'bigint'))
    throw invalidOption('after', 'must be a position {commit, prepare} of bigints');
  if (options.streamId === undefined) {
    for await (const page of pagesOfAll(store, pageSize, after))
      for (const e of page) yield `${JSON.stringify(toExportLine(e))}\n`;
    return;
  }
  const streamId = checkStreamId(options.streamId);
  let seen = false;
  for await (const page of pagesOfStream(store, streamId, pageSize)) {
    seen = true;
    for (const e of page)
      if (!after || comparePositions(e.position, after) > 0) yield `${JSON.stringify(toExportLine(e))}\n`;
  }
  if (!seen) throw new AuditError(AuditErrorCodes.STREAM_NOT_FOUND, 'The stream has no events.');
}

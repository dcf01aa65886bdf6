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
  type UnreadableEventError,
} from '@portal/event-store';
import { AuditError, AuditErrorCodes, invalidOption } from './errors';
import {
  checkStreamId,
  isUnreadableEvent,
  pageSizeOf,
  pagesOfAll,
  pagesOfStream,
  type ReadEvent,
} from './paging';

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
  /** Told of each event the store could not read (its line says so too), e.g. to fail the export's exit status. */
  onUnreadable?: (error: UnreadableEventError) => void;
}

/**
 * The line that stands for an event the store cannot read: where it is and what is wrong,
 * never its content. The export goes on after it, so one damaged row costs one line, not
 * the export; a verification of the export then breaks that stream at this revision.
 */
export interface UnreadableLine {
  streamId: string;
  revision: string;
  position: string;
  id: string;
  unreadable: string;
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
  const line = (e: ReadEvent): string => {
    if (!isUnreadableEvent(e)) return `${JSON.stringify(toExportLine(e))}\n`;
    options.onUnreadable?.(e);
    const marked: UnreadableLine = {
      streamId: e.streamId,
      revision: e.revision.toString(),
      position: formatPosition(e.position),
      id: e.eventId,
      unreadable: e.problem,
    };
    return `${JSON.stringify(marked)}\n`;
  };
  if (options.streamId === undefined) {
    for await (const page of pagesOfAll(store, pageSize, after)) for (const e of page) yield line(e);
    return;
  }
  const streamId = checkStreamId(options.streamId);
  let seen = false;
  for await (const page of pagesOfStream(store, streamId, pageSize)) {
    seen = true;
    for (const e of page) if (!after || comparePositions(e.position, after) > 0) yield line(e);
  }
  if (!seen) throw new AuditError(AuditErrorCodes.STREAM_NOT_FOUND, 'The stream has no events.');
}

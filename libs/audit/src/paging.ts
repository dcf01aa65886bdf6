/**
 * Reading the store a page at a time, so an audit of millions of events holds one
 * page in memory. Only an empty page ends a read: a short page is not taken to mean
 * the end, which costs one read more and does not rely on every adapter filling pages.
 *
 * An event the store cannot read (UnreadableEventError: a damaged row) does not end
 * the audit: the page before it is read again one event at a time, the error takes the
 * event's place in the page, and reading goes on after it. Each caller decides what a
 * hole means (export: a line that says so; verify: a broken link; state: a refusal).
 */
import {
  type EventStore,
  isUnreadableEvent,
  type Position,
  type RecordedEvent,
  type UnreadableEventError,
} from '@portal/event-store';
import { invalidOption } from './errors';

export const DEFAULT_PAGE_SIZE = 1_000;
const MAX_PAGE_SIZE = 100_000;

export function pageSizeOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)
    throw invalidOption('pageSize', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return value;
}

export function checkStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.trim() === '' || streamId !== streamId.trim())
    throw invalidOption('streamId', 'must be a stream name such as account-<uuid>');
  return streamId;
}

/** An event as read, or the error that stands where an unreadable one is. */
export type ReadEvent = RecordedEvent | UnreadableEventError;

export { isUnreadableEvent };

/**
 * `read(count)` gives the next `count` events after where the caller stands, or throws
 * for an unreadable one among them: the events before it, one read each, then the error.
 */
async function untilUnreadable(
  read: (from: ReadEvent | undefined, count: number) => Promise<RecordedEvent[]>,
): Promise<ReadEvent[]> {
  const out: ReadEvent[] = [];
  for (;;) {
    try {
      const [one] = await read(out.at(-1), 1);
      if (!one) return out;
      out.push(one);
    } catch (error) {
      if (!isUnreadableEvent(error)) throw error;
      out.push(error);
      return out;
    }
  }
}

/** Reads a page; when an event of it is unreadable, the page up to and including it (see above). */
async function pageOf(
  read: (from: ReadEvent | undefined, count: number) => Promise<RecordedEvent[]>,
  pageSize: number,
): Promise<ReadEvent[]> {
  try {
    return await read(undefined, pageSize);
  } catch (error) {
    if (!isUnreadableEvent(error)) throw error;
    return untilUnreadable(read);
  }
}

/** Every event of the store in global order, strictly after `after` when given. */
export async function* pagesOfAll(
  store: EventStore,
  pageSize: number,
  after?: Position,
): AsyncGenerator<ReadEvent[]> {
  let cursor = after;
  for (;;) {
    const start = cursor;
    const page = await pageOf((from, maxCount) => {
      const at = from?.position ?? start;
      return store.readAll({ ...(at ? { after: at } : {}), maxCount });
    }, pageSize);
    if (page.length === 0) return;
    yield page;
    cursor = page[page.length - 1].position;
  }
}

/** One stream's events from `fromRevision` (inclusive) forwards. */
export async function* pagesOfStream(
  store: EventStore,
  streamId: string,
  pageSize: number,
  fromRevision = 0n,
): AsyncGenerator<ReadEvent[]> {
  let next = fromRevision;
  for (;;) {
    const start = next;
    const page = await pageOf(
      (from, maxCount) =>
        store.readStream(streamId, { fromRevision: from ? from.revision + 1n : start, maxCount }),
      pageSize,
    );
    if (page.length === 0) return;
    yield page;
    next = page[page.length - 1].revision + 1n;
  }
}

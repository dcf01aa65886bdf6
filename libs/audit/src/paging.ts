/**
 * Reading the store a page at a time, so an audit of millions of events holds one
 * page in memory. Only an empty page ends a read: a short page is not taken to mean
 * the end, which costs one read more and does not rely on every adapter filling pages.
 */
import type { EventStore, Position, RecordedEvent } from '@portal/event-store';
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

/** Every event of the store in global order, strictly after `after` when given. */
export async function* pagesOfAll(
  store: EventStore,
  pageSize: number,
  after?: Position,
): AsyncGenerator<RecordedEvent[]> {
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ ...(cursor ? { after: cursor } : {}), maxCount: pageSize });
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
): AsyncGenerator<RecordedEvent[]> {
  let next = fromRevision;
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: next, maxCount: pageSize });
    if (page.length === 0) return;
    yield page;
    next = page[page.length - 1].revision + 1n;
  }
}

/**
 * The history timeline, read from the streams and worded at read time: an
 * account's own events (its `account-…` stream) merged, in global order, with the
 * staff reads and office events that concern it (found by `history_refs`,
 * history-refs.projection.ts); an office's timeline is its `office-…` stream. Texts
 * come from describe.ts; personal values are opened through the account's key for
 * authorised readers, shown as `[hidden]` to others, and as `[erased]` once the
 * account's data was erased (its key is gone).
 *
 * Paging: `next` is an opaque cursor holding where the page ended in both sources,
 * the own stream's revision and the global position of the last entry, so the next
 * page reads on from there in each without counting what came before.
 */
import type { DocumentStore } from '@portal/documents';
import { DomainError, type AccountEvent } from '@portal/domain';
import {
  type Actor,
  comparePositions,
  type Position,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@portal/event-store';
import { ERASED } from '@portal/vault';
import { HIDDEN } from '../hidden';
import type { ProjectedEvent } from '../model';
import { describeEntry } from './describe';
import { HISTORY_REFS, type HistoryRefDoc, historyRefId } from './history-refs.projection';

/** What the timeline reads events with. */
export interface HistorySource {
  /** One stream's events (the event store's `readStream`); an unknown stream reads as []. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** An account event with every personal field opened (`[erased]` once erased), upcast. */
  decode(raw: RecordedEvent): Promise<AccountEvent>;
}

export interface HistoryEntry {
  at: string;
  type: string;
  text: string;
  actor: Actor;
  ip?: string;
  streamId: string;
  revision: string;
  eventId: string;
}

export class InvalidCursorError extends DomainError<'INVALID_CURSOR'> {
  constructor() {
    super('INVALID_CURSOR', 'The cursor is not valid: pass the `next` of the previous page as `after`.', {
      after: 'Not a cursor this route gave.',
    });
    this.name = 'InvalidCursorError';
  }
}

interface Cursor {
  /** Revision of the last own-stream event shown (-1: none yet). */
  revision: bigint;
  /** Global position of the last entry shown. */
  position?: Position;
}

export function encodeCursor(c: Required<Cursor>): string {
  return Buffer.from(`${c.revision}/${c.position.commit}/${c.position.prepare}`).toString('base64url');
}

export function decodeCursor(after: string | undefined): Cursor {
  if (after === undefined) return { revision: -1n };
  const m = /^(-1|\d{1,20})\/(\d{1,20})\/(\d{1,20})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!m) throw new InvalidCursorError();
  return { revision: BigInt(m[1]), position: { commit: BigInt(m[2]), prepare: BigInt(m[3]) } };
}

export type Timeline = { kind: 'account'; accountId: string } | { kind: 'office'; officeId: string };

export async function readTimeline(
  source: HistorySource,
  refs: { docs: DocumentStore; generation: number } | undefined,
  timeline: Timeline,
  options: { limit: number; after?: string; reveal: boolean },
): Promise<{ items: HistoryEntry[]; next?: string }> {
  const cursor = decodeCursor(options.after);
  const owner = timeline.kind === 'account' ? timeline.accountId : timeline.officeId;
  const own = `${timeline.kind}-${owner}`;
  const [events, others] = await Promise.all([
    source.readStream(own, { fromRevision: cursor.revision + 1n, maxCount: options.limit + 1 }),
    // Office timelines are their stream alone: only accounts have entries elsewhere.
    refs && timeline.kind === 'account'
      ? refs.docs.list<HistoryRefDoc>(refs.generation, HISTORY_REFS, {
          prefix: `${owner}/`,
          limit: options.limit + 1,
          ...(cursor.position ? { afterId: historyRefId(owner, cursor.position) } : {}),
        })
      : Promise.resolve([]),
  ]);
  // Both are in global order: take the first `limit` of the two merged.
  const taken: Array<{ event: RecordedEvent } | { ref: HistoryRefDoc; position: Position }> = [];
  let i = 0;
  let j = 0;
  while (taken.length < options.limit && (i < events.length || j < others.length)) {
    if (
      j >= others.length ||
      (i < events.length && comparePositions(events[i].position, others[j].position) < 0)
    )
      taken.push({ event: events[i++] });
    else taken.push({ ref: others[j].doc, position: others[j++].position });
  }
  const more = i < events.length || j < others.length;
  const entries = await Promise.all(
    taken.map((t) => ('event' in t ? entryOf(source, t.event, options.reveal) : refEntry(source, t.ref))),
  );
  const items = entries.filter((e): e is HistoryEntry => e !== undefined);
  if (!more || taken.length === 0) return { items };
  const lastOwn = i > 0 ? events[i - 1].revision : cursor.revision;
  const last = taken[taken.length - 1];
  const position = 'event' in last ? last.event.position : last.position;
  return { items, next: encodeCursor({ revision: lastOwn, position }) };
}

/** The event a reference names, worded; undefined if it cannot be found (never the case unless a stream was deleted). */
async function refEntry(source: HistorySource, ref: HistoryRefDoc): Promise<HistoryEntry | undefined> {
  const [event] = await source.readStream(ref.streamId, { fromRevision: BigInt(ref.revision), maxCount: 1 });
  if (!event || event.revision.toString() !== ref.revision) return undefined;
  return entryOf(source, event, false);
}

const ACCOUNT = 'account-';

async function entryOf(source: HistorySource, raw: RecordedEvent, reveal: boolean): Promise<HistoryEntry> {
  const e: ProjectedEvent = raw.streamId.startsWith(ACCOUNT)
    ? { raw, account: { accountId: raw.streamId.slice(ACCOUNT.length), event: await source.decode(raw) } }
    : { raw };
  const described = describeEntry(e);
  const text = described.text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = described.personal?.[name];
    if (value === undefined || value === ERASED) return ERASED;
    return reveal ? value : HIDDEN;
  });
  return {
    at: raw.metadata.occurredAt,
    type: raw.type,
    text,
    actor: raw.metadata.actor,
    ...(raw.metadata.clientIp ? { ip: raw.metadata.clientIp } : {}),
    streamId: raw.streamId,
    revision: raw.revision.toString(),
    eventId: raw.id,
  };
}

/**
 * `history_refs`: the events of an account's timeline that are not in its own
 * stream, by reference. A staff member's reads are in that member's access stream
 * (`staff-<id>:access`), and office events in the office's (`office-<id>`): neither
 * is kept per account, so this index says which of them an account's timeline
 * merges. One small document per (account, event): `<accountId>/<global position>`
 * → the event's stream and revision, so listing by id prefix gives them in global
 * order. The timeline (timeline.ts) reads and words them at read time.
 *
 * Its cost: one document per account a staff access names (a search listing 50
 * accounts writes 50) and one per office event, each about 250 bytes with its id index. The account's own
 * events, most of any timeline, are never copied: they are read from its stream.
 */
import type { Doc } from '@portal/documents';
import type { Position } from '@portal/event-store';
import { padPosition, type Projection } from '../model';
import { officeUserOf } from '../offices/office-history';
import { staffReadsOf } from './describe';

export interface HistoryRefDoc extends Doc {
  streamId: string;
  revision: string;
}

export const HISTORY_REFS = 'history_refs';

/** Insert-only: a document's id holds the position of the one event it refers to. */
export const historyRefsProjection: Projection<HistoryRefDoc> = {
  spec: { name: HISTORY_REFS, indexes: [], insertOnly: true },
  idsOf: (e) => {
    if (e.account) return [];
    const user = officeUserOf(e);
    return [...(user ? [user] : []), ...staffReadsOf(e)].map((a) => historyRefId(a, e.raw.position));
  },
  project: (doc, e) => (doc ? undefined : { streamId: e.raw.streamId, revision: e.raw.revision.toString() }),
};

export function historyRefId(accountId: string, position: Position): string {
  return `${accountId}/${padPosition(position)}`;
}

/**
 * Collections earlier versions kept and this one no longer writes: a rebuild drops
 * them with the generation it replaces. `history` held one document per event of
 * every timeline (the timeline now reads the streams).
 */
export const RETIRED_COLLECTIONS = [{ name: 'history', indexes: [], insertOnly: true }] as const;

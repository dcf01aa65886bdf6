/**
 * What every read model is made of: a collection, which documents an event
 * touches, and a pure `project(doc, event)` that folds the event into the
 * document. The projector (projector.ts) does the I/O: it reads the touched
 * documents, folds a batch of events in order, skips any event at or before a
 * document's stored position, writes the changed documents, then the checkpoint.
 */
import type { AccountEvent } from '@portal/domain';
import type { CollectionSpec, Doc } from '@portal/documents';
import type { Position, RecordedEvent } from '@portal/event-store';

/** An event as the projections see it. */
export interface ProjectedEvent {
  /** As stored: personal data still sealed with the account's key. */
  raw: RecordedEvent;
  /** For `account-…` streams: the account id and the event decoded (personal data opened, or `[erased]`). */
  account?: { accountId: string; event: AccountEvent };
}

/**
 * `project` answers the new body, `null` to delete the document (a tombstone),
 * or `undefined` when the event changes nothing in it.
 */
export interface Projection<T extends Doc = Doc> {
  spec: CollectionSpec;
  idsOf(event: ProjectedEvent): readonly string[];
  project(doc: T | undefined, event: ProjectedEvent, id: string): T | null | undefined;
}

/**
 * Fixed-width decimals, so that ids ordered as strings follow the global event
 * order. Both halves: EventStoreDB gives the events of one append one commit
 * position and distinct prepare positions.
 */
export function padPosition(p: Position): string {
  return `${p.commit.toString().padStart(20, '0')}.${p.prepare.toString().padStart(20, '0')}`;
}

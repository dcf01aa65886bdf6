/**
 * Every event carries `metadata.prevHash` (the hash of the previous event of its
 * stream, '' for the first) and `metadata.hash` (SHA-256 over prevHash, id, type,
 * data and the rest of the metadata). An auditor holding only the stream can then
 * prove that no event was altered, removed or reordered: change one and its hash,
 * or the next event's prevHash, no longer matches.
 *
 * The hash covers the event as stored, i.e. with personal data already encrypted,
 * so erasing an account's key (crypto-shredding) leaves every link intact.
 */
import { createHash } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '@portal/event-store';
import { canonicalJson, canonicalJsonWithout } from './canonical-json';

export const GENESIS_HASH = '';

export function eventHash(
  event: Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'>,
  prevHash: string,
): string {
  // canonicalJson({ prevHash, id, type, data, metadata without its hash }), written out in its key
  // order so that neither the wrapper nor a copy of the metadata is made for every event.
  let text = '{';
  if (event.data !== undefined) text += `"data":${canonicalJson(event.data)},`;
  if (event.id !== undefined) text += `"id":${canonicalJson(event.id)},`;
  text += `"metadata":${canonicalJsonWithout(event.metadata, 'hash')},`;
  text += `"prevHash":${canonicalJson(prevHash)}`;
  if (event.type !== undefined) text += `,"type":${canonicalJson(event.type)}`;
  return createHash('sha256').update(`${text}}`).digest('hex');
}

/** Stamps prevHash and hash on events about to be appended after `prevHash`. */
export function chain(events: NewEvent[], prevHash: string): NewEvent[] {
  let previous = prevHash;
  return events.map((e) => {
    const metadata: EventMetadata = { ...e.metadata, prevHash: previous };
    // The copy is this event's own: its hash is set on it once computed (the hash leaves itself out).
    metadata.hash = eventHash({ id: e.id, type: e.type, data: e.data, metadata }, previous);
    previous = metadata.hash;
    return { ...e, metadata };
  });
}

export type ChainBreak = {
  streamId: string;
  revision: bigint;
  eventId: string;
  /** `unreadable`: the store cannot read the event back (UnreadableEventError), so its link cannot be checked. */
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'missing-hash' | 'revision-gap' | 'unreadable';
};

/**
 * Where a forward check of one stream stands: the hash the next event must link
 * to and the revision it must have. Small on purpose, so that a check of the
 * whole store can hold one per stream and nothing else.
 */
export interface ChainCursor {
  readonly prevHash: string;
  readonly nextRevision: bigint;
}

export const CHAIN_START: ChainCursor = { prevHash: GENESIS_HASH, nextRevision: 0n };

export type ChainStep = { ok: true; cursor: ChainCursor } | { ok: false; break: ChainBreak };

/** Checks the next event of a stream read forwards against where the check stands. */
export function checkLink(cursor: ChainCursor, e: RecordedEvent): ChainStep {
  const at = { streamId: e.streamId, revision: e.revision, eventId: e.id };
  if (e.revision !== cursor.nextRevision) return { ok: false, break: { ...at, reason: 'revision-gap' } };
  if (!e.metadata.hash) return { ok: false, break: { ...at, reason: 'missing-hash' } };
  if ((e.metadata.prevHash ?? GENESIS_HASH) !== cursor.prevHash)
    return { ok: false, break: { ...at, reason: 'prev-hash-mismatch' } };
  if (eventHash(e, cursor.prevHash) !== e.metadata.hash)
    return { ok: false, break: { ...at, reason: 'hash-mismatch' } };
  return { ok: true, cursor: { prevHash: e.metadata.hash, nextRevision: e.revision + 1n } };
}

/** Checks one stream read forwards from its first event. Returns the first broken link, if any. */
export function verifyChain(events: RecordedEvent[]): ChainBreak | undefined {
  let cursor = CHAIN_START;
  for (const e of events) {
    const step = checkLink(cursor, e);
    if (!step.ok) return step.break;
    cursor = step.cursor;
  }
  return undefined;
}

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
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '';

export function eventHash(
  event: Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'>,
  prevHash: string,
): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  return createHash('sha256')
    .update(canonicalJson({ prevHash, id: event.id, type: event.type, data: event.data, metadata }))
    .digest('hex');
}

/** Stamps prevHash and hash on events about to be appended after `prevHash`. */
export function chain(events: NewEvent[], prevHash: string): NewEvent[] {
  let previous = prevHash;
  return events.map((e) => {
    const metadata: EventMetadata = { ...e.metadata, prevHash: previous };
    const hash = eventHash({ ...e, metadata }, previous);
    previous = hash;
    return { ...e, metadata: { ...metadata, hash } };
  });
}

export type ChainBreak = {
  streamId: string;
  revision: bigint;
  eventId: string;
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'missing-hash' | 'revision-gap';
};

/** Checks one stream read forwards from its first event. Returns the first broken link, if any. */
export function verifyChain(events: RecordedEvent[]): ChainBreak | undefined {
  let prevHash = GENESIS_HASH;
  let expectedRevision = 0n;
  for (const e of events) {
    const at = { streamId: e.streamId, revision: e.revision, eventId: e.id };
    if (e.revision !== expectedRevision) return { ...at, reason: 'revision-gap' };
    if (!e.metadata.hash) return { ...at, reason: 'missing-hash' };
    if ((e.metadata.prevHash ?? GENESIS_HASH) !== prevHash) return { ...at, reason: 'prev-hash-mismatch' };
    if (eventHash(e, prevHash) !== e.metadata.hash) return { ...at, reason: 'hash-mismatch' };
    prevHash = e.metadata.hash;
    expectedRevision++;
  }
  return undefined;
}

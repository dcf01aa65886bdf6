import type { NewEvent, RecordedEvent } from '@portal/event-store';
import { canonicalJson } from './canonical-json';
import { CHAIN_START, chain, checkLink, type ChainCursor, verifyChain } from './hash-chain';

function events(n: number): NewEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    type: i === 0 ? 'Registered' : 'LoginFailed',
    data: { n: i, nested: { b: 2, a: 1 } },
    metadata: {
      correlationId: 'c',
      actor: { kind: 'anonymous' as const },
      occurredAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  }));
}

function record(stream: NewEvent[]): RecordedEvent[] {
  return stream.map((e, i) => ({
    ...e,
    streamId: 'account-1',
    revision: BigInt(i),
    position: { commit: BigInt(i), prepare: BigInt(i) },
    recordedAt: '2026-01-01T00:00:00.000Z',
  }));
}

describe('hash chain', () => {
  it('verifies an untouched stream, including one appended in two batches', () => {
    const first = chain(events(2), '');
    const second = chain(events(4).slice(2), first[1].metadata.hash!);
    expect(verifyChain(record([...first, ...second]))).toBeUndefined();
  });

  it('names the altered event', () => {
    const stored = record(chain(events(3), ''));
    stored[1] = { ...stored[1], data: { ...stored[1].data, n: 99 } };
    expect(verifyChain(stored)).toMatchObject({ revision: 1n, reason: 'hash-mismatch' });
  });

  it('notices a removed event', () => {
    const stored = record(chain(events(3), ''));
    const withoutMiddle = [stored[0], { ...stored[2], revision: 1n }];
    expect(verifyChain(withoutMiddle)).toMatchObject({ revision: 1n, reason: 'prev-hash-mismatch' });
  });

  it('notices altered metadata (the actor)', () => {
    const stored = record(chain(events(2), ''));
    stored[0] = {
      ...stored[0],
      metadata: { ...stored[0].metadata, actor: { kind: 'system', component: 'x' } },
    };
    expect(verifyChain(stored)).toMatchObject({ revision: 0n, reason: 'hash-mismatch' });
  });

  it('checks one link at a time as verifyChain does, the cursor holding only the last hash and next revision', () => {
    const stored = record(chain(events(3), ''));
    let cursor: ChainCursor = CHAIN_START;
    for (const e of stored) {
      const step = checkLink(cursor, e);
      if (!step.ok) throw new Error(`unexpected break at ${e.revision}`);
      cursor = step.cursor;
    }
    expect(cursor).toEqual({ prevHash: stored[2].metadata.hash, nextRevision: 3n });
    expect(checkLink(cursor, { ...stored[2], revision: 4n })).toEqual({
      ok: false,
      break: { streamId: 'account-1', revision: 4n, eventId: stored[2].id, reason: 'revision-gap' },
    });
  });

  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
});

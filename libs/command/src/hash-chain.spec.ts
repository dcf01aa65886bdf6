import fc from 'fast-check';
import type { NewEvent, RecordedEvent } from '@portal/event-store';
import { canonicalJson } from './canonical-json';
import { CHAIN_START, chain, checkLink, type ChainCursor, verifyChain } from './hash-chain';

/** canonicalJson as first written: every stored hash was made with it, so the current one must agree. */
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(firstCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstCanonicalJson(v)}`).join(',')}}`;
}

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

  it('writes exactly what the first version wrote, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withSparseArray: true,
          withNullPrototype: true,
          withUnicodeString: true,
        }),
        (value) => expect(canonicalJson(value)).toBe(firstCanonicalJson(value)),
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the hashes of events already stored (computed by the first version)', () => {
    const actor = { kind: 'self' as const, accountId: 'a-1' };
    const stamped = chain(
      [
        {
          id: '0190c3a0-0000-7000-8000-000000000001',
          type: 'LoginSucceeded',
          data: {
            loginId: 'l-1',
            sessionId: 's-1',
            method: 'email-code',
            nested: { b: [1, { z: null, y: '\u00e9\u2028' }], a: true },
          },
          metadata: {
            correlationId: 'c-1',
            actor,
            occurredAt: '2026-12-07T19:00:00.000Z',
            schemaVersion: 1,
            clientIp: '127.0.0.1',
            userAgent: 'bench',
          },
        },
        {
          id: '0190c3a0-0000-7000-8000-000000000002',
          type: 'OtpVerified',
          data: { loginId: 'l-1', otpId: 'o-1' },
          metadata: { correlationId: 'c-1', actor, occurredAt: '2026-12-07T19:00:00.000Z', schemaVersion: 1 },
        },
      ],
      'abc',
    );
    expect(stamped.map((e) => [e.metadata.prevHash, e.metadata.hash])).toEqual([
      ['abc', '5af90ff91500e013844b328cec8ca2bf583993a7c40d4459e70fde69d8398baa'],
      [
        '5af90ff91500e013844b328cec8ca2bf583993a7c40d4459e70fde69d8398baa',
        '5f07fa8ed3c5f83ac4292ff24bdec2bd1095f1e6d40197d1e9cdbf0dabfbc218',
      ],
    ]);
    // The metadata as stored: the caller's fields, then the two links, and nothing of the caller's object changed.
    expect(Object.keys(stamped[1].metadata)).toEqual([
      'correlationId',
      'actor',
      'occurredAt',
      'schemaVersion',
      'prevHash',
      'hash',
    ]);
  });
});

/**
 * The one contract every EventStore adapter must pass (see the port). It runs against
 * a persistent server too, so every test writes to streams of its own and, when it
 * reads $all, looks only at those streams, starting from a marker event it appended.
 */
import {
  comparePositions,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { AppendTooLargeError, MAX_APPEND_BYTES } from '../validation';
import { numberedEvents, testEvent, testMetadata, uniqueStream } from './event-factory';

export interface EventStoreFixture {
  store: EventStore;
  /** Closes the current store and opens the same data again (same file, or a new client). */
  restart: () => Promise<EventStore>;
  /** Closes whichever store is current and removes what the fixture created. */
  cleanup: () => Promise<void>;
}

export interface ContractOptions {
  /** Per-test timeout for the tests that wait on subscriptions. */
  subscriptionTimeoutMs?: number;
}

export async function waitUntil(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function expectWrongRevision(
  attempt: Promise<unknown>,
  streamId: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId, expected, actual });
}

function ids(events: ReadonlyArray<{ id: string }>): string[] {
  return events.map((e) => e.id);
}

function expectStrictlyIncreasing(positions: Position[]): void {
  for (let i = 1; i < positions.length; i++) {
    expect(comparePositions(positions[i - 1], positions[i])).toBe(-1);
  }
}

export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStoreFixture>,
  options: ContractOptions = {},
): void {
  const slow = options.subscriptionTimeoutMs ?? 30_000;

  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    /** Appends a marker to a fresh stream: $all reads start after it and see only this test's events. */
    async function mark(): Promise<Position> {
      const result = await store.append(uniqueStream('marker'), [testEvent('MarkerSet')], 'no_stream');
      return result.position;
    }

    async function readAllOf(prefix: string, after: Position): Promise<RecordedEvent[]> {
      const events = await store.readAll({ after });
      return events.filter((e) => e.streamId.startsWith(prefix));
    }

    describe('append and readStream', () => {
      it('stores events with bigint revisions from 0n and returns the last revision and position', async () => {
        const stream = uniqueStream();
        const events = numberedEvents(3);
        const result = await store.append(stream, events, 'no_stream');
        expect(result.nextRevision).toBe(2n);
        expect(typeof result.position.commit).toBe('bigint');
        expect(typeof result.position.prepare).toBe('bigint');

        const read = await store.readStream(stream);
        expect(ids(read)).toEqual(ids(events));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read.map((e) => e.streamId)).toEqual([stream, stream, stream]);
        expect(read[2].position).toEqual(result.position);
        expectStrictlyIncreasing(read.map((e) => e.position));
      });

      it('continues the revisions of an existing stream', async () => {
        const stream = uniqueStream();
        await store.append(stream, numberedEvents(2), 'no_stream');
        const result = await store.append(stream, numberedEvents(2, 2), 1n);
        expect(result.nextRevision).toBe(3n);
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.revision, e.data.n])).toEqual([
          [0n, 0],
          [1n, 1],
          [2n, 2],
          [3n, 3],
        ]);
      });

      it('reads an unknown stream as []', async () => {
        expect(await store.readStream(uniqueStream('missing'))).toEqual([]);
        expect(await store.readStream(uniqueStream('missing'), { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('expected revision', () => {
      let existing: string;
      beforeEach(async () => {
        existing = uniqueStream();
        await store.append(existing, numberedEvents(2), 'no_stream');
      });

      it('no_stream: accepts a new stream, rejects an existing one with its revision', async () => {
        await expect(store.append(uniqueStream(), [testEvent()], 'no_stream')).resolves.toMatchObject({
          nextRevision: 0n,
        });
        await expectWrongRevision(
          store.append(existing, [testEvent()], 'no_stream'),
          existing,
          'no_stream',
          1n,
        );
      });

      it('stream_exists: rejects a new stream with no_stream, accepts an existing one', async () => {
        const fresh = uniqueStream();
        await expectWrongRevision(
          store.append(fresh, [testEvent()], 'stream_exists'),
          fresh,
          'stream_exists',
          'no_stream',
        );
        expect(await store.readStream(fresh)).toEqual([]);
        await expect(store.append(existing, [testEvent()], 'stream_exists')).resolves.toMatchObject({
          nextRevision: 2n,
        });
      });

      it('any: accepts both a new and an existing stream', async () => {
        await expect(store.append(uniqueStream(), [testEvent()], 'any')).resolves.toMatchObject({
          nextRevision: 0n,
        });
        await expect(store.append(existing, [testEvent()], 'any')).resolves.toMatchObject({
          nextRevision: 2n,
        });
      });

      it('a revision: accepts the current one, rejects older, newer and a missing stream', async () => {
        await expectWrongRevision(store.append(existing, [testEvent()], 0n), existing, 0n, 1n);
        await expectWrongRevision(store.append(existing, [testEvent()], 2n), existing, 2n, 1n);
        const fresh = uniqueStream();
        await expectWrongRevision(store.append(fresh, [testEvent()], 0n), fresh, 0n, 'no_stream');
        await expect(store.append(existing, [testEvent()], 1n)).resolves.toMatchObject({ nextRevision: 2n });
      });

      it('a rejected append stores nothing', async () => {
        await expectWrongRevision(store.append(existing, numberedEvents(3, 10), 5n), existing, 5n, 1n);
        const read = await store.readStream(existing);
        expect(read.map((e) => e.data.n)).toEqual([0, 1]);
      });

      it('100 concurrent appends with the same expected revision: exactly one wins', async () => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 100 }, (_, i) => store.append(existing, [testEvent('Raced', { i })], 1n)),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(99);
        for (const o of lost) {
          expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(o.reason).toMatchObject({ expected: 1n, actual: 2n });
        }
        const read = await store.readStream(existing);
        expect(read).toHaveLength(3);
        expect(read[2].type).toBe('Raced');
      });
    });

    describe('refused at the port', () => {
      it('an append without events, naming the stream', async () => {
        const stream = uniqueStream();
        await expect(store.append(stream, [], 'any')).rejects.toThrow(`append to ${stream}: no events`);
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('an event id that is not a UUID, naming the stream and the id', async () => {
        const stream = uniqueStream();
        const events = [testEvent(), { ...testEvent(), id: 'event-2' }];
        await expect(store.append(stream, events, 'no_stream')).rejects.toThrow(
          `append to ${stream}: event id event-2 is not a UUID`,
        );
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('an append over 1 MiB, in one event or in several, naming the stream and the size', async () => {
        const stream = uniqueStream();
        const kib = (n: number) => 'x'.repeat(n * 1024);
        for (const events of [
          [testEvent('Big', { blob: kib(1024) })],
          [0, 1, 2].map((i) => testEvent('Part', { i, blob: kib(350) })),
        ]) {
          const error = await store.append(stream, events, 'any').catch((e: unknown) => e);
          expect(error).toBeInstanceOf(AppendTooLargeError);
          expect(error).toMatchObject({
            code: 'APPEND_TOO_LARGE',
            streamId: stream,
            limit: MAX_APPEND_BYTES,
          });
          expect((error as AppendTooLargeError).bytes).toBeGreaterThan(MAX_APPEND_BYTES);
          expect((error as Error).message).toContain(stream);
        }
        expect(await store.readStream(stream)).toEqual([]);
        // Well under the limit is fine, and reads back whole.
        const fits = [testEvent('Part', { blob: kib(600) })];
        await store.append(stream, fits, 'no_stream');
        expect((await store.readStream(stream))[0].data).toEqual(fits[0].data);
      });
    });

    describe('idempotency by event id', () => {
      it('re-appending the same events with the same expected revision is a no-op', async () => {
        const stream = uniqueStream();
        const events = numberedEvents(3);
        const first = await store.append(stream, events, 'no_stream');
        const again = await store.append(stream, events, 'no_stream');
        expect(again.nextRevision).toBe(first.nextRevision);
        expect(ids(await store.readStream(stream))).toEqual(ids(events));
      });

      it('a retry whose expected revision went stale is still a no-op, not a conflict', async () => {
        const stream = uniqueStream();
        await store.append(stream, numberedEvents(1), 'no_stream');
        const mine = numberedEvents(2, 1);
        const first = await store.append(stream, mine, 0n);
        await store.append(stream, numberedEvents(1, 3), first.nextRevision);
        const retry = await store.append(stream, mine, 0n);
        expect(retry.nextRevision).toBe(first.nextRevision);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.data.n)).toEqual([0, 1, 2, 3]);
      });
    });

    describe('readStream options', () => {
      let stream: string;
      beforeEach(async () => {
        stream = uniqueStream();
        await store.append(stream, numberedEvents(10), 'no_stream');
      });
      const ns = (events: RecordedEvent[]) => events.map((e) => e.data.n);

      it('reads forwards from a revision (inclusive) with maxCount', async () => {
        expect(ns(await store.readStream(stream, { fromRevision: 4n }))).toEqual([4, 5, 6, 7, 8, 9]);
        expect(ns(await store.readStream(stream, { fromRevision: 4n, maxCount: 3 }))).toEqual([4, 5, 6]);
        expect(ns(await store.readStream(stream, { maxCount: 2 }))).toEqual([0, 1]);
        expect(await store.readStream(stream, { fromRevision: 10n })).toEqual([]);
      });

      it('reads backwards from the end or from a revision (inclusive) with maxCount', async () => {
        expect(ns(await store.readStream(stream, { direction: 'backwards' }))).toEqual([
          9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
        ]);
        expect(ns(await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))).toEqual([9]);
        expect(ns(await store.readStream(stream, { direction: 'backwards', fromRevision: 3n }))).toEqual([
          3, 2, 1, 0,
        ]);
        expect(
          ns(await store.readStream(stream, { direction: 'backwards', fromRevision: 5n, maxCount: 2 })),
        ).toEqual([5, 4]);
      });
    });

    describe('readAll', () => {
      it('returns the events strictly after a position, in global order', async () => {
        const start = await mark();
        const prefix = uniqueStream('all');
        const a = `${prefix}-a`;
        const b = `${prefix}-b`;
        await store.append(a, numberedEvents(2, 0), 'no_stream');
        await store.append(b, numberedEvents(2, 2), 'no_stream');
        await store.append(a, numberedEvents(2, 4), 1n);

        const all = await readAllOf(prefix, start);
        expect(all.map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(all.map((e) => e.streamId)).toEqual([a, a, b, b, a, a]);
        expectStrictlyIncreasing(all.map((e) => e.position));

        const after = await store.readAll({ after: all[2].position });
        expect(after.every((e) => comparePositions(e.position, all[2].position) > 0)).toBe(true);
        expect(after.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.data.n)).toEqual([3, 4, 5]);
      });

      it('pages with maxCount', async () => {
        const start = await mark();
        const stream = uniqueStream('paged');
        const written = numberedEvents(7);
        await store.append(stream, written, 'no_stream');

        const collected: RecordedEvent[] = [];
        let after = start;
        let pages = 0;
        while (collected.length < written.length) {
          const page = await store.readAll({ after, maxCount: 3 });
          expect(page.length).toBeGreaterThan(0);
          expect(page.length).toBeLessThanOrEqual(3);
          collected.push(...page.filter((e) => e.streamId === stream));
          after = page[page.length - 1].position;
          pages++;
        }
        expect(ids(collected)).toEqual(ids(written));
        expect(pages).toBeGreaterThanOrEqual(3);
        expect(await store.readAll({ after: start, maxCount: 0 })).toEqual([]);
      });
    });

    describe('recorded events', () => {
      it('round-trip data and every metadata field', async () => {
        const start = await mark();
        const stream = uniqueStream('meta');
        const actors = [
          { kind: 'self', accountId: 'acc-1' },
          { kind: 'staff', staffId: 'staff-7', role: 'support' },
          { kind: 'system', component: 'worker' },
          { kind: 'anonymous' },
        ] as const;
        const events: NewEvent[] = actors.map((actor, i) => ({
          id: testEvent().id,
          type: 'RoundTripped',
          data: {
            i,
            text: 'Zoë — 名前 ✓',
            nested: { list: [1, 'two', null, true, { deep: 1.5 }], empty: {} },
            flag: false,
            nothing: null,
          },
          metadata: testMetadata({
            correlationId: `corr-${i}`,
            causationId: `cause-${i}`,
            actor,
            occurredAt: `2025-02-0${i + 1}T08:30:00.123Z`,
            schemaVersion: i + 1,
            clientIp: '2001:db8::1',
            userAgent: 'Mozilla/5.0 (contract)',
            prevHash: i === 0 ? '' : 'a'.repeat(64),
            hash: 'b'.repeat(64),
          }),
        }));
        await store.append(stream, events, 'no_stream');

        const viaStream = await store.readStream(stream);
        const viaAll = await readAllOf(stream, start);
        for (const read of [viaStream, viaAll]) {
          expect(read.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }))).toEqual(events);
          for (const e of read) {
            expect(Number.isNaN(Date.parse(e.recordedAt))).toBe(false);
            expect(new Date(e.recordedAt).toISOString()).toBe(e.recordedAt);
          }
        }
        const delivered: RecordedEvent[] = [];
        const sub = store.subscribeToAll(
          (e) => {
            if (e.streamId === stream) delivered.push(e);
          },
          { after: start },
        );
        try {
          await waitUntil(() => delivered.length === events.length, 'the subscription delivered the events');
        } finally {
          await sub.stop();
        }
        expect(delivered).toEqual(viaStream);
      });

      it('orders positions globally, in append order, across streams', async () => {
        const prefix = uniqueStream('order');
        const results = [];
        for (let i = 0; i < 6; i++) {
          results.push(
            await store.append(`${prefix}-${i % 3}`, [testEvent()], i < 3 ? 'no_stream' : BigInt(0)),
          );
        }
        expectStrictlyIncreasing(results.map((r) => r.position));
        expect(results.map((r) => r.nextRevision)).toEqual([0n, 0n, 0n, 1n, 1n, 1n]);
      });
    });

    describe('subscribeToAll', () => {
      it(
        'from the start delivers every event exactly once, in order, across the switch to live',
        async () => {
          const prefix = uniqueStream('sub');
          const streams = Array.from({ length: 4 }, (_, i) => `${prefix}-${i}`);
          const history = 120;
          for (let i = 0; i < history; i += 10) {
            await store.append(streams[(i / 10) % 4], numberedEvents(10, i), 'any');
          }

          const delivered: RecordedEvent[] = [];
          let previous: Position | undefined;
          let inFlight = 0;
          let overlapped = false;
          let outOfOrder = false;
          const sub = store.subscribeToAll(async (e) => {
            inFlight++;
            if (inFlight > 1) overlapped = true;
            if (previous && comparePositions(previous, e.position) >= 0) outOfOrder = true;
            previous = e.position;
            if (e.streamId.startsWith(prefix)) {
              delivered.push(e);
              // Yield now and then so that live appends land while the handler is busy.
              if (delivered.length % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
            }
            inFlight--;
          });

          const writers = 6;
          const perWriter = 30;
          const live = await Promise.all(
            Array.from({ length: writers }, async (_, w) => {
              const stream = `${prefix}-live-${w}`;
              let expected: ExpectedRevision = 'no_stream';
              const written: string[] = [];
              for (let i = 0; i < perWriter; i++) {
                const events = i % 5 === 4 ? numberedEvents(3, 1000 + i) : [testEvent('Live', { w, i })];
                expected = (await store.append(stream, events, expected)).nextRevision;
                written.push(...ids(events));
                if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
              }
              return written;
            }),
          );
          const total = history + live.flat().length;
          try {
            await waitUntil(() => delivered.length >= total, `${total} events were delivered`, slow - 5_000);
            // Anything beyond `total` would be a duplicate; give it a moment to show up.
            await new Promise((resolve) => setTimeout(resolve, 100));
          } finally {
            await sub.stop();
          }

          expect(overlapped).toBe(false);
          expect(outOfOrder).toBe(false);
          expect(delivered).toHaveLength(total);
          expect(new Set(ids(delivered)).size).toBe(total);
          const stored = (await store.readAll({ after: delivered[0].position })).filter((e) =>
            e.streamId.startsWith(prefix),
          );
          expect(ids(delivered)).toEqual([delivered[0].id, ...ids(stored)]);
          for (const written of live) {
            const order = ids(delivered).filter((id) => written.includes(id));
            expect(order).toEqual(written);
          }
          expect(sub.lastPosition).toEqual(previous);
        },
        slow,
      );

      it(
        'after a checkpoint delivers only later events',
        async () => {
          const stream = uniqueStream('checkpoint');
          const first = numberedEvents(10);
          await store.append(stream, first, 'no_stream');
          const read = await store.readStream(stream);
          const checkpoint = read[4].position;

          const delivered: RecordedEvent[] = [];
          let earliest: Position | undefined;
          const sub = store.subscribeToAll(
            (e) => {
              if (!earliest) earliest = e.position;
              if (e.streamId === stream) delivered.push(e);
            },
            { after: checkpoint },
          );
          try {
            await store.append(stream, numberedEvents(5, 10), 9n);
            await waitUntil(() => delivered.length >= 10, '10 events were delivered');
            await new Promise((resolve) => setTimeout(resolve, 100));
          } finally {
            await sub.stop();
          }
          expect(earliest && comparePositions(earliest, checkpoint)).toBe(1);
          expect(delivered.map((e) => e.data.n)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
        },
        slow,
      );

      it(
        'a handler error stops the subscription and reaches onError',
        async () => {
          const start = await mark();
          const stream = uniqueStream('failing');
          await store.append(stream, numberedEvents(5), 'no_stream');
          const boom = new Error('projection failed');
          const handled: number[] = [];
          const errors: Error[] = [];
          const sub = store.subscribeToAll(
            (e) => {
              if (e.streamId !== stream) return;
              handled.push(Number(e.data.n));
              if (e.data.n === 2) throw boom;
            },
            { after: start, onError: (error) => errors.push(error) },
          );
          try {
            await waitUntil(() => errors.length > 0, 'onError was called');
            await store.append(stream, numberedEvents(2, 5), 4n);
            await new Promise((resolve) => setTimeout(resolve, 300));
          } finally {
            await sub.stop();
          }
          expect(errors).toEqual([boom]);
          expect(handled).toEqual([0, 1, 2]);
          expect(sub.lastPosition && comparePositions(sub.lastPosition, start)).toBe(1);
        },
        slow,
      );

      it(
        'stop() waits for the running handler and ends delivery',
        async () => {
          const start = await mark();
          const stream = uniqueStream('stopping');
          await store.append(stream, numberedEvents(3), 'no_stream');
          let release: () => void = () => undefined;
          const gate = new Promise<void>((resolve) => (release = resolve));
          const handled: number[] = [];
          let finished = false;
          const sub = store.subscribeToAll(
            async (e) => {
              if (e.streamId !== stream) return;
              handled.push(Number(e.data.n));
              await gate;
              finished = true;
            },
            { after: start },
          );
          await waitUntil(() => handled.length === 1, 'the first event reached the handler');
          const stopping = sub.stop().then(() => finished);
          release();
          expect(await stopping).toBe(true);
          await store.append(stream, numberedEvents(1, 3), 2n);
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(handled).toEqual([0]);
        },
        slow,
      );

      it(
        'resumes from lastPosition after the store restarts, losing and repeating nothing',
        async () => {
          const start = await mark();
          const stream = uniqueStream('restart');
          const before = numberedEvents(40);
          await store.append(stream, before, 'no_stream');

          const delivered: RecordedEvent[] = [];
          const handler = async (e: RecordedEvent) => {
            if (e.streamId !== stream) return;
            delivered.push(e);
            await new Promise((resolve) => setTimeout(resolve, 1));
          };
          let sub: Subscription = store.subscribeToAll(handler, { after: start });
          await waitUntil(() => delivered.length >= 10, 'catch-up was under way');

          store = await fixture.restart();
          const checkpoint = sub.lastPosition;
          expect(checkpoint).toBeDefined();
          const afterRestart = numberedEvents(20, 40);
          await store.append(stream, afterRestart, 39n);
          sub = store.subscribeToAll(handler, { after: checkpoint });
          try {
            await waitUntil(() => delivered.length >= 60, 'all 60 events were delivered');
            await new Promise((resolve) => setTimeout(resolve, 100));
          } finally {
            await sub.stop();
          }
          expect(ids(delivered)).toEqual([...ids(before), ...ids(afterRestart)]);
        },
        slow,
      );
    });

    describe('lifecycle', () => {
      it('ping resolves while open; a closed store refuses work as unavailable', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.append(uniqueStream(), [testEvent()], 'any')).rejects.toBeInstanceOf(
          EventStoreUnavailableError,
        );
        await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.readStream(uniqueStream())).rejects.toBeInstanceOf(EventStoreUnavailableError);
      });
    });
  });
}

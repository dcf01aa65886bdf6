import {
  AccessDeniedError,
  excludeSystemEvents,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  type Position,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { chain, GENESIS_HASH, verifyChain } from '@portal/command';
import { numberedEvents, testEvent, testMetadata } from '../testing/event-factory';
import { waitUntil } from '../testing/event-store.contract';
import { FakeKurrentClient } from './testing/fake-kurrentdb-client';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const fastReconnect = { initialDelayMs: 1, maxDelayMs: 4, maxAttempts: 3, healthyAfterMs: 60_000 };

describe('KurrentDbEventStore (against a faked client)', () => {
  let client: FakeKurrentClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    client = new FakeKurrentClient();
    store = new KurrentDbEventStore(client, {
      reconnect: fastReconnect,
      readAllPageSize: 4,
      pingDeadlineMs: 20,
      notReadyRetry: { attempts: 5, minDelayMs: 1, maxDelayMs: 2 },
    });
  });

  afterEach(async () => {
    await store.close();
  });

  describe('append', () => {
    it('sends JSON events with their ids and metadata and maps the expected revision', async () => {
      const events = numberedEvents(2);
      await store.append('s-1', events, 'no_stream');
      await store.append('s-1', [testEvent()], 1n);
      await store.append('s-1', [testEvent()], 'stream_exists');
      await store.append('s-1', [testEvent()], 'any');
      expect(client.appendCalls.map((c) => c.streamState)).toEqual(['no_stream', 1n, 'stream_exists', 'any']);
      expect(client.appendCalls[0].events).toEqual(
        events.map(({ id, type, data, metadata: { correlationId, causationId, ...rest } }) => ({
          id,
          contentType: 'application/json',
          type,
          data,
          metadata: { $correlationId: correlationId, $causationId: causationId, ...rest },
        })),
      );
    });

    it('returns the next revision and the position as bigints', async () => {
      const result = await store.append('s-1', numberedEvents(3), 'no_stream');
      const last = client.log[2];
      expect(result).toEqual({ nextRevision: 2n, position: last.position });
      expect(typeof result.position.prepare).toBe('bigint');
    });

    it('looks the position up when the server returns none (an idempotent write)', async () => {
      await store.append('s-1', numberedEvents(2), 'no_stream');
      client.nextAppendWithoutPosition = true;
      const result = await store.append('s-1', [testEvent()], 1n);
      const commit = client.log[2].position?.commit;
      expect(result).toEqual({ nextRevision: 2n, position: { commit, prepare: commit } });
    });

    it.each([
      ['no_stream', 4n],
      [2n, 4n],
      ['stream_exists', 'no_stream'],
      [0n, 'no_stream'],
    ] as const)(
      'maps WrongExpectedVersionError (expected %s, actual %s) to WrongExpectedRevisionError',
      async (expected, actual) => {
        client.appendFaults.push(
          new WrongExpectedVersionError(undefined, {
            streamName: 's-1',
            expected,
            current: actual,
          }),
        );
        const error = await store.append('s-1', [testEvent()], expected).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: 's-1', expected, actual });
      },
    );

    it('maps transport failures to a retryable EventStoreUnavailableError and leaves others alone', async () => {
      client.appendFaults.push(new UnavailableError(undefined, 'no leader'));
      await expect(store.append('s-1', [testEvent()], 'any')).rejects.toMatchObject({
        name: 'EventStoreUnavailableError',
        retryable: true,
      });
      const denied = new AccessDeniedError(undefined, 'denied');
      client.appendFaults.push(denied);
      await expect(store.append('s-1', [testEvent()], 'any')).rejects.toBe(denied);
    });

    it('rejects malformed appends without calling the server', async () => {
      await expect(store.append('s-1', [{ ...testEvent(), type: '$metadata' }], 'any')).rejects.toThrow(
        /reserved/,
      );
      await expect(store.append('', [testEvent()], 'any')).rejects.toThrow(TypeError);
      expect(client.appendCalls).toEqual([]);
    });
  });

  describe('readStream', () => {
    it('reads a missing stream (StreamNotFoundError) as []', async () => {
      expect(await store.readStream('nope')).toEqual([]);
    });

    it('maps recorded events: bigint revisions, positions, recordedAt, data and metadata', async () => {
      const metadata = testMetadata({
        actor: { kind: 'staff', staffId: 'st-1', role: 'support' },
        clientIp: '10.0.0.1',
      });
      await store.append('s-1', [testEvent('Registered', { user: 'ann' }, metadata)], 'no_stream');
      const [read] = await store.readStream('s-1');
      const stored = client.log[0];
      expect(read).toEqual({
        id: stored.id,
        type: 'Registered',
        data: { user: 'ann' },
        metadata: { ...metadata },
        streamId: 's-1',
        revision: 0n,
        // Stream reads from servers before 22.6 carry only the commit position.
        position: { commit: stored.position?.commit, prepare: stored.position?.commit },
        recordedAt: stored.created.toISOString(),
      });
    });

    it('passes direction, fromRevision and maxCount through, defaulting to start or end', async () => {
      await store.append('s-1', numberedEvents(5), 'no_stream');
      const ns = (events: RecordedEvent[]) => events.map((e) => e.data.n);
      expect(ns(await store.readStream('s-1'))).toEqual([0, 1, 2, 3, 4]);
      expect(ns(await store.readStream('s-1', { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
      expect(ns(await store.readStream('s-1', { fromRevision: 3n }))).toEqual([3, 4]);
      expect(
        client.readStreamCalls.map(({ direction, fromRevision, maxCount }) => [
          direction,
          fromRevision,
          maxCount,
        ]),
      ).toEqual([
        ['forwards', 'start', undefined],
        ['backwards', 'end', 2],
        ['forwards', 3n, undefined],
      ]);
    });

    it('refuses a payload that is not our JSON event', async () => {
      client.record('s-2', 'Foreign', { fine: true }, { not: 'our metadata' });
      await expect(store.readStream('s-2')).rejects.toThrow(/metadata is not event metadata/);
    });
  });

  describe('readAll', () => {
    beforeEach(async () => {
      client.systemEvent();
      await store.append('a', numberedEvents(2, 0), 'no_stream');
      client.systemEvent();
      client.systemEvent();
      await store.append('b', numberedEvents(3, 2), 'no_stream');
      client.systemEvent();
      await store.append('a', numberedEvents(2, 5), 1n);
    });
    const ns = (events: RecordedEvent[]) => events.map((e) => e.data.n);

    it('excludes system events, in global order, across pages', async () => {
      const all = await store.readAll();
      expect(ns(all)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(all.every((e) => !e.type.startsWith('$'))).toBe(true);
      expect(client.readAllCalls.length).toBeGreaterThan(2);
      expect(client.readAllCalls.every((c) => c.maxCount === 4)).toBe(true);
    });

    it('treats `after` as exclusive although the server starts inclusively', async () => {
      const all = await store.readAll();
      const after: Position = all[2].position;
      expect(ns(await store.readAll({ after }))).toEqual([3, 4, 5, 6]);
      expect(client.readAllCalls.at(-1)?.fromPosition).not.toBe('start');
    });

    it('fills maxCount with user events even when system events sit in between', async () => {
      expect(ns(await store.readAll({ maxCount: 3 }))).toEqual([0, 1, 2]);
      const [, second] = await store.readAll({ maxCount: 2 });
      expect(ns(await store.readAll({ after: second.position, maxCount: 3 }))).toEqual([2, 3, 4]);
      expect(await store.readAll({ maxCount: 0 })).toEqual([]);
    });
  });

  describe('subscribeToAll', () => {
    function collect(options: { after?: Position } = {}) {
      const delivered: RecordedEvent[] = [];
      const errors: Error[] = [];
      const sub = store.subscribeToAll(
        (e) => {
          delivered.push(e);
        },
        { ...options, onError: (error) => errors.push(error) },
      );
      return { delivered, errors, sub };
    }

    it('subscribes with the excludeSystemEvents filter from the start or from the checkpoint', async () => {
      await store.append('a', numberedEvents(3), 'no_stream');
      const checkpoint = client.log[0].position as Position;
      const { delivered, sub } = collect({ after: checkpoint });
      await waitUntil(() => delivered.length === 2, 'two events arrived');
      await sub.stop();
      const fromStart = collect();
      await waitUntil(() => fromStart.delivered.length === 3, 'three events arrived');
      await fromStart.sub.stop();
      expect(client.subscribeCalls.map((c) => c.fromPosition)).toEqual([checkpoint, 'start']);
      for (const call of client.subscribeCalls) expect(call.filter).toEqual(excludeSystemEvents());
      expect(delivered.map((e) => e.data.n)).toEqual([1, 2]);
    });

    it('drops system events even if the server lets them through', async () => {
      client.subscriptionPlans.push({ ignoreFilter: true });
      client.systemEvent();
      await store.append('a', numberedEvents(2), 'no_stream');
      client.systemEvent();
      const { delivered, sub } = collect();
      await store.append('a', numberedEvents(1, 2), 1n);
      await waitUntil(() => delivered.length === 3, 'three events arrived');
      await sub.stop();
      expect(delivered.map((e) => e.type)).toEqual(['Numbered', 'Numbered', 'Numbered']);
    });

    it('awaits the handler: one event at a time, in order', async () => {
      await store.append('a', numberedEvents(20), 'no_stream');
      let inFlight = 0;
      let maxInFlight = 0;
      const seen: number[] = [];
      const sub = store.subscribeToAll(async (e) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(Number(e.data.n));
        inFlight--;
      });
      await waitUntil(() => seen.length === 20, 'all events were handled');
      await sub.stop();
      expect(maxInFlight).toBe(1);
      expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('resubscribes from lastPosition after an error or an end, without loss or repeats', async () => {
      client.subscriptionPlans.push(
        { after: 3, then: 'error' },
        { after: 2, then: 'end' },
        { after: 0, then: 'error' },
      );
      await store.append('a', numberedEvents(10), 'no_stream');
      const { delivered, errors, sub } = collect();
      await waitUntil(() => delivered.length === 10, 'all ten events arrived');
      await store.append('a', numberedEvents(2, 10), 9n);
      await waitUntil(() => delivered.length === 12, 'the live events arrived');
      await sub.stop();
      expect(delivered.map((e) => e.data.n)).toEqual(Array.from({ length: 12 }, (_, i) => i));
      expect(errors).toEqual([]);
      expect(client.subscribeCalls.map((c) => c.fromPosition)).toEqual([
        'start',
        client.log[2].position,
        client.log[4].position,
        client.log[4].position,
      ]);
      expect(sub.lastPosition).toEqual(client.log[11].position);
    });

    it('reports through onError once the reconnect budget is spent', async () => {
      for (let i = 0; i <= fastReconnect.maxAttempts; i++)
        client.subscriptionPlans.push({ after: 0, then: 'error' });
      const { errors, sub } = collect();
      await waitUntil(() => errors.length === 1, 'onError was called');
      await sub.stop();
      expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
      expect(client.subscribeCalls).toHaveLength(fastReconnect.maxAttempts + 1);
    });

    it('does not retry an error that resubscribing cannot cure', async () => {
      const denied = new AccessDeniedError(undefined, 'denied');
      client.subscriptionPlans.push({ after: 0, then: 'error', error: denied });
      const { errors, sub } = collect();
      await waitUntil(() => errors.length === 1, 'onError was called');
      await sub.stop();
      expect(errors).toEqual([denied]);
      expect(client.subscribeCalls).toHaveLength(1);
    });

    it('stops and calls onError when the handler throws', async () => {
      await store.append('a', numberedEvents(5), 'no_stream');
      const boom = new Error('projection failed');
      const errors: Error[] = [];
      const seen: number[] = [];
      const sub = store.subscribeToAll(
        (e) => {
          seen.push(Number(e.data.n));
          if (e.data.n === 1) throw boom;
        },
        { onError: (error) => errors.push(error) },
      );
      await waitUntil(() => errors.length === 1, 'onError was called');
      await store.append('a', numberedEvents(1, 5), 4n);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sub.stop();
      expect(errors).toEqual([boom]);
      expect(seen).toEqual([0, 1]);
      expect(sub.lastPosition).toEqual(client.log[0].position);
      expect(client.subscribeCalls).toHaveLength(1);
    });

    it('close() stops subscriptions before disposing of the client', async () => {
      const { sub } = collect();
      await store.close();
      expect(client.disposed).toBe(true);
      await expect(sub.stop()).resolves.toBeUndefined();
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('every read is closed', () => {
    // The 1.x client's reads hold a server call until their generator finishes: a reader
    // that stops early without return() leaves it open until garbage collection.
    beforeEach(async () => {
      client.systemEvent();
      await store.append('a', numberedEvents(6), 'no_stream');
      client.systemEvent();
      await store.append('b', numberedEvents(6, 6), 'no_stream');
    });

    it('readAll that stops inside a page, and one that reads every page', async () => {
      await store.readAll({ maxCount: 2 });
      expect(client.openReads).toBe(0);
      await store.readAll({ maxCount: 7 });
      expect(client.openReads).toBe(0);
      await store.readAll();
      expect(client.openReads).toBe(0);
    });

    it('readStream and readAll that fail in the middle, on the server or while mapping', async () => {
      client.readFaults.push({ errorAfter: 2, error: new UnavailableError(undefined, 'reset') });
      await expect(store.readStream('a')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      client.readFaults.push({ errorAfter: 1, error: new UnavailableError(undefined, 'reset') });
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      client.record('a', 'Foreign', { fine: true }, { not: 'our metadata' });
      await expect(store.readStream('a')).rejects.toThrow(/metadata is not event metadata/);
      await expect(store.readAll()).rejects.toThrow(/metadata is not event metadata/);
      expect(client.openReads).toBe(0);
    });

    it('a read the bridge ends with an UNAVAILABLE status is a retryable unavailable error', async () => {
      // The read bridge reports it as UnknownError, unlike the gRPC path's UnavailableError.
      const reset = new UnknownError(
        undefined,
        'Server-side error: status: Unavailable, message: "connection reset", details: []',
      );
      client.readFaults.push({ errorAfter: 1, error: reset });
      await expect(store.readStream('a')).rejects.toMatchObject({
        name: 'EventStoreUnavailableError',
        retryable: true,
      });
      expect(client.openReads).toBe(0);
    });

    it('the position lookup of a replayed append, and ping', async () => {
      client.nextAppendWithoutPosition = true;
      await store.append('a', [testEvent()], 5n);
      expect(client.readStreamCalls.at(-1)?.maxCount).toBe(1);
      await store.ping();
      expect(client.openReads).toBe(0);
    });
  });

  describe('ping', () => {
    it('reads one event of a stream that does not exist, not $all, with a deadline', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(client.readAllCalls).toEqual([]);
      const [call] = client.readStreamCalls;
      // Not a `$` stream: those need an admin on a secure cluster.
      expect(call.stream).toMatch(/^[^$]/);
      expect(call).toMatchObject({ direction: 'forwards', maxCount: 1, deadline: 20 });
      expect(await store.readStream(call.stream)).toEqual([]);
    });

    it('defaults to a deadline of 2 s', async () => {
      const other = new KurrentDbEventStore(client);
      await other.ping();
      expect(client.readStreamCalls.at(-1)?.deadline).toBe(2_000);
      await other.close();
    });

    it('is up when the ping stream happens to exist', async () => {
      await store.ping();
      const stream = client.readStreamCalls[0].stream;
      client.record(stream, 'Stray', {}, testMetadata());
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('reports failure as unavailable', async () => {
      client.readFaults.push({ error: new UnavailableError(undefined, 'down') });
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('gives up at its deadline when the server does not answer, and closes the read once it does', async () => {
      client.readFaults.push({ hang: true });
      client.record('x', 'Stray', {}, testMetadata());
      await expect(store.ping()).rejects.toMatchObject({
        name: 'EventStoreUnavailableError',
        retryable: true,
        message: expect.stringMatching(/deadline/),
      });
      expect(client.openReads).toBe(1);
      client.releaseHungReads();
      await waitUntil(() => client.openReads === 0, 'the abandoned read was closed');
    });
  });

  describe('"Server Is Not Ready" and "Server Is Too Busy"', () => {
    // As 1.x reports them: reads go through the native bridge, which turns the server's
    // UNAVAILABLE status into an UnknownError; appends go through gRPC and get UnavailableError.
    const notReady = () =>
      new UnknownError(
        undefined,
        'Server-side error: status: Unavailable, message: "Server Is Not Ready", details: [], metadata: MetadataMap { headers: {} }',
      );
    const tooBusy = () => new UnavailableError(undefined, '14 UNAVAILABLE: Server Is Too Busy');

    it('an append is retried with the same event ids until the server is ready', async () => {
      const events = numberedEvents(2);
      client.appendFaults.push(notReady(), tooBusy(), notReady());
      await expect(store.append('s-1', events, 'no_stream')).resolves.toMatchObject({ nextRevision: 1n });
      expect(client.appendCalls).toHaveLength(4);
      for (const call of client.appendCalls)
        expect(call.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect((await store.readStream('s-1')).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('reads are retried', async () => {
      await store.append('s-1', numberedEvents(3), 'no_stream');
      client.readFaults.push({ error: notReady() }, { error: tooBusy() });
      expect(await store.readStream('s-1')).toHaveLength(3);
      client.readFaults.push({ error: notReady() });
      expect(await store.readAll()).toHaveLength(3);
      expect(client.openReads).toBe(0);
    });

    it('after the last try the caller gets a retryable EventStoreUnavailableError', async () => {
      for (let i = 0; i < 5; i++) client.appendFaults.push(notReady());
      const error = await store.append('s-1', [testEvent()], 'any').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({ retryable: true, message: expect.stringMatching(/not ready/i) });
      expect(client.appendCalls).toHaveLength(5);
      for (let i = 0; i < 5; i++) client.readFaults.push({ error: tooBusy() });
      await expect(store.readStream('s-1')).rejects.toMatchObject({ retryable: true });
      expect(client.readStreamCalls).toHaveLength(5);
    });

    it('other unknown errors are neither retried nor made retryable', async () => {
      const boom = new UnknownError(undefined, 'Server-side error: status: Unknown, message: "boom"');
      client.appendFaults.push(boom);
      await expect(store.append('s-1', [testEvent()], 'any')).rejects.toBe(boom);
      expect(client.appendCalls).toHaveLength(1);
    });
  });

  describe('correlation and causation', () => {
    it('are written as $correlationId and $causationId, which the server indexes', async () => {
      const event = testEvent('Registered', {}, { correlationId: 'corr-1', causationId: 'cause-1' });
      await store.append('s-1', [event], 'no_stream');
      const { correlationId: _c, causationId: _k, ...rest } = event.metadata;
      expect(client.appendCalls[0].events[0].metadata).toEqual({
        ...rest,
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
      });
      const { causationId: _none, ...uncaused } = testMetadata();
      await store.append('s-2', [{ ...testEvent(), metadata: uncaused }], 'no_stream');
      expect(client.appendCalls[1].events[0].metadata).not.toHaveProperty('$causationId');
    });

    it('read back under their own names, through readStream, readAll and subscriptions', async () => {
      const events = [
        testEvent('A', {}, { correlationId: 'corr-1', causationId: 'cause-1' }),
        { ...testEvent('B'), metadata: (({ causationId: _, ...m }) => m)(testMetadata()) },
      ];
      await store.append('s-1', events, 'no_stream');
      const metadata = (read: RecordedEvent[]) => read.map((e) => e.metadata);
      expect(metadata(await store.readStream('s-1'))).toEqual(events.map((e) => e.metadata));
      expect(metadata(await store.readAll())).toEqual(events.map((e) => e.metadata));
      const delivered: RecordedEvent[] = [];
      const sub = store.subscribeToAll((e) => {
        delivered.push(e);
      });
      await waitUntil(() => delivered.length === 2, 'both events arrived');
      await sub.stop();
      expect(metadata(delivered)).toEqual(events.map((e) => e.metadata));
    });

    it('events written with plain keys (before) still read unchanged', async () => {
      const metadata = testMetadata({ correlationId: 'old-corr', causationId: 'old-cause' });
      client.record('s-old', 'Registered', { user: 'ann' }, { ...metadata });
      const [read] = await store.readStream('s-old');
      expect(read.metadata).toEqual(metadata);
    });

    it('keep the hash chain: an event written and read back verifies, old and new alike', async () => {
      const fresh = chain(numberedEvents(2), GENESIS_HASH);
      await store.append('s-1', fresh, 'no_stream');
      expect(verifyChain(await store.readStream('s-1'))).toBeUndefined();
      const [old] = chain([testEvent()], GENESIS_HASH);
      client.record('s-old', old.type, old.data, { ...old.metadata }, old.id);
      const [next] = chain([testEvent()], old.metadata.hash!);
      await store.append('s-old', [next], 0n);
      expect(verifyChain(await store.readStream('s-old'))).toBeUndefined();
    });
  });

  describe('refused at the port', () => {
    it('an empty append, a non-UUID event id and an append over 1 MiB never reach the server', async () => {
      await expect(store.append('s-1', [], 'any')).rejects.toThrow(/s-1.*no events/);
      await expect(store.append('s-1', [{ ...testEvent(), id: 'evt-1' }], 'any')).rejects.toThrow(
        /s-1.*evt-1.*UUID/,
      );
      const big = testEvent('Big', { blob: 'x'.repeat(1024 * 1024) });
      await expect(store.append('s-1', [big], 'any')).rejects.toMatchObject({
        code: 'APPEND_TOO_LARGE',
        streamId: 's-1',
      });
      expect(client.appendCalls).toEqual([]);
    });
  });
});

/**
 * The contract every SnapshotStore adapter must pass (see the port), together with the
 * event store it lives beside: snapshots round-trip, the last write wins, and no
 * snapshot ever reaches a reader of $all or a subscription.
 */
import type { EventStore, RecordedEvent } from '../event-store.port';
import type { Snapshot, SnapshotStore } from '../snapshot-store.port';
import { numberedEvents, testEvent, uniqueStream } from './event-factory';
import { waitUntil } from './event-store.contract';

export interface SnapshotStoreFixture {
  snapshots: SnapshotStore;
  events: EventStore;
  /** Closes the stores and opens the same data again. */
  restart: () => Promise<{ snapshots: SnapshotStore; events: EventStore }>;
  cleanup: () => Promise<void>;
}

export function testSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    revision: 41n,
    lastHash: 'a'.repeat(64),
    version: 'test-1',
    state: 'v1.sealed-state',
    takenAt: '2026-01-02T03:04:05.000Z',
    ...overrides,
  };
}

export function describeSnapshotStoreContract(name: string, make: () => Promise<SnapshotStoreFixture>): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    let fixture: SnapshotStoreFixture;
    let snapshots: SnapshotStore;
    let events: EventStore;

    beforeEach(async () => {
      fixture = await make();
      ({ snapshots, events } = fixture);
    });
    afterEach(() => fixture.cleanup());

    it('reads a stream without a snapshot as undefined', async () => {
      expect(await snapshots.read(uniqueStream('account'))).toBeUndefined();
    });

    it('gives back what was written, revision as a bigint', async () => {
      const stream = uniqueStream('account');
      const snapshot = testSnapshot({ revision: 9_007_199_254_740_993n });
      await snapshots.write(stream, snapshot);
      expect(await snapshots.read(stream)).toEqual(snapshot);
    });

    it('keeps one snapshot per stream: the last written', async () => {
      const stream = uniqueStream('account');
      const other = uniqueStream('account');
      await snapshots.write(stream, testSnapshot({ revision: 10n }));
      await snapshots.write(other, testSnapshot({ revision: 3n, state: 'other' }));
      await snapshots.write(stream, testSnapshot({ revision: 60n, version: 'test-2', state: 'newer' }));
      expect(await snapshots.read(stream)).toEqual(
        testSnapshot({ revision: 60n, version: 'test-2', state: 'newer' }),
      );
      expect(await snapshots.read(other)).toEqual(testSnapshot({ revision: 3n, state: 'other' }));
    });

    it('keeps snapshots across a restart', async () => {
      const stream = uniqueStream('account');
      await snapshots.write(stream, testSnapshot());
      ({ snapshots, events } = await fixture.restart());
      expect(await snapshots.read(stream)).toEqual(testSnapshot());
    });

    it('refuses a malformed snapshot by name before storing anything', async () => {
      const stream = uniqueStream('account');
      await expect(snapshots.write(stream, testSnapshot({ revision: -1n }))).rejects.toThrow(/revision/);
      await expect(snapshots.write(stream, testSnapshot({ version: '' }))).rejects.toThrow(/version/);
      await expect(snapshots.write(stream, testSnapshot({ takenAt: 'yesterday' }))).rejects.toThrow(
        /takenAt/,
      );
      await expect(snapshots.write(`snapshot-${stream}`, testSnapshot())).rejects.toThrow(/snapshot stream/);
      expect(await snapshots.read(stream)).toBeUndefined();
    });

    it('never shows a snapshot to readAll, a subscription or the stream it belongs to', async () => {
      const stream = uniqueStream('account');
      const marker = await events.append(uniqueStream('marker'), [testEvent('MarkerSet')], 'no_stream');
      await events.append(stream, numberedEvents(2), 'no_stream');
      for (let i = 0; i < 3; i++) await snapshots.write(stream, testSnapshot({ revision: BigInt(i) }));
      const last = await events.append(stream, numberedEvents(1, 2), 1n);

      const mine = (e: RecordedEvent) => e.streamId.includes(stream);
      const all = (await events.readAll({ after: marker.position })).filter(mine);
      expect(all.map((e) => [e.streamId, e.data.n])).toEqual([
        [stream, 0],
        [stream, 1],
        [stream, 2],
      ]);
      const delivered: RecordedEvent[] = [];
      const subscription = events.subscribeToAll(
        (e) => {
          if (mine(e)) delivered.push(e);
        },
        { after: marker.position },
      );
      try {
        await waitUntil(
          () => subscription.lastPosition?.commit === last.position.commit,
          'the subscription reached the last event',
        );
      } finally {
        await subscription.stop();
      }
      expect(delivered.map((e) => e.streamId)).toEqual([stream, stream, stream]);
      expect((await events.readStream(stream)).map((e) => e.data.n)).toEqual([0, 1, 2]);
    });

    it('refuses an append of events to a snapshot stream through the event store', async () => {
      const stream = `snapshot-${uniqueStream('account')}`;
      await expect(events.append(stream, [testEvent()], 'any')).rejects.toThrow(/reserved for snapshots/);
    });
  });
}

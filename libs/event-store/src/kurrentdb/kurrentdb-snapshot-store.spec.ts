import { UnavailableError } from '@kurrent/kurrentdb-client';
import { snapshotStreamOf } from '../snapshot-store.port';
import { uniqueStream } from '../testing/event-factory';
import { describeSnapshotStoreContract, testSnapshot } from '../testing/snapshot-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { FakeKurrentClient } from './testing/fake-kurrentdb-client';

const options = {
  readAllPageSize: 4,
  notReadyRetry: { attempts: 2, minDelayMs: 1, maxDelayMs: 2 },
};

describeSnapshotStoreContract('KurrentDB (faked client)', async () => {
  const client = new FakeKurrentClient();
  let current = new KurrentDbEventStore(client, options);
  return {
    snapshots: current.snapshots(),
    events: current,
    restart: async () => {
      await current.close();
      current = new KurrentDbEventStore(client, options);
      return { snapshots: current.snapshots(), events: current };
    },
    cleanup: () => current.close(),
  };
});

describe('KurrentDbEventStore.snapshots()', () => {
  let client: FakeKurrentClient;
  let store: KurrentDbEventStore;
  beforeEach(() => {
    client = new FakeKurrentClient();
    store = new KurrentDbEventStore(client, options);
  });
  afterEach(() => store.close());

  it('writes snapshot-<stream> and caps it at one event with $maxCount 1 from its first snapshot', async () => {
    const stream = uniqueStream('account');
    for (let i = 0; i < 3; i++) await store.snapshots().write(stream, testSnapshot({ revision: BigInt(i) }));
    expect(client.appendCalls.map((c) => [c.stream, c.streamState])).toEqual(
      Array(3).fill([snapshotStreamOf(stream), 'any']),
    );
    expect(client.metadataCalls).toEqual([{ stream: snapshotStreamOf(stream), metadata: { maxCount: 1 } }]);
    // The server returns only the last of them now.
    const events = [];
    for await (const resolved of client.readStream(snapshotStreamOf(stream), {
      direction: 'forwards',
      fromRevision: 'start',
    }))
      events.push(resolved.event);
    expect(events).toHaveLength(1);
    expect(await store.snapshots().read(stream)).toEqual(testSnapshot({ revision: 2n }));
  });

  it('reads the latest snapshot with one backwards read of one event, and closes it', async () => {
    const stream = uniqueStream('account');
    await store.snapshots().write(stream, testSnapshot());
    client.readStreamCalls.length = 0;
    await store.snapshots().read(stream);
    expect(client.readStreamCalls).toEqual([
      { stream: snapshotStreamOf(stream), direction: 'backwards', fromRevision: 'end', maxCount: 1 },
    ]);
    expect(client.openReads).toBe(0);
  });

  it('maps a transport failure to a retryable EventStoreUnavailableError', async () => {
    client.appendFaults.push(new UnavailableError(undefined, 'no leader'));
    await expect(store.snapshots().write(uniqueStream('account'), testSnapshot())).rejects.toMatchObject({
      name: 'EventStoreUnavailableError',
      retryable: true,
    });
  });
});

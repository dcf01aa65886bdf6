/**
 * What a command reads is bounded by snapshots, on both event store adapters (SQLite
 * on a file, KurrentDB against its faked client): a 10,000-event stream costs its
 * first command a replay and every later one its snapshot plus a short tail. A snapshot
 * that is stale, unopenable, damaged or not of this stream is never used.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accept, type Decider } from '@portal/domain';
import {
  type EventStore,
  KurrentDbEventStore,
  type NewEvent,
  type ReadStreamOptions,
  type SnapshotStore,
  SqliteEventStore,
} from '@portal/event-store';
import { FakeKurrentClient } from '../../event-store/src/kurrentdb/testing/fake-kurrentdb-client';
import { testMetadata } from '../../event-store/src/testing/event-factory';
import {
  type CommandContext,
  handleCommand,
  load,
  type PipelineDeps,
  plainCodec,
  preparedInput,
} from './handle-command';
import { chain, GENESIS_HASH } from './hash-chain';
import { type SnapshotCodec, type SnapshotOutcome, Snapshots } from './snapshots';
import { parseState, stringifyState } from './state-json';

type Event = { type: 'Added'; data: { n: number } };
type State = { total: number; count: number; seen: Set<number>; last?: bigint };
const decider: Decider<{ type: 'Add'; n: number }, Event, State> = {
  initialState: () => ({ total: 0, count: 0, seen: new Set() }),
  evolve: (s, e) => ({
    total: s.total + e.data.n,
    count: s.count + 1,
    seen: new Set([...s.seen, e.data.n % 7]),
    last: BigInt(e.data.n),
  }),
  decide: (c) => accept({ type: 'Added', data: { n: c.n } }),
};

/** Serialises only; the accounts' codec also seals (libs/accounts). */
const codec = (version = 'v1'): SnapshotCodec<State> => ({
  version,
  encode: async (_stream, state) => stringifyState(state),
  decode: async (_stream, text) => parseState<State>(text),
});

const ctx = (): CommandContext => ({
  correlationId: 'corr',
  actor: { kind: 'system', component: 'test' },
  occurredAt: new Date('2026-11-22T10:00:00Z'),
});

/** Counts the events each readStream hands back: what a command "reads". */
class CountingStore {
  read = 0;
  constructor(readonly inner: EventStore) {}
  readonly store: EventStore = new Proxy(this.inner, {
    get: (target, key, receiver) => {
      if (key === 'readStream')
        return async (stream: string, options?: ReadStreamOptions) => {
          const events = await target.readStream(stream, options);
          this.read += events.length;
          return events;
        };
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Appends `count` chained events straight to the store, as years of history would have. */
async function seed(store: EventStore, stream: string, count: number): Promise<void> {
  let prevHash = GENESIS_HASH;
  for (let from = 0; from < count; from += 500) {
    const batch: NewEvent[] = [];
    for (let n = from; n < Math.min(count, from + 500); n++)
      batch.push({
        id: crypto.randomUUID(),
        type: 'Added',
        data: { n },
        metadata: testMetadata(),
      });
    const chained = chain(batch, prevHash);
    prevHash = chained.at(-1)!.metadata.hash!;
    await store.append(stream, chained, from === 0 ? 'no_stream' : BigInt(from - 1));
  }
}

const sum = (count: number) => (count * (count - 1)) / 2;

type Adapter = {
  name: string;
  open: () => { events: EventStore; snapshots: SnapshotStore; close: () => Promise<void> };
};
const adapters: Adapter[] = [
  {
    name: 'SQLite',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
      const events = SqliteEventStore.open(join(dir, 'events.sqlite'));
      return {
        events,
        snapshots: events.snapshots(),
        close: async () => {
          await events.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'KurrentDB (faked client)',
    open: () => {
      const events = new KurrentDbEventStore(new FakeKurrentClient());
      return { events, snapshots: events.snapshots(), close: () => events.close() };
    },
  },
];

describe.each(adapters)('snapshots in the command pipeline on $name', ({ open }) => {
  let opened: ReturnType<Adapter['open']>;
  let counting: CountingStore;
  let outcomes: SnapshotOutcome[];
  let errors: unknown[];
  let snapshots: Snapshots<State>;
  const deps = (): PipelineDeps<Event, State> => ({ store: counting.store, codec: plainCodec(), snapshots });
  const add = (stream: string, n: number) =>
    handleCommand(deps(), stream, decider, { type: 'Add', n }, ctx());
  const makeSnapshots = (version = 'v1') =>
    new Snapshots(opened.snapshots, codec(version), {
      every: 50,
      onLoad: (_s, outcome) => outcomes.push(outcome),
      onError: (_s, error) => errors.push(error),
    });

  beforeEach(() => {
    opened = open();
    counting = new CountingStore(opened.events);
    outcomes = [];
    errors = [];
    snapshots = makeSnapshots();
  });
  afterEach(async () => {
    await snapshots.idle();
    await opened.close();
  });

  it('a 10,000-event stream: after its first command, each reads the snapshot plus a bounded tail', async () => {
    await seed(opened.events, 'counter-big', 10_000);
    const first = await add('counter-big', 10_000);
    expect(counting.read).toBe(10_000);
    expect(first.state.total).toBe(sum(10_001));
    await snapshots.idle();
    expect(snapshots.counts.written).toBe(1);

    const reads: number[] = [];
    for (let n = 10_001; n < 10_121; n++) {
      counting.read = 0;
      const result = await add('counter-big', n);
      reads.push(counting.read);
      expect(result.state.total).toBe(sum(n + 1));
      await snapshots.idle();
    }
    // The event the snapshot covers (its hash is checked) and at most `every` after it.
    expect(Math.max(...reads)).toBeLessThanOrEqual(snapshots.every + 1);
    expect(errors).toEqual([]);
    // The state a load starts from the snapshot equals a replay of every event.
    const fromSnapshot = await load(deps(), 'counter-big', decider);
    const replayed = await load({ store: opened.events, codec: plainCodec<Event>() }, 'counter-big', decider);
    expect(fromSnapshot.state).toEqual(replayed.state);
    expect(fromSnapshot.expected).toBe(10_120n);
    expect(fromSnapshot.lastHash).toBe(replayed.lastHash);
  }, 60_000);

  it('ignores a snapshot of another version, replays, and replaces it', async () => {
    await seed(opened.events, 'counter-v', 120);
    await add('counter-v', 120);
    await snapshots.idle();
    expect((await opened.snapshots.read('counter-v'))?.version).toBe('v1');

    snapshots = makeSnapshots('v2');
    outcomes = [];
    counting.read = 0;
    const result = await add('counter-v', 121);
    expect(outcomes).toEqual(['stale']);
    expect(counting.read).toBe(121);
    expect(result.state.total).toBe(sum(122));
    await snapshots.idle();
    expect(await opened.snapshots.read('counter-v')).toMatchObject({ version: 'v2', revision: 120n });
  });

  it('ignores a snapshot whose revision does not carry its hash (planted, or of another stream)', async () => {
    await seed(opened.events, 'counter-p', 60);
    await opened.snapshots.write('counter-p', {
      revision: 59n,
      lastHash: 'f'.repeat(64),
      version: 'v1',
      state: stringifyState({ total: -1, count: 0, seen: new Set() }),
      takenAt: new Date().toISOString(),
    });
    const result = await add('counter-p', 60);
    expect(outcomes).toEqual(['mismatch']);
    expect(result.state.total).toBe(sum(61));
  });

  it('ignores a snapshot past the end of the stream', async () => {
    await seed(opened.events, 'counter-e', 3);
    const replay = await load({ store: opened.events, codec: plainCodec<Event>() }, 'counter-e', decider);
    await opened.snapshots.write('counter-e', {
      revision: 99n,
      lastHash: replay.lastHash,
      version: 'v1',
      state: stringifyState({ total: -1, count: 0, seen: new Set() }),
      takenAt: new Date().toISOString(),
    });
    expect((await add('counter-e', 3)).state.total).toBe(sum(4));
    expect(outcomes).toEqual(['mismatch']);
  });

  it('a snapshot that cannot be opened or read is ignored and reported, and the command goes on', async () => {
    await seed(opened.events, 'counter-u', 60);
    await add('counter-u', 60);
    await snapshots.idle();
    snapshots = new Snapshots(opened.snapshots, { ...codec(), decode: async () => undefined });
    expect((await add('counter-u', 61)).state.total).toBe(sum(62));
    snapshots = new Snapshots(
      opened.snapshots,
      {
        ...codec(),
        decode: async () => {
          throw new Error('damaged');
        },
      },
      { onError: (_s, e) => errors.push(e) },
    );
    expect((await add('counter-u', 62)).state.total).toBe(sum(63));
    expect(errors).toEqual([new Error('damaged')]);
  });

  it('a failed write is reported, never the command’s failure, and one write per stream is in flight', async () => {
    await seed(opened.events, 'counter-f', 60);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let writes = 0;
    const failing: SnapshotStore = {
      read: (s) => opened.snapshots.read(s),
      write: async () => {
        writes++;
        await held;
        throw new Error('disk full');
      },
    };
    snapshots = new Snapshots(failing, codec(), { every: 50, onError: (_s, e) => errors.push(e) });
    await add('counter-f', 60);
    await add('counter-f', 61);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toBe(1);
    release();
    await snapshots.idle();
    expect(errors).toEqual([new Error('disk full')]);
    expect(snapshots.counts.failed).toBe(1);
    expect((await opened.events.readStream('counter-f')).length).toBe(62);
  });
});

describe('prepared inputs', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'prepared-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two commands on one stream run their slow part at the same time, and each decides on the fresh state', async () => {
    const deps: PipelineDeps<Event> = { store, codec: plainCodec() };
    let inside = 0;
    let most = 0;
    let entered = 0;
    let bothIn: () => void = () => undefined;
    const both = new Promise<void>((resolve) => (bothIn = resolve));
    // The slow part waits until the other command's slow part has begun: with a lock held around it,
    // the second never begins, and the fallback lets the test end and fail on `most`.
    const slow = async () => {
      inside++;
      most = Math.max(most, inside);
      if (++entered === 2) bothIn();
      await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      inside--;
    };
    const seenTotals: number[] = [];
    const command = (n: number) =>
      handleCommand(
        deps,
        'counter-x',
        decider,
        preparedInput(
          (state: State) => {
            seenTotals.push(state.total);
            return { type: 'Add' as const, n };
          },
          () => slow(),
        ),
        ctx(),
      );
    const results = await Promise.all([command(1), command(2)]);
    expect(most).toBe(2);
    // Decided one after the other, the second on the state the first left.
    expect(seenTotals.sort()).toEqual([0, results[0].state.total === 1 ? 1 : 2]);
    expect((await load(deps, 'counter-x', decider)).state.total).toBe(3);
  });
});

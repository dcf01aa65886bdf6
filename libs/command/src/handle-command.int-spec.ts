import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accept, type Decider, DomainError, reject } from '@portal/domain';
import {
  type EventStore,
  EventStoreUnavailableError,
  SqliteEventStore,
  WrongExpectedRevisionError,
} from '@portal/event-store';
import {
  type CommandContext,
  ConcurrencyExhaustedError,
  handleCommand,
  type PipelineDeps,
  plainCodec,
} from './handle-command';
import { verifyChain } from './hash-chain';
import { KeyedMutex } from './keyed-mutex';
import { CLAIM_TTL_MS, holderOf, reserve } from './reservation';

type CounterEvent =
  { type: 'Incremented'; data: { by: number } } | { type: 'Refused'; data: { reason: string } };
type CounterCommand = { type: 'Increment'; by: number } | { type: 'IncrementBelow'; by: number; max: number };
const counter: Decider<CounterCommand, CounterEvent, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (s, e) => (e.type === 'Incremented' ? { total: s.total + e.data.by } : s),
  decide: (c, s) => {
    if (c.type === 'IncrementBelow' && s.total + c.by > c.max)
      return reject(new DomainError('TOO_MANY', 'over the limit'), {
        type: 'Refused',
        data: { reason: 'max' },
      });
    return accept({ type: 'Incremented', data: { by: c.by } });
  },
};

const ctx = (): CommandContext => ({
  correlationId: 'corr-1',
  actor: { kind: 'system', component: 'test' },
  occurredAt: new Date('2026-11-22T10:00:00Z'),
});

describe('handleCommand on the SQLite event store', () => {
  let dir: string;
  let store: EventStore;
  const deps = (extra: Partial<PipelineDeps<CounterEvent>> = {}): PipelineDeps<CounterEvent> => ({
    store,
    codec: plainCodec<CounterEvent>(),
    ...extra,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'command-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the decided events with metadata and a verifiable hash chain', async () => {
    await handleCommand(deps(), 'counter-1', counter, { type: 'Increment', by: 2 }, ctx());
    const result = await handleCommand(deps(), 'counter-1', counter, { type: 'Increment', by: 3 }, ctx());
    expect(result.state).toEqual({ total: 5 });
    expect(result.revision).toBe(1n);
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.metadata)).toEqual([
      expect.objectContaining({
        correlationId: 'corr-1',
        occurredAt: '2026-11-22T10:00:00.000Z',
        prevHash: '',
      }),
      expect.objectContaining({ prevHash: events[0].metadata.hash }),
    ]);
    expect(verifyChain(events)).toBeUndefined();
  });

  it('starts from a head it was given, reading only the events after it, and gives the new head back', async () => {
    const first = await handleCommand(deps(), 'counter-h', counter, { type: 'Increment', by: 2 }, ctx());
    const head = { state: first.state, expected: first.revision, lastHash: first.lastHash, folded: 0 };
    // Another writer appends meanwhile: the command folds its event from the head on.
    await handleCommand(deps(), 'counter-h', counter, { type: 'Increment', by: 5 }, ctx());
    const reads: unknown[] = [];
    const watched: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: (id: string, o?: Parameters<EventStore['readStream']>[1]) => {
        reads.push(o);
        return store.readStream(id, o);
      },
    });
    const next = await handleCommand(
      deps({ store: watched }),
      'counter-h',
      counter,
      { type: 'Increment', by: 1 },
      ctx(),
      head,
    );
    expect(reads).toEqual([{ fromRevision: 0n }]);
    expect(next.state).toEqual({ total: 8 });
    const events = await store.readStream('counter-h');
    expect(next.lastHash).toBe(events.at(-1)!.metadata.hash);
    expect(verifyChain(events)).toBeUndefined();
  });

  it('gives each event the metadata of the context its codec names, the command’s otherwise', async () => {
    const other: CommandContext = {
      correlationId: 'corr-other',
      actor: { kind: 'system', component: 'other' },
      occurredAt: new Date('2026-11-23T08:00:00Z'),
      clientIp: '203.0.113.7',
    };
    const plain = plainCodec<CounterEvent>();
    const codec = {
      ...plain,
      encode: async (streamId: string, e: CounterEvent) => ({
        ...(await plain.encode(streamId, e)),
        ...(e.type === 'Incremented' && e.data.by === 2 ? { context: other } : {}),
      }),
    };
    const twice: Decider<CounterCommand, CounterEvent, { total: number }> = {
      ...counter,
      decide: () =>
        accept({ type: 'Incremented', data: { by: 1 } }, { type: 'Incremented', data: { by: 2 } }),
    };
    await handleCommand(deps({ codec }), 'counter-c', twice, { type: 'Increment', by: 0 }, ctx());
    const events = await store.readStream('counter-c');
    expect(events.map((e) => [e.metadata.correlationId, e.metadata.occurredAt, e.metadata.clientIp])).toEqual(
      [
        ['corr-1', '2026-11-22T10:00:00.000Z', undefined],
        ['corr-other', '2026-11-23T08:00:00.000Z', '203.0.113.7'],
      ],
    );
    expect(verifyChain(events)).toBeUndefined();
  });

  it('appends the events of a rejection, then throws it', async () => {
    await expect(
      handleCommand(deps(), 'counter-2', counter, { type: 'IncrementBelow', by: 5, max: 3 }, ctx()),
    ).rejects.toMatchObject({ code: 'TOO_MANY' });
    expect((await store.readStream('counter-2')).map((e) => e.type)).toEqual(['Refused']);
  });

  it('awaits onAppended under the stream lock; its rejection is the command’s error and the events stay', async () => {
    const log: string[] = [];
    const mutex = new KeyedMutex();
    const slow = deps({
      mutex,
      onAppended: async () => {
        log.push('hook started');
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push('hook done');
      },
    });
    const first = handleCommand(slow, 'counter-hook', counter, { type: 'Increment', by: 1 }, ctx());
    const second = handleCommand(
      deps({ mutex }),
      'counter-hook',
      counter,
      () => {
        log.push('next decides');
        return { type: 'Increment', by: 1 };
      },
      ctx(),
    );
    await first;
    log.push('first returned');
    await second;
    expect(log).toEqual(['hook started', 'hook done', 'first returned', 'next decides']);

    const failure = new Error('hook failed');
    const failing = deps({
      onAppended: async () => {
        throw failure;
      },
    });
    await expect(
      handleCommand(failing, 'counter-hook', counter, { type: 'IncrementBelow', by: 5, max: 3 }, ctx()),
    ).rejects.toBe(failure);
    expect((await store.readStream('counter-hook')).map((e) => e.type)).toEqual([
      'Incremented',
      'Incremented',
      'Refused',
    ]);
  });

  it('builds the command from the current state when given a function', async () => {
    await handleCommand(deps(), 'counter-3', counter, { type: 'Increment', by: 4 }, ctx());
    const seen: number[] = [];
    await handleCommand(
      deps(),
      'counter-3',
      counter,
      (state) => {
        seen.push(state.total);
        return { type: 'Increment', by: state.total };
      },
      ctx(),
    );
    expect(seen).toEqual([4]);
    expect(
      (await handleCommand(deps(), 'counter-3', counter, { type: 'Increment', by: 0 }, ctx())).state.total,
    ).toBe(8);
  });

  it('loses no update when writers in separate processes race (each with its own mutex)', async () => {
    // Separate mutexes stand for separate processes: only optimistic concurrency keeps them apart.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handleCommand(
          deps({ mutex: new KeyedMutex(), maxAttempts: 50 }),
          'counter-4',
          counter,
          { type: 'Increment', by: 1 },
          ctx(),
        ),
      ),
    );
    const events = await store.readStream('counter-4');
    expect(events).toHaveLength(20);
    expect(verifyChain(events)).toBeUndefined();
  });

  it('decides again on the fresh state after a conflict, so a limit holds under a race', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        handleCommand(
          deps({ mutex: new KeyedMutex(), maxAttempts: 50 }),
          'counter-5',
          counter,
          { type: 'IncrementBelow', by: 1, max: 3 },
          ctx(),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const events = await store.readStream('counter-5');
    expect(events.filter((e) => e.type === 'Incremented')).toHaveLength(3);
  });

  it('gives up after the bounded number of attempts with a clear error', async () => {
    const conflicting: EventStore = {
      ...store,
      readStream: (id, o) => store.readStream(id, o),
      append: async (id) => {
        throw new WrongExpectedRevisionError(id, 'no_stream', 7n);
      },
    };
    const conflicts: string[] = [];
    await expect(
      handleCommand(
        deps({ store: conflicting, maxAttempts: 3, onConflict: (s) => conflicts.push(s) }),
        'counter-6',
        counter,
        { type: 'Increment', by: 1 },
        ctx(),
      ),
    ).rejects.toBeInstanceOf(ConcurrencyExhaustedError);
    expect(conflicts).toHaveLength(3);
  });

  it('retries an append the store could not confirm with the same event ids, so it lands once', async () => {
    let calls = 0;
    const flaky: EventStore = {
      ...store,
      readStream: (id, o) => store.readStream(id, o),
      append: async (id, events, expected) => {
        calls++;
        const result = await store.append(id, events, expected);
        // The first append lands but its answer is lost on the way back.
        if (calls === 1) throw new EventStoreUnavailableError('connection reset', true);
        return result;
      },
    };
    await handleCommand(deps({ store: flaky }), 'counter-7', counter, { type: 'Increment', by: 1 }, ctx());
    expect(calls).toBe(2);
    expect(await store.readStream('counter-7')).toHaveLength(1);
  });
});

describe('reservations', () => {
  let dir: string;
  let store: EventStore;
  const key = 'a1'.repeat(32);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reservation-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of two racing accounts claim a value', async () => {
    const results = await Promise.allSettled(
      ['account-a', 'account-b'].map((id) =>
        reserve({ store, mutex: new KeyedMutex() }, 'Claim', 'username', key, id, ctx()),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: 'USERNAME_TAKEN',
      fields: { username: expect.any(String) },
    });
    expect(['account-a', 'account-b']).toContain(await holderOf({ store }, 'username', key));
    expect(await store.readStream(`username-${key}`)).toHaveLength(1);
  });

  it('is idempotent for the holder, and free again after a release', async () => {
    await reserve({ store }, 'Claim', 'email', key, 'account-a', ctx());
    await reserve({ store }, 'Claim', 'email', key, 'account-a', ctx());
    await expect(reserve({ store }, 'Claim', 'email', key, 'account-b', ctx())).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    await reserve({ store }, 'Release', 'email', key, 'account-b', ctx()); // not the holder: nothing happens
    expect(await holderOf({ store }, 'email', key)).toBe('account-a');
    await reserve({ store }, 'Release', 'email', key, 'account-a', ctx());
    await reserve({ store }, 'Claim', 'email', key, 'account-b', ctx());
    expect(await holderOf({ store }, 'email', key)).toBe('account-b');
    expect((await store.readStream(`email-${key}`)).map((e) => e.type)).toEqual([
      'ReservationClaimed',
      'ReservationReleased',
      'ReservationClaimed',
    ]);
  });

  it('a claim whose holder does not stand behind it expires, and of two racing takers one wins', async () => {
    const standing = async () => false;
    await reserve({ store, standing }, 'Claim', 'username', key, 'account-a', ctx());
    const at = (ms: number) => ({ ...ctx(), occurredAt: new Date(ctx().occurredAt.getTime() + ms) });
    await expect(
      reserve({ store, standing }, 'Claim', 'username', key, 'account-b', at(CLAIM_TTL_MS - 1_000)),
    ).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
    const results = await Promise.allSettled(
      ['account-b', 'account-c'].map((id) =>
        reserve({ store, standing, mutex: new KeyedMutex() }, 'Claim', 'username', key, id, at(CLAIM_TTL_MS)),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(['account-b', 'account-c']).toContain(await holderOf({ store }, 'username', key));
    expect(await store.readStream(`username-${key}`)).toHaveLength(2);
  });

  it('a holder that stands behind its claim, or no standing check at all, keeps it for good', async () => {
    await reserve({ store }, 'Claim', 'email', key, 'account-a', ctx());
    const muchLater = { ...ctx(), occurredAt: new Date('2036-11-22T10:00:00Z') };
    await expect(reserve({ store }, 'Claim', 'email', key, 'account-b', muchLater)).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    const asked: string[] = [];
    const standing = async (_kind: string, _key: string, holder: string) => (asked.push(holder), true);
    await expect(
      reserve({ store, standing }, 'Claim', 'email', key, 'account-b', muchLater),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(asked).toEqual(['account-a']);
    expect(await holderOf({ store }, 'email', key)).toBe('account-a');
  });

  it('refuses a stream name that is not an HMAC', async () => {
    await expect(
      reserve({ store }, 'Claim', 'email', 'someone@example.com', 'account-a', ctx()),
    ).rejects.toThrow(/hex HMAC/);
  });
});

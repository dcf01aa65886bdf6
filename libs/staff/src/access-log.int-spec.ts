import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandContext, verifyChain } from '@portal/command';
import { type EventStore, type NewEvent, SqliteEventStore } from '@portal/event-store';
import { AccessLog, type StaffAccess } from './access-log';

const staffCtx = (n = 0): CommandContext => ({
  correlationId: `corr-${n}`,
  actor: { kind: 'staff', staffId: 'jdoe', role: 'support' },
  occurredAt: new Date('2026-11-22T10:00:00Z'),
  clientIp: '203.0.113.9',
  userAgent: 'support-desk/1.0',
});
const read = (accountId: string = randomUUID()): StaffAccess => ({
  route: 'GET /v1/support/accounts/:accountId',
  accountId,
  reason: 'ticket 4711: member cannot log in',
  outcome: 'shown',
});
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AccessLog on the SQLite event store', () => {
  let dir: string;
  let store: EventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'access-log-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores 200 concurrent records of one staff member as 200 chained events in a few appends', async () => {
    const appends: NewEvent[][] = [];
    const log = new AccessLog({ store, onAppended: (_s, events) => appends.push(events) });
    await log.recordAccess(staffCtx(), read()); // the tail is now known: no read before the next appends
    const ids = Array.from({ length: 200 }, () => randomUUID());
    await Promise.all(ids.map((id, i) => log.recordAccess(staffCtx(i), read(id))));

    const events = await store.readStream('staff-jdoe:access');
    expect(events).toHaveLength(201);
    expect(verifyChain(events)).toBeUndefined();
    expect(new Set(events.slice(1).map((e) => e.data.accountId))).toEqual(new Set(ids));
    expect(appends.reduce((n, a) => n + a.length, 0)).toBe(201);
    expect(appends.length).toBeLessThan(10);
    expect(events[5].data).toEqual({
      route: 'GET /v1/support/accounts/:accountId',
      accountId: expect.any(String),
      reason: 'ticket 4711: member cannot log in',
      outcome: 'shown',
    });
    expect(events[5].metadata).toMatchObject({
      correlationId: expect.stringMatching(/^corr-/),
      actor: { kind: 'staff', staffId: 'jdoe', role: 'support' },
      clientIp: '203.0.113.9',
      userAgent: 'support-desk/1.0',
      occurredAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it('never puts more than maxBatch records in one append', async () => {
    const sizes: number[] = [];
    const log = new AccessLog({ store, maxBatch: 16, onAppended: (_s, events) => sizes.push(events.length) });
    await Promise.all(Array.from({ length: 100 }, (_, i) => log.recordAccess(staffCtx(i), read())));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
    expect(verifyChain(await store.readStream('staff-jdoe:access'))).toBeUndefined();
  });

  it('rejects every caller of a batch whose append failed, and goes on with the next batch', async () => {
    let calls = 0;
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const failing: EventStore = {
      ...store,
      readStream: (id, o) => store.readStream(id, o),
      append: async (id, events, expected) => {
        calls++;
        if (calls === 1) await gate;
        if (calls === 2) throw new Error('disk full');
        return store.append(id, events, expected);
      },
    };
    const log = new AccessLog({ store: failing });
    const first = log.recordAccess(staffCtx(1), read());
    while (calls < 1) await tick();
    // These arrive while the first append is in flight: they go together, in the append that fails.
    const batch = Array.from({ length: 5 }, (_, i) => log.recordAccess(staffCtx(10 + i), read()));
    const settled = Promise.allSettled(batch);
    openGate();
    await expect(first).resolves.toBeUndefined();
    const results = await settled;
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    for (const r of results)
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'ACCESS_NOT_RECORDED',
        cause: expect.objectContaining({ message: 'disk full' }),
      });
    await log.recordAccess(staffCtx(99), read());
    const events = await store.readStream('staff-jdoe:access');
    expect(events.map((e) => e.metadata.correlationId)).toEqual(['corr-1', 'corr-99']);
    expect(verifyChain(events)).toBeUndefined();
  });

  it('keeps one chain when two processes write the same staff member’s records', async () => {
    let conflicts = 0;
    const a = new AccessLog({ store, onConflict: () => conflicts++ });
    const b = new AccessLog({ store, onConflict: () => conflicts++ });
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => [
        a.recordAccess(staffCtx(i), read()),
        b.recordAccess(staffCtx(1000 + i), read()),
      ]).flat(),
    );
    // b's tail is stale once a has written: it must read the tail again, not fork the chain.
    await a.recordAccess(staffCtx(5000), read());
    await b.recordAccess(staffCtx(5001), read());
    const events = await store.readStream('staff-jdoe:access');
    expect(events).toHaveLength(202);
    expect(verifyChain(events)).toBeUndefined();
    expect(conflicts).toBeGreaterThan(0);
  });

  it('records a 403 in the staff member’s access stream, and counts 401s per source and minute in staff-refusals', async () => {
    const log = new AccessLog({ store });
    await log.recordForbidden(staffCtx(1), {
      route: 'GET /v1/audit/streams/:streamId',
      required: ['admin', 'auditor'],
    });
    log.recordAuthenticationFailure('203.0.113.9', { route: 'GET /v1/support/accounts', why: 'unknown' });
    log.recordAuthenticationFailure('203.0.113.9', {
      route: 'GET /v1/support/accounts',
      why: 'wrong-secret',
      staffId: 'jdoe',
    });
    const [refused] = await store.readStream('staff-jdoe:access');
    expect(refused).toMatchObject({
      type: 'StaffAccessRefused',
      data: { route: 'GET /v1/audit/streams/:streamId', status: 403, required: ['auditor', 'admin'] },
      metadata: { actor: { kind: 'staff', staffId: 'jdoe' }, correlationId: 'corr-1' },
    });
    // Nothing appended per 401: the counts go in when their minute ends, or at drain().
    expect(await store.readStream('staff-refusals')).toEqual([]);
    await log.drain();
    log.close();
    const failures = await store.readStream('staff-refusals');
    expect(failures.map((e) => [e.type, e.data])).toEqual([
      [
        'StaffAuthenticationFailures',
        {
          source: '203.0.113.9',
          from: expect.any(String),
          to: expect.any(String),
          count: 2,
          why: { unknown: 1, 'wrong-secret': 1 },
          routes: { 'GET /v1/support/accounts': 2 },
          staffIds: ['jdoe'],
        },
      ],
    ]);
    expect(failures[0].metadata).toMatchObject({
      actor: { kind: 'system', component: 'staff-guard' },
      clientIp: '203.0.113.9',
    });
    expect(verifyChain(failures)).toBeUndefined();
    expect(() =>
      log.recordAuthenticationFailure('203.0.113.9', { route: 'x', why: 'unknown', staffId: 'A B' }),
    ).toThrow('staffId must be a staff id');
  });

  it('keeps refusal counts the store did not take, says so, and stores them at the next flush', async () => {
    let failNext = true;
    const flaky = new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'append')
          return (...args: unknown[]) => {
            if (failNext) {
              failNext = false;
              return Promise.reject(
                Object.assign(new Error('disk full'), { code: 'EVENT_STORE_UNAVAILABLE' }),
              );
            }
            return (target.append as (...a: unknown[]) => unknown).apply(target, args);
          };
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const told: unknown[] = [];
    const log = new AccessLog({
      store: flaky,
      unavailableRetries: 0,
      onRefusalsNotRecorded: (error) => told.push(error),
    });
    const before = (await store.readStream('staff-refusals')).length;
    log.recordAuthenticationFailure('198.51.100.4', { route: 'GET /v1/audit/verify', why: 'missing' });
    await log.drain();
    expect(told).toHaveLength(1);
    expect(await store.readStream('staff-refusals')).toHaveLength(before);
    await log.drain();
    log.close();
    const after = await store.readStream('staff-refusals');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.data).toMatchObject({ source: '198.51.100.4', count: 1 });
  });

  it('records a search by the account ids it returned, none included', async () => {
    const log = new AccessLog({ store });
    const found = [randomUUID(), randomUUID()];
    await log.recordAccess(staffCtx(1), {
      route: 'GET /v1/support/accounts',
      accountIds: found,
      reason: 'ticket 12',
      outcome: 'shown',
    });
    await log.recordAccess(staffCtx(2), {
      route: 'GET /v1/support/accounts',
      accountIds: [],
      reason: 'ticket 12',
      outcome: 'not-found',
    });
    expect((await store.readStream('staff-jdoe:access')).map((e) => e.data.accountIds)).toEqual([found, []]);
  });

  it('records an access to the whole store (an export, a chain check) as such', async () => {
    const log = new AccessLog({ store });
    await log.recordAccess(staffCtx(1), {
      route: 'GET /v1/audit/export',
      wholeStore: true,
      reason: 'quarterly audit',
      outcome: 'shown',
    });
    expect((await store.readStream('staff-jdoe:access'))[0].data).toEqual({
      route: 'GET /v1/audit/export',
      wholeStore: true,
      reason: 'quarterly audit',
      outcome: 'shown',
    });
  });

  it('refuses to record what could be personal data or is not a staff access, and stores nothing', async () => {
    const log = new AccessLog({ store });
    const bad: [CommandContext, StaffAccess][] = [
      [staffCtx(), { ...read(), accountId: 'pat@example.com' }],
      [staffCtx(), { ...read(), accountId: undefined, accountIds: ['DEMO0000001'] }],
      [staffCtx(), { ...read(), accountIds: [randomUUID()] }],
      [staffCtx(), { ...read(), wholeStore: true }],
      [staffCtx(), { ...read(), accountId: undefined }],
      [staffCtx(), { ...read(), reason: '' }],
      [staffCtx(), { ...read(), reason: 'x'.repeat(201) }],
      [staffCtx(), { ...read(), outcome: 'leaked' as never }],
      [{ ...staffCtx(), actor: { kind: 'self', accountId: 'a' } }, read()],
    ];
    for (const [ctx, access] of bad)
      await expect(log.recordAccess(ctx, access)).rejects.toMatchObject({ code: 'ACCESS_RECORD_INVALID' });
    expect(await store.readStream('staff-jdoe:access')).toEqual([]);
  });
});

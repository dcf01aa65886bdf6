/**
 * The projector against real stores: the SQLite event store and document store,
 * accounts made through the real decider and vault.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { accountCodec } from '@portal/accounts';
import { PROJECTED_PERSONAL_FIELDS } from '@portal/domain';
import { type DataKeyStore, ENVELOPE_FIELD, IN_ENVELOPE, Vault } from '@portal/vault';
import { type FencedOptions, SqliteDocumentStore, type Write } from '@portal/documents';
import { Metrics } from '@portal/observability';
import { type RecordedEvent, SqliteEventStore } from '@portal/event-store';
import { legacyAccountCodec } from '../../accounts/src/testing/legacy-account-codec';
import { CountingKeyStore } from '../../vault/src/testing/counting-key-store';
import { Fixture, memoryLogger, waitFor } from '../../notifications/src/testing/harness';
import { activeGeneration, checkpointName } from './generations';
import { applyBatch, catchUp, type FillElsewhere, LiveProjector, type ProjectorDeps } from './projector';
import type { Projection } from './model';
import { ReadModels } from './queries';
import { decoderFor, readModelProjections } from './read-models';
import { compareWithReplay, readModelHash, rebuild, RebuildInProgressError } from './rebuild';
import {
  currentReadModelRequest,
  lastReadModelRequest,
  PENDING_TTL_MS,
  readModelRequestById,
  ReadModelRequestRunner,
  requestReadModelJob,
} from './requests';
import { SearchKeys } from './search-keys';
import { projected, sample, SAMPLES, staffAccess } from './testing/sample-events';

jest.setTimeout(30_000);

describe('projector', () => {
  let f: Fixture;
  let docs: SqliteDocumentStore;
  let deps: ProjectorDeps;
  let queries: ReadModels;
  let clockSkewMs = 0;
  const collections = ['accounts', 'history_refs', 'activations'];

  beforeEach(async () => {
    f = new Fixture();
    docs = await SqliteDocumentStore.open(join(f.dir, 'readmodels.sqlite'));
    const keys = new SearchKeys(f.hmacKey);
    const projections = readModelProjections(keys);
    deps = {
      store: f.store,
      docs,
      projections,
      decode: decoderFor(accountCodec(f.vault, PROJECTED_PERSONAL_FIELDS)),
    };
    clockSkewMs = 0;
    const historyCodec = accountCodec(f.vault);
    queries = new ReadModels(
      docs,
      projections,
      keys,
      f.vault,
      { readStream: (s, o) => f.store.readStream(s, o), decode: (raw) => historyCodec.decode(raw) },
      () => Date.now() + clockSkewMs,
    );
  });

  afterEach(async () => {
    await docs.close();
    await f.close();
  });

  const head = async (): Promise<RecordedEvent> => {
    const all = await f.store.readAll();
    return all[all.length - 1];
  };

  async function caughtUp(p: LiveProjector): Promise<void> {
    const last = await head();
    await waitFor(() => (p.position?.commit === last.position.commit ? true : undefined));
  }

  describe('every projection, every event: idempotent if run twice', () => {
    const types = Object.keys(SAMPLES) as (keyof typeof SAMPLES)[];
    it.each(types)('%s', async (type) => {
      const events = [
        projected('a1', sample('ActivationCodeIssued'), 1),
        projected('a1', sample('Registered'), 2),
      ];
      if (type !== 'ActivationCodeIssued' && type !== 'Registered')
        events.push(projected('a1', sample(type), 3));
      events.push(
        staffAccess('jane.support', { route: 'GET /x', accountId: 'a1', reason: 'r', outcome: 'shown' }, 4),
      );
      const byId = new Map(events.map((e) => [e.raw.id, e]));
      const d: ProjectorDeps = { ...deps, decode: async (raw) => byId.get(raw.id)! };
      const g = await activeGeneration(docs, d.projections);
      const raws = events.map((e) => e.raw);
      expect(await applyBatch(d, g, raws)).toBeGreaterThan(0);
      const once = await readModelHash(docs, g, collections);
      expect(await applyBatch(d, g, raws)).toBe(0);
      expect(await applyBatch(d, g, [raws[raws.length - 2]])).toBe(0);
      expect(await readModelHash(docs, g, collections)).toBe(once);
    });
  });

  it('builds the login lookup, support search, account page, history and letters in flight from real flows', async () => {
    const ana = await f.registered('ana@example.com', 'Ana');
    const bo = await f.registered('bo@example.com', 'Bo');
    await f.loginCode(ana);
    for (let i = 0; i < 5; i++)
      await f.accounts
        .run(
          ana,
          {
            type: 'LogIn',
            loginId: randomUUID(),
            passwordMatches: false,
            otp: { otpId: randomUUID(), codeHash: 'x', codeSealed: 'x' },
            now: Date.now(),
          },
          f.ctx(),
        )
        .catch(() => undefined);
    const projector = new LiveProjector(deps, memoryLogger());
    await projector.start();
    try {
      await caughtUp(projector);
      expect(await queries.lookup('email', ' ANA@example.com')).toEqual([
        { accountId: ana, status: 'active' },
      ]);
      const byPrefix = await queries.search({ lastNamePrefix: 'tes' }, { limit: 10, reveal: true });
      expect(byPrefix.items.map((i) => i.accountId).sort()).toEqual([ana, bo].sort());
      const byNameDob = await queries.search(
        { lastName: 'TESTER', dateOfBirth: '1975-02-03' },
        { limit: 1, reveal: false },
      );
      expect(byNameDob.items).toHaveLength(1);
      expect(byNameDob.next).toBeDefined();
      expect(byNameDob.items[0].personal.firstName).toBe('[hidden]');
      const page2 = await queries.search(
        { lastName: 'TESTER', dateOfBirth: '1975-02-03' },
        { limit: 1, after: byNameDob.next, reveal: false },
      );
      expect(page2.items.map((i) => i.accountId)).not.toEqual(byNameDob.items.map((i) => i.accountId));

      const detail = (await queries.account(ana, { reveal: true }))!;
      expect(detail).toMatchObject({
        status: 'active',
        registered: true,
        locked: true,
        authenticatorEnrolled: false,
      });
      expect(detail.personal).toMatchObject({ firstName: 'Ana', email: 'ana@example.com' });
      const history = await queries.history(ana, { limit: 50, reveal: true });
      const texts = history.items.map((i) => i.text);
      expect(texts[0]).toContain('Registered as a nonmember');
      expect(texts[0]).toContain('Ana Tester, email ana@example.com');
      expect(texts.filter((t) => t.startsWith('Login failed: wrong password'))).toHaveLength(5);
      expect(texts.some((t) => t.startsWith('Locked until'))).toBe(true);
      expect((await queries.history(ana, { limit: 50, reveal: false })).items[0].text).toContain('[hidden]');

      // Erasure: the account's values read as erased everywhere and it can no longer be found.
      await f.accounts.run(ana, { type: 'ErasePersonalData', now: Date.now() }, f.ctx());
      await f.vault.erase(ana);
      await caughtUp(projector);
      expect(await queries.lookup('email', 'ana@example.com')).toEqual([]);
      expect((await queries.account(ana, { reveal: true }))!.personal.firstName).toBe('[erased]');
      expect((await queries.history(ana, { limit: 1, reveal: true })).items[0].text).toContain('[erased]');
    } finally {
      await projector.stop();
    }
  });

  it('a crash between the documents and the checkpoint: after a restart the read models equal a full replay', async () => {
    for (let i = 0; i < 4; i++) await f.registered(`m${i}@example.com`);
    let crashes = 1;
    const crashing = new LiveProjector(deps, memoryLogger(), {
      resubscribeDelayMs: 60_000,
      afterWrite: () => {
        if (crashes-- > 0) throw new Error('killed between the write and the checkpoint');
      },
    });
    await crashing.start();
    await waitFor(() => (crashing.failure ? true : undefined));
    await crashing.stop();
    const g = await activeGeneration(docs, deps.projections);
    // The failed batch's documents are stored, its checkpoint is not, and nothing after it was applied.
    expect(await docs.count(g, 'accounts')).toBeGreaterThan(0);
    expect(await docs.loadCheckpoint(checkpointName(g))).toBeUndefined();

    for (let i = 4; i < 6; i++) await f.registered(`m${i}@example.com`);
    const restarted = new LiveProjector(deps, memoryLogger());
    await restarted.start();
    await caughtUp(restarted);
    await restarted.stop();
    const live = await readModelHash(docs, g, collections);

    const result = await rebuild(deps, { dropAfterMs: 0 });
    expect(result.to).toBeGreaterThan(g);
    expect(await readModelHash(docs, result.to, collections)).toBe(live);
  });

  it('decodes only the personal fields the projections make terms of, with one open per event and none where no term is made', async () => {
    const accountId = await f.registered('d1@example.com', 'Robin');
    const registered = (await f.store.readAll()).find(
      (e) => e.type === 'Registered' && e.streamId === `account-${accountId}`,
    )!;
    expect(Vault.isSealed(registered.data[ENVELOPE_FIELD])).toBe(true);
    const open = jest.spyOn(f.vault, 'open');
    const event = (await deps.decode(registered)).account!.event;
    if (event.type !== 'Registered') throw new Error(`expected Registered, got ${event.type}`);
    expect(event.data.profile).toMatchObject({
      lastName: 'Tester',
      dateOfBirth: '1975-02-03',
      email: 'd1@example.com',
    });
    expect(open).toHaveBeenCalledTimes(1);
    // The values no projection makes a term of stay sealed; the full codec opens every one.
    expect(event.data.profile.firstName).toBe(IN_ENVELOPE);
    expect(event.data.securityQuestion).toBe(IN_ENVELOPE);
    // No projection makes a term of the email an EmailVerified names: its envelope stays shut.
    const stored = await accountCodec(f.vault).encode(registered.streamId, {
      type: 'EmailVerified',
      data: { email: 'd1@example.com' },
    });
    const verified = (await deps.decode({ ...registered, type: 'EmailVerified', data: stored.data })).account!
      .event;
    expect(verified.data).toEqual(stored.data);
    expect(open).toHaveBeenCalledTimes(1);
    const full = await accountCodec(f.vault).decode(registered);
    expect(full.type === 'Registered' && full.data.profile.firstName).toBe('Robin');
  });

  it('a rebuild unwraps each account key once', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await f.registered(`k${i}@example.com`));
    for (const id of ids) await f.loginCode(id);
    const counting = new CountingKeyStore(f['keys'] as DataKeyStore);
    const result = await rebuild(
      { ...deps, decode: decoderFor(accountCodec(new Vault(counting), PROJECTED_PERSONAL_FIELDS)) },
      { dropAfterMs: 0 },
    );
    expect(await docs.count(result.to, 'accounts')).toBe(3);
    for (const id of ids) expect(counting.count(id)).toBe(1);
  });

  it('a rebuild over events sealed field by field and in envelopes gives the same documents', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await f.registered(`mix${i}@example.com`, `Mix${i}`));
    await f.loginCode(ids[0]);
    // The same history, with every other account event stored as before envelopes.
    const mixed = SqliteEventStore.open(join(f.dir, 'mixed.sqlite'));
    const legacy = legacyAccountCodec(f.vault);
    const full = accountCodec(f.vault);
    let n = 0;
    for (const e of await f.store.readAll()) {
      let { data, metadata } = e;
      if (e.streamId.startsWith('account-') && n++ % 2 === 0) {
        const old = await legacy.encode(e.streamId, await full.decode(e));
        data = old.data;
        metadata = { ...metadata, schemaVersion: old.schemaVersion };
      }
      await mixed.append(e.streamId, [{ id: e.id, type: e.type, data, metadata }], 'any');
    }
    const stored = await mixed.readAll();
    expect(stored.some((e) => Vault.isSealed(e.data[ENVELOPE_FIELD]))).toBe(true);
    expect(stored.some((e) => e.type === 'Registered' && !(ENVELOPE_FIELD in e.data))).toBe(true);

    const mixedDocs = SqliteDocumentStore.open(join(f.dir, 'mixed-rm.sqlite'));
    try {
      const a = await rebuild(deps, { dropAfterMs: 0 });
      const b = await rebuild({ ...deps, store: mixed, docs: mixedDocs }, { dropAfterMs: 0 });
      const mixedQueries = new ReadModels(mixedDocs, deps.projections, new SearchKeys(f.hmacKey), f.vault, {
        readStream: (s, o) => mixed.readStream(s, o),
        decode: (raw) => accountCodec(f.vault).decode(raw),
      });
      // The sealed copies differ in form (a value sealed alone, or a reference into an envelope);
      // everything else, the search terms included, is the same, and so is what a reader sees.
      const withoutCopies = (doc: Record<string, unknown>) => {
        const rest = { ...doc };
        const copies = { ...(rest.sealed as object), ...(rest.personal as object) };
        delete rest.sealed;
        delete rest.personal;
        delete rest.envelopes;
        return { ...rest, copies: Object.keys(copies).sort() };
      };
      for (const name of collections) {
        const [one, other] = await Promise.all([
          docs.list(a.to, name, { limit: 1000 }),
          mixedDocs.list(b.to, name, { limit: 1000 }),
        ]);
        expect(other.map((d) => [d.id, withoutCopies(d.doc)])).toEqual(
          one.map((d) => [d.id, withoutCopies(d.doc)]),
        );
      }
      for (const id of ids) {
        for (const reveal of [true, false]) {
          expect(await mixedQueries.account(id, { reveal })).toEqual(await queries.account(id, { reveal }));
          expect(await mixedQueries.history(id, { limit: 100, reveal })).toEqual(
            await queries.history(id, { limit: 100, reveal }),
          );
        }
      }
      expect((await queries.account(ids[1], { reveal: true }))?.personal).toMatchObject({
        firstName: 'Mix1',
        email: 'mix1@example.com',
      });
    } finally {
      await mixedDocs.close();
      await mixed.close();
    }
  });

  it('replaying from the first event twice gives the same read-model hash; compare finds no difference, then finds a planted one', async () => {
    for (let i = 0; i < 3; i++) await f.registered(`r${i}@example.com`);
    const first = await rebuild(deps, { dropAfterMs: 0 });
    const h1 = await readModelHash(docs, first.to, collections);
    const second = await rebuild(deps, { dropAfterMs: 0 });
    expect(await readModelHash(docs, second.to, collections)).toBe(h1);
    expect(await docs.count(first.to, 'accounts')).toBe(0); // the old generation was dropped

    expect((await compareWithReplay(deps)).differences).toEqual([]);
    await docs.write(second.to, [
      {
        collection: 'accounts',
        id: 'ghost',
        doc: { accountId: 'ghost' },
        position: { commit: 1n, prepare: 1n },
      },
    ]);
    const report = await compareWithReplay(deps);
    expect(report.differences).toEqual([{ collection: 'accounts', id: 'ghost', kind: 'missing-in-replay' }]);
  });

  it('of two rebuilds and a compare requested at once by two processes, exactly one runs; the others are refused as in progress', async () => {
    for (let i = 0; i < 3; i++) await f.registered(`c${i}@example.com`);
    const second = await SqliteDocumentStore.open(join(f.dir, 'readmodels.sqlite'));
    try {
      const other: ProjectorDeps = { ...deps, docs: second };
      const outcomes = await Promise.allSettled([
        rebuild(deps, { dropAfterMs: 0 }),
        rebuild(other, { dropAfterMs: 0 }),
        compareWithReplay(other),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected'))
        expect((o as PromiseRejectedResult).reason).toBeInstanceOf(RebuildInProgressError);
      // Released: the next one runs.
      await expect(rebuild(other, { dropAfterMs: 0 })).resolves.toMatchObject({ events: expect.any(Number) });
    } finally {
      await second.close();
    }
  });

  it('a rebuild requested over HTTP is recorded once, run by the request runner, and its outcome kept; a second request meanwhile is told of the first', async () => {
    for (let i = 0; i < 3; i++) await f.registered(`q${i}@example.com`);
    const first = await requestReadModelJob(docs, 'rebuild');
    expect(first).toMatchObject({ accepted: true, request: { kind: 'rebuild', status: 'pending' } });
    const second = await requestReadModelJob(docs, 'compare');
    expect(second).toEqual({ accepted: false, request: first.request });
    const runner = new ReadModelRequestRunner(deps, memoryLogger(), { dropAfterMs: 0 });
    runner.start();
    try {
      await runner.poll();
      await runner.idle();
    } finally {
      await runner.stop();
    }
    const done = await currentReadModelRequest(docs);
    expect(done).toMatchObject({ id: first.request!.id, status: 'done', result: { from: 1, to: 2 } });
    expect(done!.events).toBeGreaterThan(0);
    expect(await lastReadModelRequest(docs, 'rebuild')).toEqual(done);
    expect(await readModelRequestById(docs, first.request!.id)).toEqual(done);
    expect(await readModelRequestById(docs, randomUUID())).toBeUndefined();
    expect(await activeGeneration(docs, deps.projections)).toBe(2);
    expect((await requestReadModelJob(docs, 'compare')).accepted).toBe(true);
  });

  it('a request whose runner died is shown abandoned once its lease expires, and may be made again', async () => {
    const made = await requestReadModelJob(docs, 'rebuild', Date.now() - PENDING_TTL_MS - 1);
    expect(made.accepted).toBe(true);
    expect(await currentReadModelRequest(docs)).toMatchObject({ id: made.request!.id, status: 'abandoned' });
    expect((await requestReadModelJob(docs, 'rebuild')).accepted).toBe(true);
  });

  it('a projector whose lease passed to another process writes nothing more and stops instead of resubscribing', async () => {
    const lease = (await docs.acquireLease('projector', 'old-holder', 60_000))!;
    let lost = 0;
    const projector = new LiveProjector(
      { ...deps, fence: { lease: 'projector', token: lease.token } },
      memoryLogger(),
      {
        resubscribeDelayMs: 10,
        onLeaseLost: () => lost++,
      },
    );
    await projector.start();
    try {
      await f.registered('fenced1@example.com');
      await caughtUp(projector);
      const before = await docs.loadCheckpoint(checkpointName(projector.generation));
      await docs.acquireLease('projector', 'new-holder', 60_000, { replacing: 'old-holder' });
      await f.registered('fenced2@example.com');
      await waitFor(() => (lost > 0 ? true : undefined));
      expect(projector.failure).toBe('LeaseLostError');
      expect(await docs.loadCheckpoint(checkpointName(projector.generation))).toEqual(before);
      expect(await queries.lookup('email', 'fenced2@example.com')).toEqual([]);
      expect(lost).toBe(1);
    } finally {
      await projector.stop();
    }
  });

  it('a rebuild paused past its lease, taken over by another, neither writes on nor swaps the generation', async () => {
    for (let i = 0; i < 4; i++) await f.registered(`p${i}@example.com`);
    let takenOver = false;
    const outcome = rebuild(deps, {
      dropAfterMs: 0,
      batchSize: 2,
      onProgress: () => {
        if (takenOver) return;
        takenOver = true;
        // As if this rebuild had stopped renewing: another takes the lease over.
        void docs
          .getLease('rebuild')
          .then((held) =>
            docs.acquireLease('rebuild', 'another-rebuild', 60_000, { replacing: held!.holder }),
          );
      },
    });
    await expect(outcome).rejects.toMatchObject({ name: 'LeaseLostError' });
    expect(await activeGeneration(docs, deps.projections)).toBe(1);
    expect(await docs.getLease('rebuild')).toMatchObject({ holder: 'another-rebuild' });
  });

  it('a fill keeping fewer documents in memory than it changes builds what the live projector built, and saves its checkpoint only once they are all written', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await f.registered(`c${i}@example.com`));
    const projector = new LiveProjector(deps, memoryLogger());
    await projector.start();
    await caughtUp(projector);
    await projector.stop();
    const live = await readModelHash(docs, projector.generation, collections);

    // What the fill's documents look like each time it saves a checkpoint.
    const atCheckpoint: number[] = [];
    const watched: ProjectorDeps = {
      ...deps,
      docs: new Proxy(docs, {
        get(target, key) {
          if (key === 'saveCheckpoint')
            return async (name: string, position: Parameters<typeof docs.saveCheckpoint>[1]) => {
              const generation = Number(/^projector-v(\d+)$/.exec(name)?.[1]);
              atCheckpoint.push((await target.getMany(generation, 'accounts', ids)).size);
              return target.saveCheckpoint(name, position);
            };
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }),
    };
    // Batches of 2 events and room for 1 document: every account is evicted, read back and changed again.
    const small = await rebuild(watched, { dropAfterMs: 0, batchSize: 2, fillCacheDocs: 1 });
    expect(await readModelHash(docs, small.to, collections)).toBe(live);
    expect(atCheckpoint).toEqual([ids.length]);
    const roomy = await rebuild(deps, { dropAfterMs: 0, batchSize: 2, fillCacheDocs: 1000 });
    expect(await readModelHash(docs, roomy.to, collections)).toBe(live);
  });

  it('a fill split in two partitions builds what one thread builds, events appended meanwhile included, and saves no checkpoint before both are written', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(await f.registered(`s${i}@example.com`));
      // Later events of the same account, to be folded after its registration.
      if (i % 2 === 0) await f.loginCode(ids[i]);
    }
    let elsewhereDone = false;
    /** At the generation's first checkpoint: was the other partition done, and how many accounts were written. */
    let atFirstCheckpoint: { elsewhereDone: boolean; accounts: number } | undefined;
    const watched: ProjectorDeps = {
      ...deps,
      docs: new Proxy(docs, {
        get(target, key) {
          if (key === 'saveCheckpoint')
            return async (name: string, position: Parameters<typeof docs.saveCheckpoint>[1]) => {
              const generation = Number(/^projector-v(\d+)$/.exec(name)?.[1]);
              atFirstCheckpoint ??= {
                elsewhereDone,
                accounts: (await target.getMany(generation, 'accounts', ids)).size,
              };
              return target.saveCheckpoint(name, position);
            };
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }),
    };
    let elsewhere = 0;
    const late: string[] = [];
    // The other partition, here on this thread (libs/runtime runs it in a worker thread). It reads
    // the events up to where the log ended when it started; registrations appended then, which the
    // partition here reads, are applied by the catch-up after the two, from the nearer end.
    const fillElsewhere: FillElsewhere = async (request) => {
      const all = await f.store.readAll();
      const end = all[all.length - 1].position;
      for (let i = 0; i < 4; i++) late.push(await f.registered(`late${i}@example.com`));
      const upToEnd = new Proxy(f.store, {
        get(target, key) {
          if (key === 'readAll')
            return async (o: Parameters<typeof target.readAll>[0]) =>
              (await target.readAll(o)).filter((e) => e.position.commit <= end.commit);
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const done = await catchUp({ ...watched, store: upToEnd, fence: request.fence }, request.generation, {
        batchSize: request.batchSize,
        fillCacheDocs: request.fillCacheDocs,
        partition: request.partition,
        checkpoint: false,
        signal: request.signal,
      });
      elsewhere = done.events;
      elsewhereDone = true;
      return done;
    };
    const split = await rebuild(
      { ...watched, fillElsewhere },
      { dropAfterMs: 0, batchSize: 3, fillCacheDocs: 2 },
    );
    expect(elsewhere).toBeGreaterThan(0);
    expect(elsewhere).toBeLessThan(split.events);
    expect(atFirstCheckpoint).toEqual({ elsewhereDone: true, accounts: ids.length });
    expect(await docs.count(split.to, 'accounts')).toBe(12);
    const splitHash = await readModelHash(docs, split.to, collections);

    const one = await rebuild(deps, { dropAfterMs: 0 });
    expect(await docs.count(one.to, 'accounts')).toBe(12);
    expect(await readModelHash(docs, one.to, collections)).toBe(splitHash);
  });

  it('a fill writes no tombstone for a document deleted before any version of it was written, and one for a document it had written', async () => {
    // A made-up collection: `Made` writes a document, `Gone` deletes it.
    const things: Projection = {
      spec: { name: 'things', indexes: [] },
      idsOf: (e) => (e.raw.streamId === 'things-test' ? [String((e.raw.data as { id: string }).id)] : []),
      project: (doc, e) => (e.raw.type === 'Made' ? { n: Number(e.raw.revision) } : doc ? null : undefined),
    };
    const steps: [string, string][] = [
      ['Made', 'a'],
      ['Made', 'b'],
      ['Gone', 'a'],
      ['Made', 'c'],
      ['Gone', 'c'],
      ['Made', 'd'],
      ['Gone', 'b'],
    ];
    await f.store.append(
      'things-test',
      steps.map(([type, id]) => ({
        id: randomUUID(),
        type,
        data: { id },
        metadata: {
          correlationId: 'c',
          actor: { kind: 'system', component: 'test' },
          occurredAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      })),
      'any',
    );
    const writes: Write[] = [];
    const own: ProjectorDeps = {
      ...deps,
      projections: [things],
      decode: async (raw) => ({ raw }),
      docs: new Proxy(docs, {
        get(target, key) {
          if (key === 'write')
            return (generation: number, batch: readonly Write[], options?: FencedOptions) => {
              writes.push(...batch);
              return target.write(generation, batch, options);
            };
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }),
    };
    // The live way into generation 70: every document's every version written, tombstones too.
    await docs.ensure(70, [things.spec]);
    await catchUp(own, 70, { batchSize: 1 });
    const live = writes.splice(0);
    expect(live.map((w) => `${w.id}:${w.doc ? 'doc' : 'gone'}`)).toEqual(
      steps.map(([t, id]) => `${id}:${t === 'Made' ? 'doc' : 'gone'}`),
    );
    // A fill of generation 71 with room for 2: b leaves the cache (written) before it is deleted; a and c are
    // deleted while cached (nothing written), d is written at the end.
    await docs.ensure(71, [things.spec], { fill: true });
    await catchUp(own, 71, { batchSize: 1, fillCacheDocs: 2 });
    await docs.finishFill(71);
    expect(writes.map((w) => `${w.id}:${w.doc ? 'doc' : 'gone'}`).sort()).toEqual([
      'b:doc',
      'b:gone',
      'd:doc',
    ]);
    expect(await readModelHash(docs, 71, ['things'])).toBe(await readModelHash(docs, 70, ['things']));
    expect((await docs.list(71, 'things', { limit: 10 })).map((d) => d.id)).toEqual(['d']);
  });

  it('a rebuild writes no history documents (timelines are read from the streams) and drops the `history` collection an earlier version kept', async () => {
    const ana = await f.registered('hist@example.com', 'Hist');
    const from = await activeGeneration(docs, deps.projections);
    // What an earlier version left in the live generation: one document per event.
    const history = { name: 'history', indexes: [], insertOnly: true };
    await docs.ensure(from, [history]);
    await docs.write(from, [
      { collection: 'history', id: `${ana}/1`, doc: { text: 'old' }, position: { commit: 1n, prepare: 1n } },
    ]);
    expect(await docs.count(from, 'history')).toBe(1);
    const { to } = await rebuild(deps, { dropAfterMs: 0 });
    expect(await docs.count(from, 'history')).toBe(0);
    expect(await docs.count(to, 'history')).toBe(0);
    const tables = new Database(join(f.dir, 'readmodels.sqlite'), { readonly: true });
    try {
      const names = tables.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(names.filter((n) => /^history_v/.test(String(n)))).toEqual([]);
    } finally {
      tables.close();
    }
    // The timeline still tells the account's story, from its stream.
    clockSkewMs += 1001;
    expect((await queries.history(ana, { limit: 50, reveal: true })).items[0].text).toContain(
      'Registered as a nonmember',
    );
  });

  it('after an upgrade that adds a collection, the live projector makes it in the active generation and projects into it', async () => {
    const ana = await f.registered('upgrade@example.com');
    // The active generation as an earlier version made it: no history_refs.
    const earlier = deps.projections.filter((p) => p.spec.name !== 'history_refs');
    const g = await activeGeneration(docs, earlier);
    const projector = new LiveProjector(deps, memoryLogger());
    await projector.start();
    try {
      await f.store.append(
        'staff-sam.support:access',
        [
          {
            id: randomUUID(),
            type: 'StaffAccessed',
            data: {
              route: 'GET /v1/support/accounts/:accountId',
              accountId: ana,
              reason: 'r',
              outcome: 'shown',
            },
            metadata: {
              correlationId: 'c',
              actor: { kind: 'staff', staffId: 'sam.support' },
              occurredAt: new Date().toISOString(),
              schemaVersion: 1,
            },
          },
        ],
        'any',
      );
      await caughtUp(projector);
      expect(projector.failure).toBeUndefined();
      expect(await docs.count(g, 'history_refs')).toBe(1);
      const texts = (await queries.history(ana, { limit: 50, reveal: true })).items.map((i) => i.text);
      expect(texts.at(-1)).toMatch(/^Viewed by staff member sam\.support/);
    } finally {
      await projector.stop();
    }
  });

  it('the live projector follows a rebuild’s swap, and queries are served throughout', async () => {
    await f.registered('s1@example.com');
    const projector = new LiveProjector(deps, memoryLogger(), { swapCheckIntervalMs: 20 });
    await projector.start();
    try {
      await caughtUp(projector);
      const before = projector.generation;
      const rebuilding = rebuild(deps, { dropAfterMs: 100 });
      expect(await queries.lookup('email', 's1@example.com')).toHaveLength(1);
      const { to } = await rebuilding;
      await waitFor(() => (projector.generation === to ? true : undefined));
      expect(to).not.toBe(before);
      await f.registered('s2@example.com');
      await caughtUp(projector);
      clockSkewMs += 1001; // past the queries' one-second cache of the active generation
      expect(await queries.lookup('email', 's2@example.com')).toHaveLength(1);
      // Found through the index terms the rebuild's fill built at its end.
      expect(await queries.lookup('email', 's1@example.com')).toHaveLength(1);
    } finally {
      await projector.stop();
    }
  });

  it('a projector whose generation another process swapped out and dropped moves to the active one instead of resubscribing to the dropped one', async () => {
    await f.registered('d1@example.com');
    let subscriptions = 0;
    const store = new Proxy(f.store, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (key === 'subscribeToAll') subscriptions++;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const logger = memoryLogger();
    // It never looks for a swap by itself here, as a projector paused past one would not have.
    const projector = new LiveProjector({ ...deps, store }, logger, {
      swapCheckIntervalMs: 3_600_000,
      resubscribeDelayMs: 10,
    });
    await projector.start();
    const second = await SqliteDocumentStore.open(join(f.dir, 'readmodels.sqlite'));
    try {
      await caughtUp(projector);
      const { from, to } = await rebuild({ ...deps, docs: second }, { dropAfterMs: 0 });
      expect(projector.generation).toBe(from);
      // Its next write goes to the dropped generation and is refused (DOCUMENT_COLLECTION_UNKNOWN).
      await f.registered('d2@example.com');
      await waitFor(() => (projector.generation === to ? true : undefined));
      await caughtUp(projector);
      expect(projector.failure).toBeUndefined();
      clockSkewMs += 1001; // past the queries' one-second cache of the active generation
      expect(await queries.lookup('email', 'd2@example.com')).toHaveLength(1);
      expect(await docs.loadCheckpoint(checkpointName(to))).toEqual(projector.position);
      // Once to start, once on the new generation: no resubscription to the dropped one.
      expect(subscriptions).toBe(2);
    } finally {
      await projector.stop();
      await second.close();
    }
  });

  it('reports every event applied once, with its lag, to batch listeners (never as a per-event metric); a failing listener stops nothing', async () => {
    for (let i = 0; i < 3; i++) await f.registered(`l${i}@example.com`);
    const metrics = new Metrics({ defaultMetrics: false });
    const projector = new LiveProjector(deps, memoryLogger(), { metrics });
    const seen: { id: string; lagMs: number }[] = [];
    projector.onBatchApplied(() => {
      throw new Error('a broken observer');
    });
    const remove = projector.onBatchApplied((batch, appliedAt) => {
      for (const e of batch) seen.push({ id: e.id, lagMs: appliedAt - Date.parse(e.recordedAt) });
    });
    await projector.start();
    try {
      await caughtUp(projector);
      const all = await f.store.readAll();
      expect(seen.map((s) => s.id)).toEqual(all.map((e) => e.id));
      expect(seen.every((s) => s.lagMs >= 0)).toBe(true);
      expect(projector.failure).toBeUndefined();
      const body = (await metrics.render()).body;
      // A per-event count would move only for accounts that exist (test/metrics.e2e-spec.ts).
      expect(body).not.toMatch(/^projector_event/m);
      expect(body).toMatch(/projector_lag_seconds \d/);

      remove();
      await f.registered('l9@example.com');
      await caughtUp(projector);
      expect(seen).toHaveLength(all.length);
    } finally {
      await projector.stop();
    }
  });
});

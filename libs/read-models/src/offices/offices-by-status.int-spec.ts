/**
 * The offices pending approval, a page at a time, on both document stores (SQLite, and the
 * MongoDB adapter over the faked driver): including a generation filled before the `status`
 * index existed, as a live store is when this version is first deployed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DocumentStore, MongoDbDocumentStore, SqliteDocumentStore } from '@portal/documents';
import type { EventStore } from '@portal/event-store';
// The faked driver lives with the adapter's tests (left out of the build), as the documents README says.
import { FakeMongoDb } from '../../../documents/src/testing/fake-mongo-db';
import { applyBatch, type ProjectorDeps } from '../projector';
import { officeLife } from './office-samples';
import { OfficeReadModel } from './office.queries';
import { officesProjection } from './offices.projection';

const adapters: [string, () => Promise<{ docs: DocumentStore; cleanup: () => Promise<void> }>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'offices-status-'));
      const docs = await SqliteDocumentStore.open(join(dir, 'rm.sqlite'));
      return {
        docs,
        cleanup: async () => {
          await docs.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'MongoDB (faked driver)',
    async () => ({ docs: new MongoDbDocumentStore(new FakeMongoDb()), cleanup: async () => undefined }),
  ],
];

describe.each(adapters)('offices by status, on %s', (_name, open) => {
  let docs: DocumentStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ docs, cleanup } = await open());
  });
  afterEach(() => cleanup());

  // off-a is approved; off-b, off-c and off-d only registered.
  const lives = {
    a: officeLife('off-a'),
    b: officeLife('off-b'),
    c: officeLife('off-c'),
    d: officeLife('off-d'),
  };
  const registered = [lives.a, lives.b, lives.c, lives.d].flatMap((life) => life.slice(0, 1));
  const approvedA = lives.a.slice(1, 2);
  const all = [...registered, ...approvedA];
  const deps = (): ProjectorDeps => ({
    store: {} as EventStore,
    docs,
    projections: [officesProjection],
    decode: async (raw) => [...all, ...lives.b].find((e) => e.raw.id === raw.id)!,
  });
  const model = () =>
    new OfficeReadModel(
      docs,
      async () => 1,
      async () => 'opened',
    );
  const ids = (page: { items: { officeId: string }[] }) => page.items.map((o) => o.officeId);

  it('lists the pending offices a page at a time, in a generation filled before the index existed', async () => {
    // The live generation as the previous version made it: offices indexed by members only.
    await docs.ensure(1, [{ ...officesProjection.spec, indexes: ['members'] }]);
    await applyBatch(
      deps(),
      1,
      registered.map((e) => e.raw),
    );
    await applyBatch(
      deps(),
      1,
      approvedA.map((e) => e.raw),
    );
    // The projector of the new version ensures its specs in the live generation (LiveProjector.follow).
    await docs.ensure(1, [officesProjection.spec]);

    const first = await model().byStatus('pending', { limit: 2 });
    expect(ids(first)).toEqual(['off-b', 'off-c']);
    expect(first.next).toBe('off-c');
    expect(first.items[0]).toEqual({
      officeId: 'off-b',
      name: 'Lakeside Family Medicine',
      npi: '1234567893',
      status: 'pending',
      registeredAt: expect.any(String),
      firstAdministrator: 'adm',
      users: 1,
    });
    // What a list shows never holds the tax id, sealed or opened.
    expect(JSON.stringify(first)).not.toMatch(/taxId|sealed/);
    const second = await model().byStatus('pending', { limit: 2, after: first.next });
    expect(ids(second)).toEqual(['off-d']);
    expect(second.next).toBeUndefined();
    expect(ids(await model().byStatus('active', { limit: 10 }))).toEqual(['off-a']);

    // Approving an office takes it off the list.
    await applyBatch(
      deps(),
      1,
      lives.b.slice(1, 2).map((e) => e.raw),
    );
    expect(ids(await model().byStatus('pending', { limit: 10 }))).toEqual(['off-c', 'off-d']);
    expect(ids(await model().byStatus('active', { limit: 10 }))).toEqual(['off-a', 'off-b']);
  });

  it('answers an empty page when no office is pending', async () => {
    await docs.ensure(1, [officesProjection.spec]);
    await applyBatch(
      deps(),
      1,
      [...lives.a.slice(0, 2)].map((e) => e.raw),
    );
    expect(await model().byStatus('pending', { limit: 10 })).toEqual({ items: [] });
  });
});

/** The offices projection through the real projector and SQLite document store: idempotent if run twice. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDocumentStore } from '@portal/documents';
import type { EventStore } from '@portal/event-store';
import { applyBatch, type ProjectorDeps } from '../projector';
import { historyRefsProjection } from '../history/history-refs.projection';
import { officeLife } from './office-samples';
import { type OfficeDoc, officesProjection } from './offices.projection';

describe('offices projection, applied by the projector', () => {
  let dir: string;
  let docs: SqliteDocumentStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'offices-rm-'));
    docs = await SqliteDocumentStore.open(join(dir, 'rm.sqlite'));
  });
  afterEach(async () => {
    await docs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is idempotent if run twice: the same documents, no grant counted twice', async () => {
    const events = officeLife();
    const deps: ProjectorDeps = {
      store: {} as EventStore,
      docs,
      projections: [officesProjection, historyRefsProjection],
      decode: async (raw) => events.find((e) => e.raw.id === raw.id)!,
    };
    const raws = events.map((e) => e.raw);
    await docs.ensure(0, [officesProjection.spec, historyRefsProjection.spec]);
    await applyBatch(deps, 0, raws);
    const once = (await docs.get<OfficeDoc>(0, 'offices', 'off-a'))!.doc;
    const refs = async () => [
      ...(await docs.list(0, 'history_refs', { prefix: 'adm/', limit: 100 })),
      ...(await docs.list(0, 'history_refs', { prefix: 'u1/', limit: 100 })),
    ];
    const timeline = await refs();
    // Again in one batch, and again split in two: positions make both no-ops.
    await applyBatch(deps, 0, raws);
    await applyBatch(deps, 0, raws.slice(0, 3));
    await applyBatch(deps, 0, raws.slice(3));
    expect((await docs.get<OfficeDoc>(0, 'offices', 'off-a'))!.doc).toEqual(once);
    expect(await refs()).toEqual(timeline);
    expect(timeline).toHaveLength(events.length);
    expect(once.grants).toHaveLength(3);
    // The office of an account, by its members index.
    expect(
      (await docs.find<OfficeDoc>(0, 'offices', 'members', 'u1', { limit: 5 })).map((d) => d.id),
    ).toEqual(['off-a']);
  });
});

/**
 * Issue 20 item 16: a read-model rebuild never stalls serving. With a few thousand
 * events seeded, a rebuild is requested on the booted app (`npm start`'s roles in
 * one process, as a small deployment runs it) while clients poll GET /health
 * throughout. The fill writes the new generation batch by batch; every /health
 * answer, every fill write and the start and end of the old generation's drop are
 * logged in order, and the test asserts that /health answered many times between the
 * fill's first and last write, and while the old generation was dropped. No durations
 * are asserted (bench/RESULTS.md has the p99 figures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DocumentStore } from '@portal/documents';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { StaffDirectory } from '@portal/staff';
import { main as seedData } from '../apps/api/src/cli/seed-data';
import { startApp, type TestApp } from './support/app';
import { eventually } from './support/outbox';

jest.setTimeout(180_000);

describe('a rebuild beside serving', () => {
  let dataDir: string;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-rebuild-serving-'));
    // ~10 events per account: a few thousand events, written straight to the stores.
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await seedData(['--accounts', '500', '--data-dir', dataDir, '--no-rebuild'])).toBe(0);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    t = await startApp({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const staff = t.app.get(StaffDirectory, { strict: false });
    token = (
      await staff.create('root.admin', ['admin'], {
        correlationId: 'test-setup',
        actor: { kind: 'system', component: 'test' },
        occurredAt: new Date(),
      })
    ).token;
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /health again and again while the fill writes the new generation and while the old one is dropped', async () => {
    const { docs } = t.app.get<ReadModelsRuntime>(READ_MODELS);
    const admin = { authorization: `Bearer ${token}`, 'x-access-reason': 'rebuild test' };
    const before = await t.http().get('/v1/admin/read-models').set(admin).expect(200);
    const from = before.body.generation as number;
    expect((await docs.getMeta('active')) as number).toBe(from);

    // The order of things as this process saw them: a /health answer, a fill read or write of the new
    // generation, or the old one's drop. Reads too: the fill keeps the documents it changes in memory
    // (FillCache) and reads each one once when an event first touches it, so its writes may all come at its end.
    const seen: ('health' | 'fill' | 'drop' | 'dropped')[] = [];
    const write = docs.write.bind(docs) as DocumentStore['write'];
    const getMany = docs.getMany.bind(docs) as DocumentStore['getMany'];
    const spy = jest.spyOn(docs, 'write').mockImplementation(async (generation, writes, options) => {
      if (generation > from) seen.push('fill');
      return write(generation, writes, options);
    });
    const readSpy = jest.spyOn(docs, 'getMany').mockImplementation(async (generation, collection, ids) => {
      if (generation > from) seen.push('fill');
      return getMany(generation, collection, ids);
    });
    const drop = docs.drop.bind(docs) as DocumentStore['drop'];
    const dropSpy = jest.spyOn(docs, 'drop').mockImplementation(async (generation, specs) => {
      seen.push('drop');
      await drop(generation, specs);
      seen.push('dropped');
    });
    let polling = true;
    const poll = async () => {
      while (polling) {
        await t.http().get('/health').expect(200);
        seen.push('health');
        // A pause between polls, so the clients send a request per turn rather than flood it.
        await sleep(1);
      }
    };
    const pollers = [poll(), poll(), poll()];
    try {
      const asked = await t.http().post('/v1/admin/read-models/rebuild').set(admin).expect(202);
      expect(asked.body).toMatchObject({ started: true, status: 'pending', id: expect.any(String) });
      const done = await eventually(
        async () => {
          const r = await t.http().get('/v1/admin/read-models').set(admin).expect(200);
          return r.body.lastRebuild?.id === asked.body.id ? r.body.lastRebuild : undefined;
        },
        120_000,
        'the rebuild to finish',
      );
      expect(done).toMatchObject({ status: 'done', result: { from, to: expect.any(Number) } });
      expect(done.result.events).toBeGreaterThan(3000);
    } finally {
      polling = false;
      await Promise.all(pollers);
      spy.mockRestore();
      dropSpy.mockRestore();
      readSpy.mockRestore();
    }
    const first = seen.indexOf('fill');
    const last = seen.lastIndexOf('fill');
    expect(first).toBeGreaterThanOrEqual(0);
    const answeredDuringFill = seen.slice(first, last).filter((s) => s === 'health').length;
    expect(answeredDuringFill).toBeGreaterThanOrEqual(5);
    // The old generation's tables are dropped off the event loop: /health answers meanwhile.
    const dropped = seen.slice(seen.indexOf('drop'), seen.indexOf('dropped'));
    expect(dropped[0]).toBe('drop');
    expect(dropped.filter((s) => s === 'health').length).toBeGreaterThanOrEqual(3);
  });
});

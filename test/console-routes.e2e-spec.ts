/**
 * The staff routes the console's office and auditor screens added, over HTTP on the booted app
 * (embedded adapters), every answer checked against the OpenAPI document: the provider offices
 * pending approval, a page at a time (support and admin, as approval; recorded as a read of the
 * offices' first administrators), and the chain verification with its progress as NDJSON.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { StaffDirectory } from '@portal/staff';
import type { Response } from 'supertest';
import { startApp, type TestApp } from './support/app';
import { eventually } from './support/outbox';

jest.setTimeout(60_000);

const administrator = (n: string) => ({
  firstName: 'Ida',
  lastName: `Admin${n}`,
  dateOfBirth: '1975-03-14',
  email: `admin.${n.toLowerCase()}@office-${n.toLowerCase()}.example`,
  phone: '+15555550150',
  username: `idadmin${n}`,
  password: `Office${n}7Admin9Pass`,
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
});
/** Valid NPIs (Luhn over 80840 + the first nine digits). */
const NPIS = ['1234567893', '1245319599', '1003000126'];

/** supertest buffers only the content types it knows; NDJSON is read as text here. */
const asText = (res: Response, done: (err: Error | null, body: string) => void) => {
  let text = '';
  res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  res.on('end', () => done(null, text));
};

interface OfficeSummary {
  officeId: string;
  name: string;
  status: string;
  firstAdministrator: string;
  users: number;
}

describe('the console’s staff routes: offices pending approval, verification with progress', () => {
  let t: TestApp;
  let store: EventStore;
  const tokens: Record<string, string> = {};
  const as = (who: string, reason = 'ticket 5150: offices to approve') => ({
    authorization: `Bearer ${tokens[who]}`,
    'x-access-reason': reason,
  });
  const offices: { officeId: string; name: string }[] = [];

  beforeAll(async () => {
    t = await startApp();
    store = t.app.get(EVENT_STORE);
    const staff = t.app.get(StaffDirectory, { strict: false });
    const ctx = () => ({
      correlationId: 'test-setup',
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    });
    for (const [id, roles] of [
      ['sam.support', ['support']],
      ['ada.auditor', ['auditor']],
      ['root.admin', ['admin']],
    ] as const)
      tokens[id] = (await staff.create(id, roles, ctx())).token;
    for (const [i, n] of ['A', 'B', 'C'].entries()) {
      const name = `Office ${n} Family Medicine`;
      const res = await t
        .http()
        .post('/v1/registrations/provider-office')
        .send({ ...administrator(n), officeName: name, npi: NPIS[i], taxId: `12-345678${i}` })
        .expect(201);
      offices.push({ officeId: res.body.officeId as string, name });
    }
  });
  afterAll(() => t.close());

  const pending = (who: string, query: Record<string, string | number> = {}) =>
    t.http().get('/v1/support/offices').query(query).set(as(who));

  it('lists the offices pending approval a page at a time, and an approved one leaves the list', async () => {
    const all = await eventually(async () => {
      const r = await pending('sam.support').expect(200);
      return r.body.items.length === 3 ? (r.body as { items: OfficeSummary[]; next?: string }) : undefined;
    });
    expect(all.next).toBeUndefined();
    expect(all.items.map((o) => o.officeId)).toEqual(offices.map((o) => o.officeId).sort());
    expect(all.items[0]).toEqual({
      officeId: expect.any(String),
      name: expect.stringMatching(/^Office [ABC] Family Medicine$/),
      npi: expect.any(String),
      status: 'pending',
      registeredAt: expect.any(String),
      firstAdministrator: expect.any(String),
      users: 1,
    });
    // No tax id in a list, not even as hidden.
    expect(JSON.stringify(all)).not.toMatch(/taxId|12-345678/);

    // Two pages of two and one: `next` is the cursor, and the pages neither repeat nor skip.
    const first = await pending('sam.support', { limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.next).toBe('string');
    const second = await pending('root.admin', { limit: 2, after: first.body.next as string }).expect(200);
    expect(second.body.next).toBeUndefined();
    expect([...first.body.items, ...second.body.items].map((o: OfficeSummary) => o.officeId)).toEqual(
      all.items.map((o) => o.officeId),
    );

    // Approved (with the reason header, as every staff action): it leaves the pending list for the active one.
    const approved = all.items[1];
    await t
      .http()
      .post(`/v1/offices/${approved.officeId}/approve`)
      .set(as('sam.support', 'ticket 5150: NPI checked'))
      .expect(200);
    await eventually(async () => {
      const r = await pending('sam.support').expect(200);
      return r.body.items.length === 2 ? true : undefined;
    });
    const left = await pending('sam.support').expect(200);
    expect(left.body.items.map((o: OfficeSummary) => o.officeId)).not.toContain(approved.officeId);
    const active = await pending('sam.support', { status: 'active' }).expect(200);
    expect(active.body.items).toEqual([
      expect.objectContaining({
        officeId: approved.officeId,
        status: 'active',
        approved: { at: expect.any(String), by: 'sam.support' },
      }),
    ]);

    // Each page is recorded as a read of the listed offices' first administrators.
    const reads = (await store.readStream('staff-sam.support:access'))
      .filter((e) => e.type === 'StaffAccessed' && e.data.route === 'GET /v1/support/offices')
      .map((e) => e.data);
    expect(reads.at(-1)).toEqual({
      route: 'GET /v1/support/offices',
      accountIds: [approved.firstAdministrator],
      reason: 'ticket 5150: offices to approve',
      outcome: 'shown',
    });
  });

  it('refuses a role without approval (403, recorded), a read without a reason, and bad paging, naming each field', async () => {
    const refused = await pending('ada.auditor').expect(403);
    expect(refused.body.error.code).toBe('STAFF_FORBIDDEN');
    const recorded = (await store.readStream('staff-ada.auditor:access')).filter(
      (e) => e.type === 'StaffAccessRefused',
    );
    expect(recorded.at(-1)!.data).toMatchObject({ route: 'GET /v1/support/offices', status: 403 });

    await t
      .http()
      .get('/v1/support/offices')
      .set({ authorization: `Bearer ${tokens['sam.support']}` })
      .expect(400)
      .expect((r) => expect(r.body.error.code).toBe('REASON_REQUIRED'));
    const bad = await pending('sam.support', { status: 'approved', limit: 0 }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['limit', 'status']);
    await pending('sam.support', { limit: 501 }).expect(400);
  });

  const verifyLines = async (query: Record<string, string | number>, who = 'ada.auditor') => {
    const res = await t
      .http()
      .get('/v1/audit/verify/progress')
      .query(query)
      .set(as(who, 'ticket 6001: quarterly chain check'))
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    return (res.body as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
  };

  it('verifies the chains with progress as NDJSON, then the result GET verify answers; a tampered event is named', async () => {
    const intact = await verifyLines({ progressEvery: 10 });
    const progress = intact.slice(0, -1).map((l) => l.progress as { events: number; streams: number });
    expect(intact.slice(0, -1).every((l) => Object.keys(l).join() === 'progress')).toBe(true);
    expect(progress[0]).toEqual({ events: 0, streams: 0, breaks: 0 });
    // A line every 10 events and one at the end, counts rising.
    const counts = progress.map((p) => p.events);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const last = intact.at(-1)!.result as { events: number; streams: number; intact: boolean };
    expect(progress.length).toBe(Math.floor(last.events / 10) + 2);
    expect(progress.at(-1)).toEqual({ events: last.events, streams: last.streams, breaks: 0 });
    const whole = await t.http().get('/v1/audit/verify').set(as('ada.auditor')).expect(200);
    expect(intact.at(-1)).toEqual({ result: whole.body });
    expect(last.intact).toBe(true);

    // The first event of an office's stream altered in the file: named as soon as met, and in the result.
    const streamId = `office-${offices[0].officeId}`;
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.name', 'Tampered') WHERE rowid = (SELECT min(rowid) FROM events WHERE stream_id = ?)",
    ).run(streamId);
    db.close();
    const broken = await verifyLines({ progressEvery: 10 });
    const result = broken.at(-1)!.result as { intact: boolean; firstBreak: Record<string, unknown> };
    expect(result.intact).toBe(false);
    expect(result.firstBreak).toEqual({
      streamId,
      revision: '0',
      eventId: expect.any(String),
      reason: 'hash-mismatch',
    });
    const named = broken
      .slice(0, -1)
      .map((l) => (l.progress as { firstBreak?: unknown }).firstBreak)
      .filter(Boolean);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((b) => JSON.stringify(b) === JSON.stringify(result.firstBreak))).toBe(true);

    // One stream: its count, then its result; an unknown one is a 404 before any line.
    const one = await verifyLines({ streamId });
    expect(one).toEqual([
      { progress: { events: 1, streams: 1, breaks: 1 } },
      { result: expect.objectContaining({ intact: false, streams: 1, firstBreak: result.firstBreak }) },
    ]);
    const unknown = await t
      .http()
      .get('/v1/audit/verify/progress')
      .query({ streamId: 'account-nobody' })
      .set(as('ada.auditor'))
      .expect(404);
    expect(unknown.body.error.code).toBe('AUDIT_STREAM_NOT_FOUND');

    const reads = (await store.readStream('staff-ada.auditor:access'))
      .filter((e) => e.type === 'StaffAccessed' && e.data.route === 'GET /v1/audit/verify/progress')
      .map((e) => e.data);
    expect(reads).toContainEqual({
      route: 'GET /v1/audit/verify/progress',
      wholeStore: true,
      reason: 'ticket 6001: quarterly chain check',
      outcome: 'shown',
    });
  });

  it('sends each progress line as it goes, while the store is still being read', async () => {
    // The store's read after its last event (the pass's last, empty page) waits until the test has
    // seen the first lines arrive: they were sent before the pass ended, not buffered to the end.
    const [last] = (await store.readAll()).slice(-1);
    const own = Object.getOwnPropertyDescriptor(store, 'readAll');
    const readAll = store.readAll.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // Should the route hold its lines back, the pass still ends (and the assertions below fail)
    // rather than leave the request, and the app's shutdown, waiting for ever.
    const stuck = setTimeout(() => release(), 15_000);
    store.readAll = async (options) => {
      if (options?.after && options.after.commit >= last.position.commit) await gate;
      return readAll(options);
    };
    let first!: (text: string) => void;
    const arrived = new Promise<string>((r) => (first = r));
    let ended = false;
    const answer = t
      .http()
      .get('/v1/audit/verify/progress')
      .query({ progressEvery: 10 })
      .set(as('ada.auditor'))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          first(text);
        });
        res.on('end', () => {
          ended = true;
          done(null, text);
        });
      })
      .then((r) => r);
    try {
      const early = await arrived;
      expect(early).toMatch(/^\{"progress":\{"events":0,"streams":0,"breaks":0\}\}\n/);
      expect(early).not.toContain('"result"');
      expect(ended).toBe(false);
    } finally {
      clearTimeout(stuck);
      release();
      if (own) Object.defineProperty(store, 'readAll', own);
      else delete (store as { readAll?: unknown }).readAll;
    }
    const res = await answer;
    expect(res.status).toBe(200);
    expect((res.body as string).trim().split('\n').at(-1)).toMatch(/^\{"result":\{"intact":/);
  });

  it('refuses support (403) and bad options, naming each field', async () => {
    await t.http().get('/v1/audit/verify/progress').set(as('sam.support')).expect(403);
    const bad = await t
      .http()
      .get('/v1/audit/verify/progress')
      .query({ progressEvery: 5, streamId: 'x'.repeat(201) })
      .set(as('ada.auditor'))
      .expect(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['progressEvery', 'streamId']);
  });
});

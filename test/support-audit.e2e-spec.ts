/**
 * Support and audit over HTTP, on the booted app (embedded adapters): staff
 * credentials, search, the account page and history from the read models,
 * support's actions, the audit routes, and the record of every staff access.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import type { JobQueue } from '@portal/jobs';
import { EVENT_STORE, JOB_QUEUE } from '@portal/runtime';
import { AccessLog, StaffDirectory } from '@portal/staff';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import type { Response } from 'supertest';
import { startApp, type TestApp } from './support/app';
import { eventually, Outbox } from './support/outbox';

const member = {
  firstName: 'Quinn',
  lastName: 'Okafor',
  dateOfBirth: '1984-07-19',
  email: 'quinn.canary@example.com',
  phone: '+1 555 555 0142',
  username: 'quinnokafor',
  password: 'Canary7Password9Secret',
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Biscuit',
  communication: { email: true, text: false },
  termsAccepted: true,
};

jest.setTimeout(30_000);

/** supertest buffers only the content types it knows; NDJSON is read as text here. */
const asText = (res: Response, done: (err: Error | null, body: string) => void) => {
  let text = '';
  res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  res.on('end', () => done(null, text));
};

describe('support and audit', () => {
  let t: TestApp;
  let mail: Outbox;
  let store: EventStore;
  let accounts: Accounts;
  const tokens: Record<string, string> = {};
  let accountId: string;

  const as = (who: string, reason = 'member called about their account') => ({
    authorization: `Bearer ${tokens[who]}`,
    'x-access-reason': reason,
  });

  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
    store = t.app.get(EVENT_STORE);
    accounts = t.app.get(ACCOUNTS);
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
    await t.http().post('/v1/registrations/nonmember').send(member).expect(201);
    accountId = (await accounts.holder('username', member.username))!;
    for (let i = 0; i < 5; i++)
      await t
        .http()
        .post('/v1/login')
        .send({ username: member.username, password: 'Wrong7Password9x' })
        .expect(401);
  });
  afterAll(() => t.close());

  /** What libs/staff records of a staff member's accesses and refusals. */
  const staffEvents = async (staffId: string) => store.readStream(`staff-${staffId}:access`);

  it('finds the member by each search, with the account page support needs, and records each read', async () => {
    const searches: Record<string, string>[] = [
      { username: 'QuinnOkafor' },
      { email: 'QUINN.canary@example.com' },
      { phone: '(555) 555-0142' },
      { lastName: 'okafor', dateOfBirth: '1984-07-19' },
      { lastNamePrefix: 'oka' },
    ];
    for (const query of searches) {
      const found = await eventually(async () => {
        const r = await t.http().get('/v1/support/accounts').query(query).set(as('sam.support')).expect(200);
        return r.body.items.length ? r.body : undefined;
      });
      expect(found.items).toEqual([
        expect.objectContaining({
          accountId,
          status: 'active',
          personal: expect.objectContaining({ lastName: 'Okafor' }),
        }),
      ]);
    }
    const detail = await eventually(async () => {
      const r = await t.http().get(`/v1/support/accounts/${accountId}`).set(as('sam.support')).expect(200);
      return r.body.locked ? r.body : undefined;
    });
    expect(detail).toMatchObject({
      accountId,
      registered: true,
      status: 'active',
      locked: true,
      lockedUntil: expect.any(String),
      authenticatorEnrolled: false,
      personal: { email: member.email, username: member.username },
    });
    const reads = (await staffEvents('sam.support')).filter((e) => e.type === 'StaffAccessed');
    expect(reads.length).toBeGreaterThanOrEqual(6);
    expect(reads.at(-1)!.data).toEqual({
      route: 'GET /v1/support/accounts/:accountId',
      accountId,
      reason: 'member called about their account',
      outcome: 'shown',
    });
    // What was searched for is never recorded.
    expect(JSON.stringify(reads.map((e) => e.data))).not.toMatch(/okafor|quinn|0142|1984/i);
  });

  it('bad searches name what is wrong, all at once; a read without a reason is refused', async () => {
    const none = await t.http().get('/v1/support/accounts').set(as('sam.support')).expect(400);
    expect(none.body.error).toMatchObject({ code: 'INVALID_SEARCH', fields: { query: expect.any(String) } });
    const half = await t
      .http()
      .get('/v1/support/accounts')
      .query({ dateOfBirth: 'July 19', limit: 0 })
      .set(as('sam.support'))
      .expect(400);
    expect(Object.keys(half.body.error.fields).sort()).toEqual(['dateOfBirth', 'limit']);
    await t
      .http()
      .get(`/v1/support/accounts/${accountId}`)
      .set({ authorization: `Bearer ${tokens['sam.support']}` })
      .expect(400)
      .expect((r) => expect(r.body.error.code).toBe('REASON_REQUIRED'));
    await t.http().get('/v1/support/accounts/not-a-uuid').set(as('sam.support')).expect(400);
    await t
      .http()
      .get('/v1/support/accounts/00000000-0000-4000-8000-000000000000')
      .set(as('sam.support'))
      .expect(404);
  });

  it('the history tells the story in plain words, with the staff reads in it', async () => {
    const history = await eventually(async () => {
      const r = await t
        .http()
        .get(`/v1/support/accounts/${accountId}/history`)
        .set(as('ada.auditor'))
        .expect(200);
      return r.body.items.some((i: { text: string }) =>
        i.text.startsWith('Viewed by staff member sam.support'),
      )
        ? r.body
        : undefined;
    });
    const texts = history.items.map((i: { text: string }) => i.text);
    expect(texts[0]).toBe(`Registered as a nonmember (nonmember): Quinn Okafor, email ${member.email}`);
    expect(texts).toContain('Login failed: wrong password (5 in a row)');
    expect(texts.some((x: string) => /^Locked until .* after 5 failed logins in a row$/.test(x))).toBe(true);
    expect(history.items[0]).toMatchObject({
      actor: { kind: 'self' },
      at: expect.any(String),
      ip: expect.any(String),
    });
  });

  it('a staff member without the role gets 403, and the refusal is in the audit stream; a bad credential gets 401, counted for auditors', async () => {
    await t.http().get(`/v1/support/accounts/${accountId}`).set(as('ada.auditor')).expect(403);
    await t.http().get('/v1/audit/verify').set(as('sam.support')).expect(403);
    const refused = (await staffEvents('ada.auditor')).filter((e) => e.type === 'StaffAccessRefused');
    expect(refused.at(-1)!.data).toMatchObject({ route: 'GET /v1/support/accounts/:accountId', status: 403 });
    await t
      .http()
      .get('/v1/support/accounts')
      .set({ authorization: 'Bearer stf_sam.support_wrong' })
      .expect(401);
    // Counted per address and minute, appended when the minute ends (here: now, as at shutdown).
    await t.app.get(AccessLog).drain();
    const exported = await t
      .http()
      .get('/v1/audit/events')
      .query({ streamId: 'staff-refusals' })
      .set(as('ada.auditor', 'review of refused staff credentials'))
      .expect(200);
    const counts = exported.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    expect(counts.at(-1)).toMatchObject({
      type: 'StaffAuthenticationFailures',
      data: { count: 1, why: { malformed: 1 }, routes: { 'GET /v1/support/accounts': 1 } },
    });
  });

  it('support unlocks, sends a temporary password (never shown) and resends the username', async () => {
    await t
      .http()
      .post(`/v1/support/accounts/${accountId}/unlock`)
      .set(as('sam.support'))
      .expect(200, { unlocked: true });
    await t.http().post(`/v1/support/accounts/${accountId}/unlock`).set(as('sam.support')).expect(409);

    const sent = await t
      .http()
      .post(`/v1/support/accounts/${accountId}/temporary-password`)
      .set(as('sam.support'))
      .expect(202);
    expect(sent.body).toEqual({ sent: true });
    const letter = (await mail.next(member.email, /temporary password/i)).text;
    const temporary = /temporary password for your account:\s*(\S+?)\.?\r?\n/i.exec(letter)?.[1];
    if (!temporary) throw new Error(`no temporary password in: ${letter}`);
    expect(JSON.stringify(sent.body)).not.toContain(temporary!);
    const login = await t
      .http()
      .post('/v1/login')
      .send({ username: member.username, password: temporary })
      .expect(200);
    expect(login.body.secondFactor).toBe('email-code');

    const reminder = await t
      .http()
      .post(`/v1/support/accounts/${accountId}/username-reminder`)
      .set(as('sam.support'))
      .expect(202);
    expect(reminder.body).toEqual({ sent: true });
    expect((await mail.next(member.email, new RegExp(member.username))).text).toContain(member.username);

    const events = await store.readStream(`account-${accountId}`);
    const unlocked = events.find((e) => e.type === 'Unlocked')!;
    expect(unlocked.metadata.actor).toEqual({ kind: 'staff', staffId: 'sam.support', role: 'support' });
    const acted = (await staffEvents('sam.support')).filter(
      (e) => (e.data as { outcome?: string }).outcome === 'done',
    );
    expect(acted.map((e) => (e.data as { route: string }).route)).toEqual([
      'POST /v1/support/accounts/:accountId/unlock',
      'POST /v1/support/accounts/:accountId/temporary-password',
      'POST /v1/support/accounts/:accountId/username-reminder',
    ]);
  });

  it('auditors export a stream as NDJSON, see the state as of a revision, and verify the chains; an altered event is named', async () => {
    const exported = await t
      .http()
      .get('/v1/audit/events')
      .query({ streamId: `account-${accountId}` })
      .set(as('ada.auditor'))
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect(exported.headers['content-type']).toContain('application/x-ndjson');
    const body = exported.body as string;
    const lines = body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ streamId: `account-${accountId}`, revision: '0', type: 'Registered' });
    expect(body).not.toContain(member.email);

    const state = await t
      .http()
      .get(`/v1/audit/accounts/${accountId}/state`)
      .query({ revision: '0' })
      .set(as('ada.auditor'))
      .expect(200);
    expect(state.body).toMatchObject({ accountId, revision: '0' });
    expect(JSON.stringify(state.body)).not.toContain('$argon2');
    const twoBad = await t
      .http()
      .get(`/v1/audit/accounts/${accountId}/state`)
      .query({ revision: 'abc', at: 'yesterday' })
      .set(as('ada.auditor'))
      .expect(400);
    expect(Object.keys(twoBad.body.error.fields).sort()).toEqual(['at', 'revision']);

    const intact = await t.http().get('/v1/audit/verify').set(as('ada.auditor')).expect(200);
    expect(intact.body).toMatchObject({ intact: true, breaks: [] });

    const db = new Database(join(t.dataDir, 'events.sqlite'));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    expect(tables.map((x) => x.name)).toContain('events');
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.consecutive', 1) WHERE stream_id = ? AND type = 'LoginFailed' AND json_extract(data, '$.consecutive') = 3",
    ).run(`account-${accountId}`);
    db.close();
    const broken = await t
      .http()
      .get('/v1/audit/verify')
      .query({ streamId: `account-${accountId}` })
      .set(as('ada.auditor'))
      .expect(200);
    expect(broken.body.intact).toBe(false);
    expect(broken.body.breaks[0]).toMatchObject({
      streamId: `account-${accountId}`,
      reason: 'hash-mismatch',
    });
  });

  it('admins see the read models, rebuild them while queries are served, and a replay compares equal', async () => {
    const before = await t.http().get('/v1/admin/read-models').set(as('root.admin')).expect(200);
    await t.http().post('/v1/admin/read-models/rebuild').set(as('root.admin')).expect(202);
    await t
      .http()
      .get('/v1/support/accounts')
      .query({ username: member.username })
      .set(as('sam.support'))
      .expect(200);
    const after = await eventually(async () => {
      const r = await t.http().get('/v1/admin/read-models').set(as('root.admin')).expect(200);
      return r.body.lastRebuild ? r.body : undefined;
    }, 20_000);
    expect(after.lastRebuild.result.to).toBeGreaterThan(before.body.generation);
    await t.http().post('/v1/admin/read-models/rebuild').set(as('sam.support')).expect(403);
  });

  it('auditors ask for a replay compared with the live read models: recorded and answered 202, run by the projector, its report read by id; each use recorded', async () => {
    const auditor = as('ada.auditor', 'read-model check');
    const asked = await t.http().post('/v1/audit/read-models/compare').set(auditor).expect(202);
    expect(asked.body).toMatchObject({ started: true, status: 'pending', id: expect.any(String) });
    const { id } = asked.body as { id: string };
    // Asked again while it is open: told of the open one; no second request is made.
    const again = await t.http().post('/v1/audit/read-models/compare').set(auditor).expect(202);
    expect(again.body).toMatchObject({ started: false, id, comparing: { id, kind: 'compare' } });

    const done = await eventually(
      async () => {
        const r = await t.http().get(`/v1/audit/read-models/compare/${id}`).set(auditor).expect(200);
        return r.body.status === 'done' || r.body.status === 'failed' ? r.body : undefined;
      },
      20_000,
      'the comparison to finish',
    );
    expect(done).toMatchObject({
      id,
      kind: 'compare',
      status: 'done',
      result: { replayedEvents: expect.any(Number), differences: expect.any(Array) },
    });
    expect(done.result.compared).toBeGreaterThan(0);
    const last = await t.http().get('/v1/audit/read-models/compare').set(auditor).expect(200);
    expect(last.body.lastCompare).toEqual(done);

    const unknown = await t
      .http()
      .get('/v1/audit/read-models/compare/0b9c6a52-5d0e-4c4e-9a51-5b7d1f1f3c11')
      .set(auditor)
      .expect(404);
    expect(unknown.body.error.code).toBe('READ_MODEL_REQUEST_NOT_FOUND');
    await t.http().get('/v1/audit/read-models/compare/not-an-id').set(auditor).expect(400);
    await t.http().post('/v1/audit/read-models/compare').set(as('sam.support')).expect(403);

    const routes = (await staffEvents('ada.auditor'))
      .filter((e) => e.type === 'StaffAccessed' && e.data.reason === 'read-model check')
      .map((e) => e.data);
    expect(routes).toEqual(
      expect.arrayContaining([
        {
          route: 'POST /v1/audit/read-models/compare',
          wholeStore: true,
          reason: 'read-model check',
          outcome: 'shown',
        },
        {
          route: 'GET /v1/audit/read-models/compare/:id',
          wholeStore: true,
          reason: 'read-model check',
          outcome: 'shown',
        },
        {
          route: 'GET /v1/audit/read-models/compare',
          wholeStore: true,
          reason: 'read-model check',
          outcome: 'shown',
        },
      ]),
    );
  });

  it("admins erase a person's data on request: no more sign-in, the values are freed, the history keeps the events with the data shown as erased", async () => {
    const person = {
      ...member,
      firstName: 'Ezra',
      lastName: 'Vantongeren',
      email: 'ezra.canary@example.com',
      username: 'ezravantongeren',
    };
    await t.http().post('/v1/registrations/nonmember').send(person).expect(201);
    const erasedId = (await accounts.holder('username', person.username))!;
    const erase = (who: string, id = erasedId) =>
      t.http().post(`/v1/admin/accounts/${id}/erase`).set(as(who));

    await erase('sam.support').expect(403);
    await t
      .http()
      .post(`/v1/admin/accounts/${erasedId}/erase`)
      .set({ authorization: `Bearer ${tokens['root.admin']}` })
      .expect(400);
    await erase('root.admin', '00000000-0000-4000-8000-00000000e4a5').expect(404);
    expect((await store.readStream(`account-${erasedId}`)).map((e) => e.type)).not.toContain(
      'PersonalDataErased',
    );

    await erase('root.admin').expect(200, { erased: true });
    const events = await store.readStream(`account-${erasedId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'PersonalDataErased',
      metadata: { actor: { kind: 'staff', staffId: 'root.admin', role: 'admin' } },
    });
    await t
      .http()
      .post('/v1/login')
      .send({ username: person.username, password: person.password })
      .expect(401);
    const history = await eventually(async () => {
      const r = await t
        .http()
        .get(`/v1/support/accounts/${erasedId}/history`)
        .set(as('ada.auditor'))
        .expect(200);
      return r.body.items.some((i: { text: string }) => i.text === 'Personal data erased')
        ? r.body
        : undefined;
    });
    expect(JSON.stringify(history)).not.toMatch(/ezra|vantongeren/i);
    expect(history.items[0].text).toMatch(/^Registered as a nonmember/);
    // Freed: the same username and email can be registered again, by the person or anyone.
    await t.http().post('/v1/registrations/nonmember').send(person).expect(201);
    expect(await accounts.holder('username', person.username)).not.toBe(erasedId);
    // Safe to repeat, and each request is on the admin's record with its reason.
    await erase('root.admin').expect(200, { erased: true });
    const done = (await staffEvents('root.admin')).filter(
      (e) => (e.data as { route?: string }).route === 'POST /v1/admin/accounts/:accountId/erase',
    );
    expect(done.map((e) => (e.data as { outcome: string }).outcome)).toEqual(['not-found', 'done', 'done']);
  });

  it('every support action on an erased account is refused as ERASED (none answers 500), and the page shows it erased', async () => {
    const person = {
      ...member,
      firstName: 'Ilse',
      lastName: 'Brandvold',
      email: 'ilse.canary@example.com',
      username: 'ilsebrandvold',
    };
    await t.http().post('/v1/registrations/nonmember').send(person).expect(201);
    const erasedId = (await accounts.holder('username', person.username))!;
    const login = await t
      .http()
      .post('/v1/login')
      .send({ username: person.username, password: person.password })
      .expect(200);
    await t.http().post(`/v1/admin/accounts/${erasedId}/erase`).set(as('root.admin')).expect(200);
    const before = (await store.readStream(`account-${erasedId}`)).length;
    // A login begun before the erasure: a new code would be sealed for the account.
    const resend = await t.http().post('/v1/login/resend-code').send({ loginToken: login.body.loginToken });
    expect({ status: resend.status, code: resend.body.error?.code }).toEqual({ status: 422, code: 'ERASED' });
    for (const action of ['temporary-password', 'unlock', 'username-reminder']) {
      const r = await t.http().post(`/v1/support/accounts/${erasedId}/${action}`).set(as('sam.support'));
      expect({ action, status: r.status, code: r.body.error?.code }).toEqual({
        action,
        status: 422,
        code: 'ERASED',
      });
    }
    expect(await store.readStream(`account-${erasedId}`)).toHaveLength(before);
    const page = await eventually(async () => {
      const r = await t.http().get(`/v1/support/accounts/${erasedId}`).set(as('sam.support')).expect(200);
      return r.body.erased ? r.body : undefined;
    });
    expect(page.status).toBe('erased');
    const found = await t
      .http()
      .get(`/v1/support/accounts?lastName=Brandvold&dateOfBirth=${person.dateOfBirth}`)
      .set(as('sam.support'))
      .expect(200);
    expect(found.body.items).toEqual([]);
  });

  it('support lists the dead letters and sends one again; auditors may not', async () => {
    const jobs = t.app.get<JobQueue>(JOB_QUEUE);
    // A job whose event does not exist fails permanently, so it is dead-lettered at once.
    const jobId = '0190f0a0-0000-7000-8000-00000000dead';
    await jobs.add('email', jobId, {
      streamId: 'account-00000000-0000-4000-8000-000000000001',
      revision: '0',
      kind: 'username-reminder',
    });
    const dead = await eventually(async () => {
      const r = await t.http().get('/v1/support/dead-letters/email').set(as('sam.support')).expect(200);
      return r.body.items.some((j: { id: string }) => j.id === jobId) ? r.body : undefined;
    });
    expect(dead.count).toBeGreaterThanOrEqual(1);
    const first = dead.items.find((j: { id: string }) => j.id === jobId);
    expect(first).toMatchObject({ queue: 'email', attemptsMade: 1 });
    await t.http().post(`/v1/support/dead-letters/email/${jobId}/retry`).set(as('sam.support')).expect(202);
    // It ran again, failed again (the event still does not exist) and is back among the dead, not lost.
    await eventually(async () => {
      const again = (await jobs.listDead('email', { limit: 50 })).find((j) => j.id === jobId);
      return again && again.failedAt > first.failedAt ? again : undefined;
    });
    await t
      .http()
      .post('/v1/support/dead-letters/email/no-such-job/retry')
      .set(as('sam.support'))
      .expect(404);
    await t.http().get('/v1/support/dead-letters/sms').set(as('sam.support')).expect(400);
    await t.http().get('/v1/support/dead-letters/email').set(as('ada.auditor')).expect(403);
  });

  it('one event row that no longer parses is named by stream, revision and id; every other account and the rest of the audit keep working', async () => {
    const person = {
      ...member,
      firstName: 'Rowan',
      lastName: 'Quillfeather',
      email: 'rowan.canary@example.com',
      username: 'rowanquill',
    };
    await t.http().post('/v1/registrations/nonmember').send(person).expect(201);
    const brokenId = (await accounts.holder('username', person.username))!;
    const streamId = `account-${brokenId}`;
    const [target] = await store.readStream(streamId, { fromRevision: 1n, maxCount: 1 });
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    const { data: original } = db.prepare('SELECT data FROM events WHERE event_id = ?').get(target.id) as {
      data: string;
    };
    db.prepare(`UPDATE events SET data = '{"username":' WHERE event_id = ?`).run(target.id);
    const named = { streamId, revision: '1', eventId: target.id };
    try {
      const verified = await t.http().get('/v1/audit/verify').set(as('ada.auditor')).expect(200);
      expect(verified.body.intact).toBe(false);
      expect(verified.body.breaks).toContainEqual({ ...named, reason: 'unreadable' });
      const ofStream = await t
        .http()
        .get('/v1/audit/verify')
        .query({ streamId })
        .set(as('ada.auditor'))
        .expect(200);
      expect(ofStream.body.breaks).toEqual([{ ...named, reason: 'unreadable' }]);

      const exported = await t
        .http()
        .get('/v1/audit/events')
        .set(as('ada.auditor'))
        .buffer(true)
        .parse(asText)
        .expect(200);
      const lines = (exported.body as string)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const at = lines.findIndex((l) => l.id === target.id);
      expect(lines[at]).toMatchObject({ streamId, revision: '1', unreadable: 'its data is not valid JSON' });
      expect(lines.length).toBeGreaterThan(at + 1);

      const state = await t.http().get(`/v1/audit/accounts/${brokenId}/state`).set(as('ada.auditor'));
      expect(state.status).toBe(500);
      expect(state.body.error).toMatchObject({ code: 'AUDIT_EVENT_UNREADABLE' });
      expect(state.body.error.message).toContain(`${streamId} revision 1`);
      await t
        .http()
        .get(`/v1/audit/accounts/${brokenId}/state`)
        .query({ revision: '0' })
        .set(as('ada.auditor'))
        .expect(200);
      await t.http().get(`/v1/audit/accounts/${accountId}/state`).set(as('ada.auditor')).expect(200);

      // Its own sign-in cannot be decided without the event: a 500 in the error shape, the row named in the log.
      const login = await t
        .http()
        .post('/v1/login')
        .send({ username: person.username, password: person.password });
      expect(login.status).toBe(500);
      expect(login.body.error.code).toBe('INTERNAL_ERROR');
      expect(JSON.stringify(login.body)).not.toContain(target.id);
      expect(t.logs.some((l) => l.includes(target.id) && l.includes(streamId))).toBe(true);
      // Every other account signs in as before.
      const unlocked = {
        ...member,
        firstName: 'Sol',
        lastName: 'Amberly',
        email: 'sol.canary@example.com',
        username: 'solamberly',
      };
      await t.http().post('/v1/registrations/nonmember').send(unlocked).expect(201);
      await t
        .http()
        .post('/v1/login')
        .send({ username: unlocked.username, password: unlocked.password })
        .expect(200);

      // A rebuild stops, naming the row; the live read models keep serving.
      await t.http().post('/v1/admin/read-models/rebuild').set(as('root.admin')).expect(202);
      const failed = await eventually(async () => {
        const r = await t.http().get('/v1/admin/read-models').set(as('root.admin')).expect(200);
        return r.body.lastRebuild?.error ? r.body.lastRebuild : undefined;
      }, 20_000);
      expect(failed).toMatchObject({
        error: 'EVENT_UNREADABLE',
        message: expect.stringContaining(target.id),
      });
      await t.http().get(`/v1/support/accounts/${accountId}`).set(as('sam.support')).expect(200);
    } finally {
      db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(original, target.id);
      db.close();
    }
  });

  it('the deletion checks cover the staff access logs and the refusals stream', async () => {
    const access = 'staff-ada.auditor:access';
    // Refusals are counted per address and minute and appended when drained: two drains, two events.
    for (let i = 0; i < 2; i++) {
      await t.http().get('/v1/support/accounts').set({ authorization: 'Bearer stf_nobody' }).expect(401);
      await t.app.get(AccessLog).drain();
    }
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    const count = (stream: string) =>
      (db.prepare('SELECT count(*) AS n FROM events WHERE stream_id = ?').get(stream) as { n: number }).n;
    expect(count(access)).toBeGreaterThan(2);
    expect(count('staff-refusals')).toBeGreaterThan(1);
    db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(access);
    db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 0').run('staff-refusals');
    db.close();
    const verified = await t.http().get('/v1/audit/verify').set(as('ada.auditor')).expect(200);
    expect(verified.body.breaks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ streamId: access, revision: '2', reason: 'revision-gap' }),
        expect.objectContaining({ streamId: 'staff-refusals', revision: '1', reason: 'revision-gap' }),
      ]),
    );
  });
});

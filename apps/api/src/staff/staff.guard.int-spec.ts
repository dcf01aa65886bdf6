/**
 * The guard over HTTP: a tiny Nest app on Fastify, built by the same createHttpApp
 * as the service (error shape, correlation ids), over a temp SQLite event store.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Controller, Get, Global, HttpCode, Module, Param, Post, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { type CommandContext, verifyChain } from '@portal/command';
import { loadConfig } from '@portal/config';
import { type EventStore, type RecordedEvent, SqliteEventStore } from '@portal/event-store';
import { createLogger, Metrics } from '@portal/observability';
import { InMemoryRateLimiter } from '@portal/ratelimit';
import {
  APP_CONFIG,
  createHttpApp,
  createStaffSessionStore,
  EVENT_STORE,
  LOGGER,
  RATE_LIMITER,
  STAFF_SESSION_STORE,
} from '@portal/runtime';
import { AccessLog, parseStaffToken, StaffDirectory } from '@portal/staff';
import { ApiAccessReason, StaffOnly } from './staff.guard';
import { reasonOf, staffAccessOf, staffContextOf, type StaffRequest } from './staff-request';
import { StaffModule } from './staff.module';
import { StaffSessions } from './staff-sessions';

@Controller('v1/test-support')
class SupportProbeController {
  constructor(private readonly accessLog: AccessLog) {}

  @Get('accounts/:accountId')
  @StaffOnly('support', 'admin')
  @ApiAccessReason()
  async read(@Req() req: StaffRequest, @Param('accountId') accountId: string) {
    reasonOf(req); // before anything is read
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, { accountId, outcome: 'shown' }),
    );
    return { accountId, staff: req.staff };
  }
}

@Controller('v1/test-audit')
@StaffOnly('auditor')
class AuditProbeController {
  @Get()
  list(@Req() req: StaffRequest) {
    return { staff: req.staff };
  }

  @Post()
  @HttpCode(200)
  act(@Req() req: StaffRequest) {
    return { staff: req.staff };
  }
}

const cli = (): CommandContext => ({
  correlationId: 'corr-cli',
  actor: { kind: 'system', component: 'staff-cli' },
  occurredAt: new Date(),
});

/** The probe controllers behind StaffModule, on `store`, with the given settings. */
async function probeApp(
  store: EventStore,
  dir: string,
  env: Record<string, string>,
  logs: string[] = [],
): Promise<NestFastifyApplication> {
  const config = loadConfig(
    { DATA_DIR: dir, NODE_ENV: 'test', ...env },
    { rosterFile: join(dir, 'roster.csv') },
  );
  const logger = createLogger({
    level: 'debug',
    name: 'staff-guard-test',
    destination: new Writable({
      write(chunk, _e, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  @Global()
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: store },
      { provide: APP_CONFIG, useValue: config },
      { provide: LOGGER, useValue: logger },
      { provide: RATE_LIMITER, useValue: new InMemoryRateLimiter() },
      { provide: STAFF_SESSION_STORE, useValue: createStaffSessionStore(config) },
    ],
    exports: [EVENT_STORE, APP_CONFIG, LOGGER, RATE_LIMITER, STAFF_SESSION_STORE],
  })
  class TestCoreModule {}
  @Module({ imports: [StaffModule], controllers: [SupportProbeController, AuditProbeController] })
  class ProbeModule {}
  const app = await createHttpApp(
    { module: class Root {}, imports: [TestCoreModule, ProbeModule] },
    { logger, metrics: new Metrics(), title: 'test' },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Every refusal count recorded so far, after the access log hands over what it holds. */
async function refusalCounts(app: NestFastifyApplication, store: EventStore) {
  await app.get(AccessLog).drain();
  const events = (await store.readStream('staff-refusals')).filter(
    (e) => e.type === 'StaffAuthenticationFailures',
  );
  const total = { count: 0, why: {} as Record<string, number>, routes: {} as Record<string, number> };
  const staffIds = new Set<string>();
  for (const e of events) {
    const d = e.data as {
      count: number;
      why: Record<string, number>;
      routes: Record<string, number>;
      staffIds?: string[];
    };
    total.count += d.count;
    for (const [k, n] of Object.entries(d.why)) total.why[k] = (total.why[k] ?? 0) + n;
    for (const [k, n] of Object.entries(d.routes)) total.routes[k] = (total.routes[k] ?? 0) + n;
    for (const id of d.staffIds ?? []) staffIds.add(id);
  }
  return { events: events as RecordedEvent[], ...total, staffIds: [...staffIds].sort() };
}

describe('StaffGuard over HTTP', () => {
  let dir: string;
  let store: EventStore;
  let app: NestFastifyApplication;
  let directory: StaffDirectory;
  const logs: string[] = [];
  const http = () => request(app.getHttpServer());
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'staff-guard-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    app = await probeApp(store, dir, { RATE_LIMIT_IP_PER_MINUTE: '0' }, logs);
    directory = app.get(StaffDirectory);
    tokens.support = (await directory.create('sue.support', ['support'], cli())).token;
    tokens.auditor = (await directory.create('al.auditor', ['auditor'], cli())).token;
    tokens.gone = (await directory.create('gone', ['support', 'admin'], cli())).token;
    await directory.disable('gone', 'left the team', cli());
  });

  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = () => refusalCounts(app, store);
  const ROUTE = 'GET /v1/test-support/accounts/:accountId';

  it('answers 401 without a credential, and counts it with its source and route (no event per request)', async () => {
    const before = await counts();
    const res = await http()
      .get(`/v1/test-support/accounts/${randomUUID()}`)
      .set('X-Access-Reason', 'ticket 1');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'STAFF_UNAUTHENTICATED', message: expect.any(String) } });
    expect(res.headers['www-authenticate']).toBe('Bearer');
    const after = await counts();
    expect(after.count).toBe(before.count + 1);
    expect(after.why.missing).toBe((before.why.missing ?? 0) + 1);
    expect(after.routes[ROUTE]).toBe((before.routes[ROUTE] ?? 0) + 1);
    const event = after.events.at(-1)!;
    expect(event.data).toMatchObject({
      source: expect.any(String),
      from: expect.any(String),
      to: expect.any(String),
    });
    expect(event.metadata).toMatchObject({
      actor: { kind: 'system', component: 'staff-guard' },
      clientIp: (event.data as { source: string }).source,
    });
  });

  it('answers the same 401 for a malformed, unknown, wrong or disabled credential, each counted as what it was', async () => {
    const before = await counts();
    const secret = parseStaffToken(tokens.support)!.secret;
    const wrong = `stf_sue.support_${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    const authorizations = [
      'Basic c3VlOnB3',
      `Bearer ${secret}`,
      `Bearer stf_nobody_${secret}`,
      `Bearer ${wrong}`,
      `Bearer ${tokens.gone}`,
    ];
    const bodies = new Set<string>();
    for (const authorization of authorizations) {
      const res = await http()
        .get(`/v1/test-support/accounts/${randomUUID()}`)
        .set('Authorization', authorization)
        .set('X-Access-Reason', 'ticket 1');
      expect(res.status).toBe(401);
      bodies.add(JSON.stringify(res.body));
    }
    expect(bodies.size).toBe(1);
    const after = await counts();
    const delta = (why: string) => (after.why[why] ?? 0) - (before.why[why] ?? 0);
    expect([delta('malformed'), delta('unknown'), delta('wrong-secret'), delta('disabled')]).toEqual([
      2, 1, 1, 1,
    ]);
    // Existing staff members are named; an unknown id is whatever the caller typed, and is not.
    expect(after.staffIds).toEqual(expect.arrayContaining(['gone', 'sue.support']));
    expect(after.staffIds).not.toContain('nobody');
  });

  it('answers 403 to a staff member without the role, and the refusal is in the audit stream', async () => {
    const res = await http()
      .get(`/v1/test-support/accounts/${randomUUID()}`)
      .set('Authorization', `Bearer ${tokens.auditor}`)
      .set('X-Access-Reason', 'ticket 2')
      .set('User-Agent', 'audit-console/2');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'STAFF_FORBIDDEN', message: expect.any(String) } });
    const events = await store.readStream('staff-al.auditor:access');
    expect(events.map((e) => e.type)).toEqual(['StaffAccessRefused']);
    expect(events[0].data).toEqual({
      route: 'GET /v1/test-support/accounts/:accountId',
      status: 403,
      required: ['support', 'admin'],
    });
    expect(events[0].metadata).toMatchObject({
      correlationId: res.headers['x-correlation-id'],
      actor: { kind: 'staff', staffId: 'al.auditor' },
      userAgent: 'audit-console/2',
    });
    expect(verifyChain(events)).toBeUndefined();
  });

  it('admits a staff member with the role and records the access with the reason before answering', async () => {
    const accountId = randomUUID();
    const res = await http()
      .get(`/v1/test-support/accounts/${accountId}`)
      .set('Authorization', `Bearer ${tokens.support}`)
      .set('X-Access-Reason', 'ticket 4711: cannot log in')
      .set('X-Correlation-Id', 'corr-support-read-1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountId,
      staff: { staffId: 'sue.support', roles: ['support'], role: 'support' },
    });
    const events = await store.readStream('staff-sue.support:access');
    expect(events.at(-1)).toMatchObject({
      type: 'StaffAccessed',
      data: {
        route: 'GET /v1/test-support/accounts/:accountId',
        accountId,
        reason: 'ticket 4711: cannot log in',
        outcome: 'shown',
      },
      metadata: {
        correlationId: 'corr-support-read-1',
        actor: { kind: 'staff', staffId: 'sue.support', role: 'support' },
      },
    });
  });

  it('refuses a read without a reason with 400 REASON_REQUIRED naming the header, and records no access', async () => {
    const before = (await store.readStream('staff-sue.support:access')).length;
    const res = await http()
      .get(`/v1/test-support/accounts/${randomUUID()}`)
      .set('Authorization', `Bearer ${tokens.support}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('REASON_REQUIRED');
    expect(res.body.error.message).toContain('X-Access-Reason');
    const tooLong = await http()
      .get(`/v1/test-support/accounts/${randomUUID()}`)
      .set('Authorization', `Bearer ${tokens.support}`)
      .set('X-Access-Reason', 'x'.repeat(201));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('REASON_INVALID');
    expect(await store.readStream('staff-sue.support:access')).toHaveLength(before);
  });

  it('takes roles from the controller when the route names none', async () => {
    const ok = await http().get('/v1/test-audit').set('Authorization', `Bearer ${tokens.auditor}`);
    expect(ok.status).toBe(200);
    expect(ok.body.staff.role).toBe('auditor');
    const no = await http().get('/v1/test-audit').set('Authorization', `Bearer ${tokens.support}`);
    expect(no.status).toBe(403);
  });

  it('shuts a credential out on the next request once it is disabled', async () => {
    const ok = await http().get('/v1/test-audit').set('Authorization', `Bearer ${tokens.auditor}`);
    expect(ok.status).toBe(200);
    await directory.disable('al.auditor', 'token leaked', cli());
    const after = await http().get('/v1/test-audit').set('Authorization', `Bearer ${tokens.auditor}`);
    expect(after.status).toBe(401);
    expect((await counts()).staffIds).toContain('al.auditor');
  });

  it('keeps every token out of the event store and the logs', async () => {
    const everything = JSON.stringify((await store.readAll()).map((e) => [e.data, e.metadata]));
    const logged = logs.join('\n');
    for (const token of Object.values(tokens)) {
      const secret = parseStaffToken(token)!.secret;
      expect(everything).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    expect(logged).toContain('"route"'); // the logs were collected at all
  });
});

describe('StaffGuard under a flood of bad credentials', () => {
  let dir: string;
  let store: EventStore;
  let app: NestFastifyApplication;
  let appends = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'staff-flood-'));
    const real = SqliteEventStore.open(join(dir, 'events.sqlite'));
    // Counts the appends to staff-refusals: each is a write (and an fsync) an anonymous caller caused.
    store = new Proxy(real, {
      get(target, name, receiver) {
        if (name === 'append')
          return (streamId: string, ...rest: unknown[]) => {
            if (streamId === 'staff-refusals') appends++;
            return (target.append as (...a: unknown[]) => unknown).call(target, streamId, ...rest);
          };
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    app = await probeApp(store, dir, { RATE_LIMIT_IP_PER_MINUTE: '20' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('500 bad credentials from one address: 401 up to the limit, then 429; a handful of appends whose counts add up to 500', async () => {
    const statuses: number[] = [];
    const retryAfter = new Set<string>();
    for (let batch = 0; batch < 50; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          request(app.getHttpServer())
            .get('/v1/test-audit')
            .set('Authorization', `Bearer stf_nobody${batch}x${i}_${'A'.repeat(43)}`),
        ),
      );
      for (const res of answers) {
        statuses.push(res.status);
        expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
        if (res.status === 429) retryAfter.add(String(res.headers['retry-after']));
      }
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(480);
    expect([...retryAfter].every((v) => Number(v) >= 1 && Number(v) <= 60)).toBe(true);

    const recorded = await refusalCounts(app, store);
    expect(recorded.count).toBe(500);
    expect((recorded.why.unknown ?? 0) + (recorded.why['rate-limited'] ?? 0)).toBe(500);
    expect(recorded.why.unknown).toBeGreaterThanOrEqual(20);
    expect(recorded.events.length).toBeLessThanOrEqual(3); // one per source and minute: the burst may straddle a minute
    expect(appends).toBeLessThanOrEqual(3);
    expect(verifyChain(recorded.events)).toBeUndefined();
  }, 60_000);
});

describe('StaffGuard with a console session cookie', () => {
  let dir: string;
  let store: EventStore;
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'staff-guard-session-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    app = await probeApp(store, dir, { RATE_LIMIT_IP_PER_MINUTE: '0' });
    const directory = app.get(StaffDirectory);
    await directory.create('ada.auditor', ['auditor'], cli());
    await directory.create('leo.leaving', ['auditor'], cli());
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cookie = (token: string) => `other=1; staff_session=${token}`;

  it('admits a live session with the roles the stream holds now, and POST only with X-Requested-With', async () => {
    const token = await app.get(StaffSessions).start('ada.auditor');
    const read = await http().get('/v1/test-audit').set('Cookie', cookie(token)).expect(200);
    expect(read.body.staff).toEqual({ staffId: 'ada.auditor', roles: ['auditor'], role: 'auditor' });
    await http().post('/v1/test-audit').set('Cookie', cookie(token)).expect(401);
    await http().post('/v1/test-audit').set('Cookie', cookie(token)).set('X-Requested-With', 'x').expect(200);
    // A role taken away applies to the open session at once.
    await app.get(StaffDirectory).changeRoles('ada.auditor', ['support'], cli());
    await http().get('/v1/test-audit').set('Cookie', cookie(token)).expect(403);
  });

  it('refuses a made-up, ended or disabled session with the one 401', async () => {
    await http().get('/v1/test-audit').set('Cookie', cookie('made-up')).expect(401);
    const sessions = app.get(StaffSessions);
    const ended = await sessions.start('leo.leaving');
    await sessions.end(ended);
    await http().get('/v1/test-audit').set('Cookie', cookie(ended)).expect(401);
    const live = await sessions.start('leo.leaving');
    await http().get('/v1/test-audit').set('Cookie', cookie(live)).expect(200);
    await app.get(StaffDirectory).disable('leo.leaving', 'left the team', cli());
    const refused = await http().get('/v1/test-audit').set('Cookie', cookie(live)).expect(401);
    expect(refused.body.error.code).toBe('STAFF_UNAUTHENTICATED');
  });
});

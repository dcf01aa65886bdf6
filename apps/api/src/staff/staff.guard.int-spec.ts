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
import { Controller, Get, Global, Module, Param, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { type CommandContext, verifyChain } from '@portal/command';
import { loadConfig } from '@portal/config';
import { type EventStore, SqliteEventStore } from '@portal/event-store';
import { createLogger, Metrics } from '@portal/observability';
import { APP_CONFIG, createHttpApp, EVENT_STORE } from '@portal/runtime';
import { AccessLog, parseStaffToken, StaffDirectory } from '@portal/staff';
import { ApiAccessReason, StaffOnly } from './staff.guard';
import { reasonOf, staffAccessOf, staffContextOf, type StaffRequest } from './staff-request';
import { StaffModule } from './staff.module';

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
}

const cli = (): CommandContext => ({
  correlationId: 'corr-cli',
  actor: { kind: 'system', component: 'staff-cli' },
  occurredAt: new Date(),
});

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
    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }, { rosterFile: join(dir, 'roster.csv') });
    @Global()
    @Module({
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: APP_CONFIG, useValue: config },
      ],
      exports: [EVENT_STORE, APP_CONFIG],
    })
    class TestCoreModule {}
    @Module({ imports: [StaffModule], controllers: [SupportProbeController, AuditProbeController] })
    class ProbeModule {}

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
    app = await createHttpApp(
      { module: class Root {}, imports: [TestCoreModule, ProbeModule] },
      { logger, metrics: new Metrics(), title: 'test' },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
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

  const refusals = async () => (await store.readStream('staff-refusals')).map((e) => ({ ...e.data }));
  const lastRefusal = async () => (await store.readStream('staff-refusals')).at(-1)!;

  it('answers 401 without a credential, and records it', async () => {
    const before = (await refusals()).length;
    const res = await http()
      .get(`/v1/test-support/accounts/${randomUUID()}`)
      .set('X-Access-Reason', 'ticket 1');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'STAFF_UNAUTHENTICATED', message: expect.any(String) } });
    expect(res.headers['www-authenticate']).toBe('Bearer');
    const refusal = await lastRefusal();
    expect((await refusals()).length).toBe(before + 1);
    expect(refusal.data).toEqual({
      route: 'GET /v1/test-support/accounts/:accountId',
      status: 401,
      why: 'missing',
    });
    expect(refusal.metadata).toMatchObject({
      correlationId: res.headers['x-correlation-id'],
      actor: { kind: 'anonymous' },
      clientIp: expect.any(String),
    });
  });

  it('answers the same 401 for a malformed, unknown, wrong or disabled credential, each recorded as what it was', async () => {
    const secret = parseStaffToken(tokens.support)!.secret;
    const wrong = `stf_sue.support_${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    const cases: [string, Record<string, unknown>][] = [
      ['Basic c3VlOnB3', { why: 'malformed' }],
      [`Bearer ${secret}`, { why: 'malformed' }],
      [`Bearer stf_nobody_${secret}`, { why: 'unknown' }],
      [`Bearer ${wrong}`, { why: 'wrong-secret', staffId: 'sue.support' }],
      [`Bearer ${tokens.gone}`, { why: 'disabled', staffId: 'gone' }],
    ];
    const bodies = new Set<string>();
    for (const [authorization, recorded] of cases) {
      const res = await http()
        .get(`/v1/test-support/accounts/${randomUUID()}`)
        .set('Authorization', authorization)
        .set('X-Access-Reason', 'ticket 1');
      expect(res.status).toBe(401);
      bodies.add(JSON.stringify(res.body));
      const refusal = await lastRefusal();
      expect(refusal.data).toEqual({
        route: 'GET /v1/test-support/accounts/:accountId',
        status: 401,
        ...recorded,
      });
      expect(refusal.metadata.correlationId).toBe(res.headers['x-correlation-id']);
    }
    expect(bodies.size).toBe(1);
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
    expect((await lastRefusal()).data).toMatchObject({ why: 'disabled', staffId: 'al.auditor' });
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

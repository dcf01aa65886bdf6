/**
 * @RecordsAccess over HTTP: a probe controller behind StaffModule, built by the same
 * createHttpApp as the service, over a temp SQLite event store.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Global, Module, Param, ParseUUIDPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { CommandContext } from '@portal/command';
import { loadConfig } from '@portal/config';
import { DomainError } from '@portal/domain';
import { type EventStore, SqliteEventStore } from '@portal/event-store';
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
import { StaffDirectory } from '@portal/staff';
import { Accessed, listed, RecordsAccess, theAccount } from './records-access';
import { StaffOnly } from './staff.guard';
import { StaffModule } from './staff.module';

const MISSING = '00000000-0000-4000-8000-000000000000';
const REFUSED = '00000000-0000-4000-8000-000000000001';
const ran: string[] = [];

@Controller('v1/probe')
@StaffOnly('support')
class ProbeController {
  @Get('accounts/:accountId')
  @RecordsAccess({
    answered: (_answer, req) => ({ ...theAccount(req), outcome: 'shown' }),
    notFound: theAccount,
  })
  read(@Param('accountId', new ParseUUIDPipe()) accountId: string) {
    ran.push(accountId);
    if (accountId === MISSING) throw new DomainError('ACCOUNT_NOT_FOUND', 'No account with this id.');
    if (accountId === REFUSED) throw new DomainError('NOT_LOCKED', 'The account is not locked.');
    return { accountId };
  }

  @Get('lists/:size')
  @RecordsAccess<string[]>({ answered: (ids) => listed(ids) })
  list(@Param('size') size: string) {
    return Array.from({ length: Number(size) }, () => randomUUID());
  }

  @Get('offices/:accountId')
  @RecordsAccess({})
  office(@Param('accountId') accountId: string) {
    return new Accessed({ office: 'o-1' }, { accountIds: [accountId], outcome: 'shown' });
  }
}

describe('@RecordsAccess over HTTP', () => {
  let dir: string;
  let store: EventStore;
  let app: NestFastifyApplication;
  let token: string;
  let failAccessAppends = false;
  const http = () => request(app.getHttpServer());
  const get = (path: string, reason: string | null = 'ticket 4711') => {
    const req = http().get(path).set('Authorization', `Bearer ${token}`);
    return reason === null ? req : req.set('X-Access-Reason', reason);
  };
  const recorded = async () =>
    (await store.readStream('staff-sue.support:access')).filter((e) => e.type === 'StaffAccessed');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'records-access-'));
    const real = SqliteEventStore.open(join(dir, 'events.sqlite'));
    store = new Proxy(real, {
      get(target, name, receiver) {
        if (name === 'append')
          return (streamId: string, ...rest: unknown[]) =>
            failAccessAppends && streamId.endsWith(':access')
              ? Promise.reject(new Error('disk full'))
              : (target.append as (...a: unknown[]) => unknown).call(target, streamId, ...rest);
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const config = loadConfig(
      { DATA_DIR: dir, NODE_ENV: 'test', RATE_LIMIT_IP_PER_MINUTE: '0' },
      { rosterFile: join(dir, 'roster.csv') },
    );
    const logger = createLogger({ level: 'silent', name: 'records-access-test' });
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
    @Module({ imports: [StaffModule], controllers: [ProbeController] })
    class ProbeModule {}
    app = await createHttpApp(
      { module: class Root {}, imports: [TestCoreModule, ProbeModule] },
      { logger, metrics: new Metrics(), title: 'test' },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const cli: CommandContext = {
      correlationId: 'corr-cli',
      actor: { kind: 'system', component: 'staff-cli' },
      occurredAt: new Date(),
    };
    token = (await app.get(StaffDirectory).create('sue.support', ['support'], cli)).token;
  });

  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a request without a reason, or with a bad one, before the route runs, and records nothing', async () => {
    const before = (await recorded()).length;
    const accountId = randomUUID();
    const none = await get(`/v1/probe/accounts/${accountId}`, null);
    expect([none.status, none.body.error.code]).toEqual([400, 'REASON_REQUIRED']);
    const bad = await get(`/v1/probe/accounts/${accountId}`, 'x'.repeat(201));
    expect([bad.status, bad.body.error.code]).toEqual([400, 'REASON_INVALID']);
    expect(ran).not.toContain(accountId);
    expect(await recorded()).toHaveLength(before);
  });

  it('validates the route’s input before it reads the reason, as routes reading it themselves did', async () => {
    const before = (await recorded()).length;
    const res = await get('/v1/probe/accounts/not-an-id', null);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST'); // ParseUUIDPipe's, not REASON_REQUIRED
    expect(await recorded()).toHaveLength(before);
  });

  it('records an answer as the route says, with the route pattern, the reason and the staff member', async () => {
    const accountId = randomUUID();
    const res = await get(`/v1/probe/accounts/${accountId}`);
    expect(res.status).toBe(200);
    expect((await recorded()).at(-1)).toMatchObject({
      data: {
        route: 'GET /v1/probe/accounts/:accountId',
        accountId,
        reason: 'ticket 4711',
        outcome: 'shown',
      },
      metadata: { actor: { kind: 'staff', staffId: 'sue.support', role: 'support' } },
    });
  });

  it('records a list by its ids, an empty one as not found', async () => {
    await get('/v1/probe/lists/2').expect(200);
    await get('/v1/probe/lists/0').expect(200);
    const [two, none] = (await recorded()).slice(-2).map((e) => e.data);
    expect(two).toMatchObject({ accountIds: [expect.any(String), expect.any(String)], outcome: 'shown' });
    expect(none).toMatchObject({ accountIds: [], outcome: 'not-found' });
  });

  it('records a refusal saying nothing was there as not found, and any other refusal not at all', async () => {
    const before = (await recorded()).length;
    const missing = await get(`/v1/probe/accounts/${MISSING}`);
    // (The status is the API's error map's; this probe has the default one.)
    expect(missing.body.error.code).toBe('ACCOUNT_NOT_FOUND');
    expect((await recorded()).at(-1)!.data).toMatchObject({ accountId: MISSING, outcome: 'not-found' });
    const refused = await get(`/v1/probe/accounts/${REFUSED}`);
    expect(refused.body.error.code).toBe('NOT_LOCKED');
    expect(await recorded()).toHaveLength(before + 1);
  });

  it('answers the body of an Accessed, recorded as it says', async () => {
    const accountId = randomUUID();
    const res = await get(`/v1/probe/offices/${accountId}`).expect(200);
    expect(res.body).toEqual({ office: 'o-1' });
    expect((await recorded()).at(-1)!.data).toMatchObject({ accountIds: [accountId], outcome: 'shown' });
  });

  it('answers 503 ACCESS_NOT_RECORDED, never the data, when the record cannot be stored', async () => {
    failAccessAppends = true;
    try {
      const accountId = randomUUID();
      const res = await get(`/v1/probe/accounts/${accountId}`);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('ACCESS_NOT_RECORDED');
      expect(JSON.stringify(res.body)).not.toContain(accountId);
    } finally {
      failAccessAppends = false;
    }
  });
});

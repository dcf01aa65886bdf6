import 'reflect-metadata';
import { Writable } from 'node:stream';
import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsEmail, IsInt, IsString, Max, MinLength } from 'class-validator';
import request from 'supertest';
import { DomainError } from '@portal/domain';
import { createLogger, Metrics } from '@portal/observability';
import { createHttpApp } from './create-http-app';

class EchoRequest {
  @IsString()
  @MinLength(8)
  username!: string;

  @IsEmail()
  email!: string;

  @IsInt()
  @Max(10)
  count!: number;
}

@Controller('v1/test')
class TestController {
  @Post('echo')
  echo(@Body() body: EchoRequest) {
    return body;
  }

  @Post('domain-error')
  domainError() {
    throw new DomainError('ACCOUNT_LOCKED', 'The account is locked.', undefined);
  }

  @Post('fields-error')
  fieldsError() {
    throw new DomainError('USERNAME_TAKEN', 'That username is already taken.', { username: 'taken' });
  }

  @Post('crash')
  crash() {
    throw new Error('driver said: password=hunter2 for member 1234');
  }
}

@Module({ controllers: [TestController] })
class TestModule {}

describe('the HTTP edge every app shares', () => {
  let app: NestFastifyApplication;
  const logs: string[] = [];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _e, done) {
        logs.push(String(chunk));
        done();
      },
    });
    app = await createHttpApp(TestModule, {
      logger: createLogger({ level: 'debug', destination }),
      metrics: new Metrics({ defaultMetrics: false }),
      title: 'test',
      errorMapping: { domainStatus: { ACCOUNT_LOCKED: 401, USERNAME_TAKEN: 409 } },
      bodyLimit: 1024,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('accepts a valid body', async () => {
    const body = { username: 'member01', email: 'a@example.com', count: 3 };
    await http().post('/v1/test/echo').send(body).expect(201, body);
  });

  it('names every bad field at once', async () => {
    const res = await http()
      .post('/v1/test/echo')
      .send({ username: 'short', email: 'nope', count: 'many' })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['count', 'email', 'username']);
  });

  it('refuses fields it does not know, by name', async () => {
    const res = await http()
      .post('/v1/test/echo')
      .send({ username: 'member01', email: 'a@example.com', count: 1, isAdmin: true })
      .expect(400);
    expect(res.body.error.fields).toEqual({ isAdmin: expect.any(String) });
  });

  it('answers malformed JSON with the error shape', async () => {
    const res = await http()
      .post('/v1/test/echo')
      .set('content-type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(res.body).toEqual({
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/not valid JSON/) },
    });
  });

  it('refuses a body over the limit unread', async () => {
    const res = await http()
      .post('/v1/test/echo')
      .send({ username: 'x'.repeat(5000), email: 'a@example.com', count: 1 })
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('maps domain errors to their status, with fields when they have them', async () => {
    const locked = await http().post('/v1/test/domain-error').expect(401);
    expect(locked.body).toEqual({ error: { code: 'ACCOUNT_LOCKED', message: 'The account is locked.' } });
    const taken = await http().post('/v1/test/fields-error').expect(409);
    expect(taken.body.error.fields).toEqual({ username: 'taken' });
  });

  it('hides an unexpected error behind a reference, and logs it without its message', async () => {
    const res = await http().post('/v1/test/crash').set('x-correlation-id', 'crash-ref-0001').expect(500);
    expect(res.body.error.code).toBe('INTERNAL_ERROR');
    expect(res.body.error.message).toContain('crash-ref-0001');
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    const all = logs.join('');
    expect(all).toContain('crash-ref-0001');
    expect(all).not.toContain('hunter2');
  });

  it('writes one access line per request: correlation id, method, route pattern, status and time, nothing else', async () => {
    logs.length = 0;
    await http()
      .post('/v1/test/echo?email=a@example.com')
      .set('x-correlation-id', 'access-line-0001')
      .send({ username: 'member01', email: 'a@example.com', count: 3, password: 'hunter2' })
      .expect(400);
    const lines = logs
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        service: 'portal-accounts',
        correlationId: 'access-line-0001',
        method: 'POST',
        route: '/v1/test/echo',
        status: 400,
        ms: expect.any(Number),
        msg: 'request',
      },
    ]);
    expect(logs.join('')).not.toContain('hunter2');
    expect(logs.join('')).not.toContain('example.com');
  });
});

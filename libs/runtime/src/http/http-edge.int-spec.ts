/**
 * What reaches the HTTP edge before, around or after a handler: bodies nested too
 * deep, requests Node's parser refuses (a wrong Content-Length, oversized or too
 * many headers, a malformed request line or URL), requests during shutdown, and the
 * caching headers of /v1 answers. Each must answer in the one error shape
 * `{ error: { code, message } }`. Raw sockets, since an HTTP client would refuse to
 * send most of these.
 */
import 'reflect-metadata';
import { connect } from 'node:net';
import { Body, Controller, Get, Module, type BeforeApplicationShutdown, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsObject } from 'class-validator';
import { createLogger, Metrics } from '@portal/observability';
import { createHttpApp } from './create-http-app';

class AnyBody {
  @IsObject()
  value!: object;
}

@Controller('v1/edge')
class EdgeController {
  @Post('echo')
  echo(@Body() body: AnyBody) {
    return { ok: true, keys: Object.keys(body.value ?? {}) };
  }

  @Get('token')
  token() {
    return { sessionToken: 'not-a-real-token' };
  }
}

@Controller()
class PlainController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }
}

/** Holds the shutdown open until the test lets it finish, so a request can arrive meanwhile. */
const gate: { release?: () => void; entered?: () => void } = {};
class ShutdownGate implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    gate.entered?.();
    await new Promise<void>((resolve) => (gate.release = resolve));
  }
}

@Module({ controllers: [EdgeController, PlainController], providers: [ShutdownGate] })
class EdgeModule {}

@Module({ controllers: [EdgeController, PlainController] })
class PlainModule {}

async function start(module: unknown = PlainModule): Promise<{ app: NestFastifyApplication; port: number }> {
  const app = await createHttpApp(module, {
    logger: createLogger({ level: 'silent' }),
    metrics: new Metrics({ defaultMetrics: false }),
    title: 'test',
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, port: address.port };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `payload` as is and collects every response until the server closes the connection (or `waitMs`). */
function raw(
  port: number,
  payload: string | Buffer,
  opts: { endAfterWrite?: boolean; waitMs?: number } = {},
) {
  return new Promise<RawResponse[]>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => resolve(parseResponses(Buffer.concat(chunks).toString('latin1')));
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, opts.waitMs ?? 3000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // The server may reset after answering; what was answered is what counts.
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      finish();
    });
    socket.write(payload, () => {
      if (opts.endAfterWrite) socket.end();
    });
  });
}

function parseResponses(text: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const lines = rest.slice(0, headEnd).split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const body = rest.slice(headEnd + 4, headEnd + 4 + length);
    out.push({ status, headers, body });
    rest = rest.slice(headEnd + 4 + length);
  }
  return out;
}

const SHAPE = { error: { code: expect.any(String), message: expect.any(String) } };

function expectShaped(res: RawResponse | undefined, status: number): void {
  expect(res).toBeDefined();
  expect(res!.status).toBe(status);
  expect(res!.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(res!.body) as unknown;
  expect(body).toEqual(SHAPE);
  // Only the two fields: nothing of Node's or Fastify's own shape (statusCode, "error": "Bad Request").
  expect(Object.keys((body as { error: object }).error).sort()).toEqual(['code', 'message']);
}

describe('the HTTP edge: every error in the one shape', () => {
  let app: NestFastifyApplication;
  let port: number;
  beforeAll(async () => ({ app, port } = await start()));
  afterAll(() => app.close());

  const post = (body: string) =>
    `POST /v1/edge/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

  it('refuses a body nested deeper than 32 levels with a 400 before parsing it', async () => {
    const deep = '{"value":' + '['.repeat(3000) + ']'.repeat(3000) + '}';
    const [res] = await raw(port, post(deep));
    expectShaped(res, 400);
    expect(JSON.parse(res.body).error.code).toBe('JSON_TOO_DEEP');
    expect(JSON.parse(res.body).error.message).toMatch(/32/);
  });

  it('accepts nesting up to the limit, and does not count brackets inside strings', async () => {
    const ok = '{"value":{"a":' + '['.repeat(30) + ']'.repeat(30) + ',"s":"' + '['.repeat(500) + '"}}';
    const [res] = await raw(port, post(ok));
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ ok: true, keys: ['a', 's'] });
    const escaped = '{"value":{"s":"\\"' + '{'.repeat(100) + '"}}';
    const [res2] = await raw(port, post(escaped));
    expect(res2.status).toBe(201);
  });

  it('answers a body shorter than its Content-Length in the shape', async () => {
    const head =
      'POST /v1/edge/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"value":{}}';
    const responses = await raw(port, head, { endAfterWrite: true });
    expectShaped(responses[0], 400);
  });

  it('answers a body longer than its Content-Length in the shape, the leftover included', async () => {
    const payload =
      'POST /v1/edge/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"value":{}} trailing garbage';
    const responses = await raw(port, payload);
    expect(responses.length).toBeGreaterThan(0);
    for (const res of responses) expectShaped(res, 400);
  });

  it('answers a 100 KB header with 431 in the shape', async () => {
    const payload = `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100 * 1024)}\r\n\r\n`;
    const [res] = await raw(port, payload);
    expectShaped(res, 431);
  });

  it('answers 2,000 headers with 431 in the shape', async () => {
    let headers = '';
    for (let i = 0; i < 2000; i++) headers += `X-H${i}: v${i}\r\n`;
    const [res] = await raw(port, `GET /health HTTP/1.1\r\nHost: x\r\n${headers}\r\n`);
    expectShaped(res, 431);
  });

  it('answers a malformed request line and a malformed URL in the shape', async () => {
    const [garbage] = await raw(port, 'HELLO THERE\r\n\r\n');
    expectShaped(garbage, 400);
    const [badUrl] = await raw(port, 'GET /v1/edge/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expectShaped(badUrl, 400);
  });

  it('marks every /v1 answer, refusals included, as not to be stored by any cache', async () => {
    const [ok] = await raw(port, 'GET /v1/edge/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.headers['pragma']).toBe('no-cache');
    const [refused] = await raw(port, post('{"value":1}'));
    expect(refused.status).toBe(400);
    expect(refused.headers['cache-control']).toBe('no-store');
    const [missing] = await raw(port, 'GET /v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});

describe('the HTTP edge during shutdown', () => {
  it('answers a request that arrives while the app shuts down with 503 in the shape', async () => {
    const { app, port } = await start(EdgeModule);
    // A connection opened before the shutdown, as a load balancer's keep-alive pool holds.
    const entered = new Promise<void>((resolve) => (gate.entered = resolve));
    const closing = app.close();
    await entered;
    try {
      const [res] = await raw(port, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expectShaped(res, 503);
      expect(JSON.parse(res.body).error.code).toBe('SHUTTING_DOWN');
    } finally {
      gate.release?.();
      await closing;
    }
  });
});

/**
 * Builds a Nest application on Fastify with what every app of the service needs:
 * correlation ids, JSON access logs without bodies or query strings, request
 * metrics, validation with every field error at once, one error shape (also for
 * what Node's parser or Fastify's router refuse before any handler, and for
 * requests that arrive during shutdown), no caching of /v1 answers, CORS for the
 * listed origins only, OpenAPI at /docs, and a clean shutdown on SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { type INestApplication, type ValidationPipeOptions } from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Accounts } from '@portal/accounts';
import type { Logger, Metrics } from '@portal/observability';
import { NestPinoLogger } from '../nest-logger';
import { ACCOUNTS } from '../tokens';
import {
  type ErrorBody,
  type ErrorMapping,
  ErrorShapeFilter,
  fieldsFromValidation,
  JsonTooDeepError,
  MAX_JSON_DEPTH,
  toErrorResponse,
  ValidationFailedError,
} from './errors';
import { LeanValidationPipe } from './lean-validation-pipe';
import type { ValidationContext } from './validation-context';

interface FrameworkReply {
  code(status: number): FrameworkReply;
  header(name: string, value: string): FrameworkReply;
  send(body: unknown): unknown;
}

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface HttpAppOptions {
  logger: Logger;
  metrics: Metrics;
  title: string;
  description?: string;
  errorMapping?: ErrorMapping;
  /** Largest request body accepted, in bytes. Portal requests are small; a 1 MB "password" is refused unread. */
  bodyLimit?: number;
  /**
   * Honour X-Forwarded-For only when the immediate peer is one of these proxies (addresses or
   * CIDRs: TRUST_PROXY), for client IPs in rate limits and audit. Empty or unset: trust none.
   */
  trustProxy?: readonly string[];
  /** CORS_ORIGINS: the exact origins whose pages may call the API from a browser. Empty or unset: no CORS at all. */
  corsOrigins?: readonly string[];
  /** Completes the document Nest derives from the routes (responses, examples) before it is served at /docs. */
  completeDocument?: (document: OpenAPIObject) => OpenAPIObject;
}

/** What a browser page may send beyond the CORS-safelisted headers. */
export const CORS_ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'X-Correlation-Id', 'X-Access-Reason'];
/** What a page's script may read beyond the safelisted response headers. */
export const CORS_EXPOSED_HEADERS = ['X-Correlation-Id', 'Retry-After'];

/** How every request body is validated: every field error at once, unknown fields refused by name. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new ValidationFailedError(fieldsFromValidation(errors)),
};

export async function createHttpApp(
  module: unknown,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const { logger, metrics } = options;
  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    // Fastify's own 503 during close has its own shape; the hook below answers in ours.
    return503OnClosing: false,
    // A malformed URL or an over-long parameter, refused by the router before any hook. (Cast:
    // Fastify's reply types are generic over the route, and this handler needs none of that.)
    frameworkErrors: ((error: Error, request: { id: string }, reply: FrameworkReply) => {
      const { status, body } = toErrorResponse(error, {}, request.id);
      void reply.code(status).header('Cache-Control', 'no-store').send(body);
    }) as never,
    // What Node's HTTP parser refuses (a wrong Content-Length, headers too large or too many).
    clientErrorHandler: answerClientError,
    // A caller's correlation id is kept when it is harmless; otherwise we make one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers[CORRELATION_HEADER];
      return typeof given === 'string' && SAFE_CORRELATION_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger: new NestPinoLogger(logger),
    // Fastify's own JSON parser, wrapped below; JSON is the only body this service takes.
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  // A JSON content type with no body (a frontend's fetch to a route that takes none, such as logout) reads as
  // no body, not as 400; anything else goes to Fastify's own parser, with its prototype-poisoning checks.
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  // Fastify also reads text/plain (as a string the validator would then refuse, a 400): with its parser
  // gone, every body that is not JSON is the same 415 in the error shape, form bodies included.
  fastify.removeContentTypeParser('text/plain');
  // A body nested thousands of levels deep fits in the body limit, and would overflow the
  // validator's recursion (a 500, tens of milliseconds each): one cheap scan refuses it first.
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    if (jsonDepthExceeds(body as string, MAX_JSON_DEPTH)) return done(new JsonTooDeepError(), undefined);
    json(request, body as string, done);
  });
  // Set when Nest starts closing (before the shutdown hooks run): from then on every request is
  // answered 503 in the error shape, never handed to modules that are being stopped.
  let closing = false;
  const beforeClose = adapter.beforeClose.bind(adapter);
  adapter.beforeClose = () => {
    closing = true;
    beforeClose();
  };
  // The access line carries only the fields below (an id we vetted or made, the route pattern,
  // numbers), none of which redaction could touch. The service logger's redaction (wildcard paths
  // over every key) cost ~10x the rest of the line on every request, so this child has none.
  // Anything else logged per request goes through `logger`, redacted.
  const accessLog = logger.child({}, { redact: [] });
  const started = new WeakMap<object, bigint>();
  fastify.addHook('onRequest', async (request, reply) => {
    started.set(request, process.hrtime.bigint());
    reply.header(CORRELATION_HEADER, request.id);
    // Portal answers carry tokens, codes and personal data: no browser or proxy may keep them.
    if (request.url.startsWith('/v1/') || request.url === '/v1') {
      reply.header('Cache-Control', 'no-store');
      reply.header('Pragma', 'no-cache');
    }
    if (closing) {
      reply.header('Connection', 'close');
      const { status, body } = toErrorResponse({ code: 'SHUTTING_DOWN' }, {}, request.id);
      return reply.code(status).send(body);
    }
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const t0 = started.get(request);
    const seconds = t0 === undefined ? 0 : Number(process.hrtime.bigint() - t0) / 1e9;
    // The route pattern, never the URL: query strings and path values can hold personal data.
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, seconds);
    accessLog.info(
      {
        correlationId: request.id,
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(seconds * 1000),
      },
      'request',
    );
  });
  // Errors Fastify raises before a handler runs (unreadable JSON, body too large) reach Nest's
  // exception layer through the error handler Nest installs, so ErrorShapeFilter shapes them too.

  if (options.corsOrigins && options.corsOrigins.length > 0) enableCors(app, options.corsOrigins);
  app.useGlobalPipes(new LeanValidationPipe(VALIDATION_OPTIONS, policyContext(app)));
  app.useGlobalFilters(new ErrorShapeFilter(logger, options.errorMapping));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  setUpOpenApi(app, options);
  return app;
}

/**
 * CORS through Nest's own `enableCors` (@fastify/cors, which @nestjs/platform-fastify ships). An allowed
 * origin is echoed back (never `*`), with `Vary: Origin`; no credentials header, since sessions travel in
 * the Authorization header, never in cookies. Any other origin, or none, gets no CORS header at all, and
 * its preflight falls through to the router's 404 in the error shape: the same answer as with CORS off.
 * Nest runs this hook before the one above, so an allowed preflight's 204 carries no correlation id (no
 * script can read a preflight's headers) and is answered during shutdown too.
 */
function enableCors(app: NestFastifyApplication, origins: readonly string[]): void {
  const allowed = new Set(origins);
  app.enableCors({
    origin: (origin: string | undefined, done: (error: Error | null, allow: boolean) => void) =>
      done(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    // A preflight missing Access-Control-Request-Method would get a text/plain 400, outside the error shape.
    strictPreflight: false,
  });
}

/**
 * True when `text` nests objects or arrays deeper than `max`, counting only brackets
 * outside strings. Linear, no allocation: it runs before JSON.parse on every body.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character, so an escaped quote does not end the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Node's HTTP parser errors that have an answer of their own; every other one is a 400. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    message: 'The request headers are too large or too many.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'REQUEST_TIMEOUT',
    message: 'The request took too long to arrive.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request is too large.',
  },
};
const UNREADABLE = { status: 400, code: 'BAD_REQUEST', message: 'The request could not be read.' };

/**
 * Node's 'clientError': the request never became a request (Fastify's own handler would
 * answer in its shape). A raw response in the error shape, then the connection is closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A response already under way on this connection (pipelining) must not be interleaved with.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const { status, code, message } = CLIENT_ERRORS[error.code ?? ''] ?? UNREADABLE;
    const text = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
        text,
    );
  }
  socket.destroy(error);
}

function setUpOpenApi(app: INestApplication, options: HttpAppOptions): void {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description ?? '')
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'Session token from a completed login' },
      'session',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Staff credential' }, 'staff')
    .build();
  const derived = SwaggerModule.createDocument(app, config);
  const document = options.completeDocument ? options.completeDocument(derived) : derived;
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}

/**
 * The app's account policy for its forms' validators (validation-context.ts), read once from
 * the accounts layer when the first body is validated; none in an app without one.
 */
function policyContext(app: INestApplication): () => ValidationContext | undefined {
  let context: ValidationContext | undefined;
  let read = false;
  return () => {
    if (!read) {
      read = true;
      try {
        // Through ModuleRef: the app's own `get` ends the process on a token it lacks (abortOnError).
        context = { policy: app.get(ModuleRef).get<Accounts>(ACCOUNTS, { strict: false }).policy };
      } catch {
        context = undefined;
      }
    }
    return context;
  };
}

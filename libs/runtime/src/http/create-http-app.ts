/**
 * Builds a Nest application on Fastify with what every app of the service needs:
 * correlation ids, JSON access logs without bodies or query strings, request
 * metrics, validation with every field error at once, one error shape, OpenAPI
 * at /docs, and a clean shutdown on SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger, Metrics } from '@portal/observability';
import { NestPinoLogger } from '../nest-logger';
import { type ErrorMapping, ErrorShapeFilter, fieldsFromValidation, ValidationFailedError } from './errors';

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
  /** Honour X-Forwarded-For from these proxies (addresses or CIDRs, comma-separated), for client IPs in rate limits and audit. */
  trustProxy?: boolean | string;
}

export async function createHttpApp(
  module: unknown,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const { logger, metrics } = options;
  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy ?? false,
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
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' ? done(null, undefined) : json(request, body as string, done),
  );
  const started = new WeakMap<object, bigint>();
  fastify.addHook('onRequest', async (request, reply) => {
    started.set(request, process.hrtime.bigint());
    reply.header(CORRELATION_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const t0 = started.get(request);
    const seconds = t0 === undefined ? 0 : Number(process.hrtime.bigint() - t0) / 1e9;
    // The route pattern, never the URL: query strings and path values can hold personal data.
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, seconds);
    logger.info(
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

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationFailedError(fieldsFromValidation(errors)),
    }),
  );
  app.useGlobalFilters(new ErrorShapeFilter(logger, options.errorMapping));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  setUpOpenApi(app, options);
  return app;
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
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}

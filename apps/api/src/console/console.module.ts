/**
 * The staff console (apps/console, built by `npm run build` into dist/console), served at
 * /console on the API's own origin: its files through @fastify/static, and index.html for
 * every client route under /console, so a reload or a bookmark of /console/accounts/… works.
 *
 * The console is a client of the documented /v1 staff routes and nothing else: this module
 * serves files, it adds no route the console could call instead.
 *
 * Every answer under /console carries a strict Content-Security-Policy (only this origin's
 * own scripts, styles, images and fetches; no inline code, no frames, no base or form
 * elsewhere), nosniff, no referrer and no framing. Hashed assets are cached for a year;
 * index.html is revalidated on each load, so a new build is picked up at once.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@portal/observability';
import { LOGGER } from '@portal/runtime';

export const CONSOLE_PATH = '/console';

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/console beside dist/apps (…/apps/api/src/console is where this file is compiled to). */
export const CONSOLE_DIR = join(__dirname, '..', '..', '..', '..', 'console');

function secure(reply: FastifyReply): void {
  reply.header('Content-Security-Policy', CONSOLE_CSP);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
}

/** In the service's error shape; the correlation id is in its header, as on every answer. */
function notFound(reply: FastifyReply, code: string, message: string) {
  return reply.code(404).header('Cache-Control', 'no-store').send({ error: { code, message } });
}

/**
 * Registers the console's routes on `fastify`, serving the build in `dir`. Not awaited: the
 * plugin loads with the others when the app starts. Awaiting it here would load every plugin and
 * route queued so far at once, before Nest installs its error handler, and those routes would then
 * answer errors in Fastify's shape instead of ours.
 */
export function registerConsole(fastify: FastifyInstance, dir: string): void {
  void fastify.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      secure(reply);
      return payload;
    });
    if (!existsSync(join(dir, 'index.html'))) {
      const unbuilt = (_request: FastifyRequest, reply: FastifyReply) =>
        notFound(reply, 'CONSOLE_NOT_BUILT', 'The console is not built: run `npm run build`.');
      scope.get(CONSOLE_PATH, unbuilt);
      scope.get(`${CONSOLE_PATH}/*`, unbuilt);
      return;
    }
    await scope.register(fastifyStatic, {
      root: dir,
      prefix: `${CONSOLE_PATH}/`,
      // One route per file found now, so the fallback below can own every other path.
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'Cache-Control',
          path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const page = (_request: FastifyRequest, reply: FastifyReply) =>
      reply.header('Cache-Control', 'no-cache').sendFile('index.html', dir);
    scope.get(CONSOLE_PATH, page);
    scope.get(`${CONSOLE_PATH}/*`, (request, reply) => {
      // A missing file is a 404; a path without an extension is one of the console's own pages.
      const path = request.url.split('?')[0];
      if (extname(path) !== '') return notFound(reply, 'NOT_FOUND', 'No such file in the console.');
      return page(request, reply);
    });
  });
}

@Module({})
export class ConsoleModule implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    // Not under HTTP (a CLI booting the module graph): nothing to serve.
    if (!fastify || typeof fastify.register !== 'function') return;
    if (!existsSync(join(CONSOLE_DIR, 'index.html')))
      this.logger.warn({ dir: CONSOLE_DIR }, 'console not built: /console answers 404 until `npm run build`');
    registerConsole(fastify, CONSOLE_DIR);
  }
}

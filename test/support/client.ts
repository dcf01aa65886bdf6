/**
 * The typed client (@portal/client) against an app of `startApp`, in-process: its requests go through
 * Fastify's `inject`, so nothing listens, and the response checks of test/support/contract.ts see them.
 */
import { createPortalClient, type PortalClient } from '@portal/client';
import type { TestApp } from './app';

export function portalClient(t: TestApp): PortalClient {
  const fastify = t.app.getHttpAdapter().getInstance();
  return createPortalClient({
    baseUrl: 'http://portal.test',
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const body = await request.arrayBuffer();
      const res = await fastify.inject({
        method: request.method as 'GET',
        url: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        ...(body.byteLength > 0 ? { payload: Buffer.from(body) } : {}),
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers))
        for (const v of [value ?? []].flat()) headers.append(name, String(v));
      const empty = res.statusCode === 204 || res.rawPayload.length === 0;
      return new Response(empty ? null : res.rawPayload, { status: res.statusCode, headers });
    },
  });
}

/**
 * The operations listener: Prometheus metrics on their own address and port
 * (METRICS_HOST:METRICS_PORT), apart from the API's, so that no portal user can read
 * them. A bare Node server: no portal route, no body parsing, one route.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger, Metrics } from '@portal/observability';

export interface MetricsListener {
  /** `http://host:port`, with the port the system picked when 0 was asked for. */
  url: string;
  close(): Promise<void>;
}

/** Listens on `host:port` (0: any free port) and answers `GET /metrics`; anything else is 404 in the error shape. */
export async function listenForMetrics(
  metrics: Metrics,
  at: { host: string; port: number },
  logger?: Logger,
): Promise<MetricsListener> {
  const server = createServer((req, res) => void answer(metrics, req, res, logger));
  // A scrape is one short request: nothing may hold the listener open.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  metrics: Metrics,
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger | undefined,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (req.method !== 'GET' || path !== '/metrics') {
    return send(res, 404, 'application/json; charset=utf-8', {
      error: { code: 'NOT_FOUND', message: 'Only GET /metrics is served here.' },
    });
  }
  try {
    const { contentType, body } = await metrics.render();
    send(res, 200, contentType, body);
  } catch (error) {
    logger?.error({ errorName: (error as Error).name }, 'metrics could not be rendered');
    send(res, 500, 'application/json; charset=utf-8', {
      error: { code: 'INTERNAL_ERROR', message: 'The metrics could not be rendered.' },
    });
  }
}

function send(res: ServerResponse, status: number, type: string, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * Boots the API the way `npm start` does, on the embedded adapters in a fresh
 * temporary DATA_DIR, and collects every log line so tests can look for leaks.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { Metrics } from '@portal/observability';
import { boot, CoreModule, createHttpApp } from '@portal/runtime';
import { PORTAL_ERROR_STATUS } from '../../apps/api/src/errors';
import { completeApiDocument } from '../../apps/api/src/openapi';
import { roleModules } from '../../apps/standalone/src/standalone.module';
import { recordResponses } from './contract';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  dataDir: string;
  /** The app's metrics registry (served on the operations listener, not on the API's port). */
  metrics: Metrics;
  logs: string[];
  close(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const b = boot('standalone', {
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      NODE_ENV: 'test',
      // Most suites send bursts from one address; rate-limit.e2e-spec.ts sets its own limits.
      RATE_LIMIT_IP_PER_MINUTE: '0',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
      RATE_LIMIT_MESSAGES_PER_HOUR: '0',
      ...env,
    },
    logDestination,
  });
  const app = await createHttpApp(
    { module: class TestAppModule {}, imports: [CoreModule.forRoot(b), ...roleModules(b.config.roles)] },
    {
      logger: b.logger,
      metrics: b.metrics,
      trustProxy: b.config.trustProxy,
      corsOrigins: b.config.corsOrigins,
      title: 'test',
      errorMapping: { domainStatus: PORTAL_ERROR_STATUS },
      completeDocument: completeApiDocument,
    },
  );
  // Every response this app gives is checked against its OpenAPI document when the file closes it.
  const responses = recordResponses(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataDir,
    metrics: b.metrics,
    logs,
    async close() {
      try {
        await responses.check();
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

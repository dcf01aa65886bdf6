/**
 * The service as `npm start` wires it (every module of the configured roles), inside a
 * bench's own process and listening on a free loopback port.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PORTAL_ERROR_STATUS } from '../apps/api/src/errors';
import { roleModules } from '../apps/standalone/src/standalone.module';
import { type Boot, CoreModule, createHttpApp } from '../libs/runtime/src';

export async function listeningBenchApp(b: Boot): Promise<NestFastifyApplication> {
  const app: NestFastifyApplication = await createHttpApp(
    { module: class BenchModule {}, imports: [CoreModule.forRoot(b), ...roleModules(b.config.roles)] },
    {
      logger: b.logger,
      metrics: b.metrics,
      title: 'bench',
      errorMapping: { domainStatus: PORTAL_ERROR_STATUS },
    },
  );
  await app.listen(0, '127.0.0.1');
  return app;
}

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { boot, CoreModule, createHttpApp, exitOnFatal } from '@portal/runtime';
import { ApiModule } from './api.module';
import { API_DESCRIPTION } from './openapi';

/** The API as its own process (production). `npm start` runs apps/standalone instead. */
async function main(): Promise<void> {
  const b = boot('api');
  exitOnFatal(b.logger);
  @Module({ imports: [CoreModule.forRoot(b), ApiModule] })
  class ApiProcessModule {}
  const app = await createHttpApp(ApiProcessModule, {
    logger: b.logger,
    metrics: b.metrics,
    title: 'Portal account service',
    description: API_DESCRIPTION,
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl() }, 'listening');
}

void main();

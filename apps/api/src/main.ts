import 'reflect-metadata';
import { boot, createHttpApp, exitOnFatal } from '@portal/runtime';
import { ApiModule } from './api.module';

async function main(): Promise<void> {
  const b = boot('api');
  exitOnFatal(b.logger);
  const app = await createHttpApp(ApiModule.forRoot(b), {
    logger: b.logger,
    metrics: b.metrics,
    title: 'Portal account service',
    description:
      'Accounts for health-plan web portals: activation by mail, registration, log on with 2-step verification, ' +
      'password and username recovery; support and audit routes for plan staff.',
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl() }, 'listening');
}

void main();

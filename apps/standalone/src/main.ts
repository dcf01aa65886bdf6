import 'reflect-metadata';
import { boot, createHttpApp, exitOnFatal } from '@portal/runtime';
import { API_DESCRIPTION } from '../../api/src/openapi';
import { StandaloneModule } from './standalone.module';

async function main(): Promise<void> {
  const b = boot('standalone');
  exitOnFatal(b.logger);
  const app = await createHttpApp(StandaloneModule.forRoot(b), {
    logger: b.logger,
    metrics: b.metrics,
    title: 'Portal account service',
    description: API_DESCRIPTION,
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl(), roles: [...b.config.roles] }, 'listening');
}

void main();

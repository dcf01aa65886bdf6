import 'reflect-metadata';
import { boot, createHttpApp, exitOnFatal } from '@portal/runtime';
import { ProjectorModule } from './projector.module';

async function main(): Promise<void> {
  const b = boot('projector');
  exitOnFatal(b.logger);
  const app = await createHttpApp(ProjectorModule.forRoot(b), {
    logger: b.logger,
    metrics: b.metrics,
    title: 'Portal account service: projector',
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl() }, 'listening');
}

void main();

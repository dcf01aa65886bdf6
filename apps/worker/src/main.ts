import 'reflect-metadata';
import { boot, createHttpApp, exitOnFatal } from '@portal/runtime';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const b = boot('worker');
  exitOnFatal(b.logger);
  const app = await createHttpApp(WorkerModule.forRoot(b), {
    logger: b.logger,
    metrics: b.metrics,
    title: 'Portal account service: worker',
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl() }, 'listening');
}

void main();

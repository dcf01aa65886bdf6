import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { boot, CoreModule, createHttpApp, exitOnFatal } from '@portal/runtime';
import { WorkerModule } from './worker.module';

/** The worker as its own process, with /health and /metrics for the orchestrator. */
async function main(): Promise<void> {
  const b = boot('worker');
  exitOnFatal(b.logger);
  @Module({ imports: [CoreModule.forRoot(b), WorkerModule] })
  class WorkerProcessModule {}
  const app = await createHttpApp(WorkerProcessModule, {
    logger: b.logger,
    metrics: b.metrics,
    title: 'Portal account service: worker',
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl() }, 'listening');
}

void main();

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { boot, CoreModule, createHttpApp, exitOnFatal } from '@portal/runtime';
import { ProjectorModule } from './projector.module';

/** The projector as its own process, with /health and /metrics for the orchestrator. */
async function main(): Promise<void> {
  const b = boot('projector');
  exitOnFatal(b.logger);
  @Module({ imports: [CoreModule.forRoot(b), ProjectorModule] })
  class ProjectorProcessModule {}
  const app = await createHttpApp(ProjectorProcessModule, {
    logger: b.logger,
    metrics: b.metrics,
    title: 'Portal account service: projector',
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl() }, 'listening');
}

void main();

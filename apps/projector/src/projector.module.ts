import { type DynamicModule, Module } from '@nestjs/common';
import { type Boot, CoreModule } from '@portal/runtime';

/** The projector as its own process: its work plus /health and /metrics for the orchestrator. */
@Module({})
export class ProjectorModule {
  static forRoot(boot: Boot): DynamicModule {
    return { module: ProjectorModule, imports: [CoreModule.forRoot(boot)] };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { type Boot, CoreModule } from '@portal/runtime';

/** The worker as its own process: its work plus /health and /metrics for the orchestrator. */
@Module({})
export class WorkerModule {
  static forRoot(boot: Boot): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(boot)] };
  }
}

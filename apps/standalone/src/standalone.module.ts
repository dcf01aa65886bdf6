import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { type Boot, CoreModule } from '@portal/runtime';
import { ApiModule } from '../../api/src/api.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { WorkerModule } from '../../worker/src/worker.module';

/**
 * `npm start`: the roles named by ROLES (all three by default) in one process,
 * sharing one CoreModule, so one event store connection and one HTTP server.
 * The only module allowed to import other apps (see .dependency-cruiser.cjs).
 */
@Module({})
export class StandaloneModule {
  static forRoot(boot: Boot): DynamicModule {
    const roles: Record<string, Type> = { api: ApiModule, projector: ProjectorModule, worker: WorkerModule };
    return {
      module: StandaloneModule,
      imports: [CoreModule.forRoot(boot), ...[...boot.config.roles].map((r) => roles[r])],
    };
  }
}

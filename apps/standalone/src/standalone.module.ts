import type { Type } from '@nestjs/common';
import type { Role } from '@portal/config';
import { ApiModule } from '../../api/src/api.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { WorkerModule } from '../../worker/src/worker.module';

/**
 * The feature modules of the roles this process runs, sharing one CoreModule (so
 * one event store connection and one HTTP server). apps/standalone is the only
 * place allowed to import other apps (see .dependency-cruiser.cjs).
 */
export function roleModules(roles: ReadonlySet<Role>): Type[] {
  const modules: Record<Role, Type> = { api: ApiModule, projector: ProjectorModule, worker: WorkerModule };
  return [...roles].map((r) => modules[r]);
}

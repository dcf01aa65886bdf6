import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatPosition, isUnreadableEvent } from '@portal/event-store';
import type { Logger } from '@portal/observability';
import { activeGeneration, checkpointName, rebuild, type RebuildResult } from '@portal/read-models';
import { LOGGER, READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { StaffOnly } from '../staff';

/**
 * Operators' view of the read models, and a rebuild. The rebuild runs in this
 * process in the background (queries keep reading the active generation until
 * the swap); only one runs at a time across processes (a lock in the store).
 */
@ApiTags('admin')
@StaffOnly('admin')
@Controller('v1/admin/read-models')
export class ReadModelsAdminController {
  private running?: { startedAt: string; events: number };
  private last?: { finishedAt: string; result?: RebuildResult; error?: string; message?: string };

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The active generation, its checkpoint, document counts, and the rebuild running or last run',
  })
  async status() {
    const { docs, projector } = this.readModels;
    const generation = await activeGeneration(docs, projector.projections);
    const checkpoint = await docs.loadCheckpoint(checkpointName(generation));
    const documents: Record<string, number> = {};
    for (const p of projector.projections) documents[p.spec.name] = await docs.count(generation, p.spec.name);
    return {
      generation,
      checkpoint: checkpoint ? formatPosition(checkpoint) : null,
      documents,
      ...(this.running ? { rebuilding: this.running } : {}),
      ...(this.last ? { lastRebuild: this.last } : {}),
    };
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild every read model from the first event into a fresh generation, then swap it in',
  })
  rebuild() {
    if (this.running) return { started: false, rebuilding: this.running };
    const running = (this.running = { startedAt: new Date().toISOString(), events: 0 });
    rebuild(this.readModels.projector, { onProgress: (p) => (running.events = p.events) }).then(
      (result) => {
        this.last = { finishedAt: new Date().toISOString(), result };
        this.running = undefined;
        this.logger.info({ ...result }, 'read-model rebuild finished');
      },
      (error: Error & { code?: string }) => {
        // A damaged event row stops the rebuild (the live generation keeps serving): say which.
        const where = isUnreadableEvent(error) ? error.message : undefined;
        this.last = {
          finishedAt: new Date().toISOString(),
          error: error.code ?? error.name,
          ...(where ? { message: where } : {}),
        };
        this.running = undefined;
        this.logger.error(
          { errorName: error.name, code: error.code, ...(where ? { message: where } : {}) },
          'read-model rebuild failed',
        );
      },
    );
    return { started: true, rebuilding: running };
  }
}

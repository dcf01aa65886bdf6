import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatPosition } from '@portal/event-store';
import {
  activeGeneration,
  askForReadModelJob,
  checkpointName,
  currentReadModelRequest,
  lastReadModelRequest,
} from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { StaffOnly } from '../staff';

/**
 * Operators' view of the read models, and rebuilds and compares on request. This
 * process only records the request (one at a time across processes, a lease in the
 * store) and answers 202 with its id; the active projector process runs it
 * (libs/read-models/src/requests.ts), so an API process behind a load balancer never
 * spends its event loop on a replay. Progress and outcome are in `GET`.
 */
@ApiTags('admin')
@StaffOnly('admin')
@Controller('v1/admin/read-models')
export class ReadModelsAdminController {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  @Get()
  @ApiOperation({
    summary:
      'The active generation, its checkpoint, document counts, the rebuild or compare requested or running, and the last of each',
  })
  async status() {
    const { docs, projector } = this.readModels;
    const generation = await activeGeneration(docs, projector.projections);
    const checkpoint = await docs.loadCheckpoint(checkpointName(generation));
    const documents: Record<string, number> = {};
    for (const p of projector.projections) documents[p.spec.name] = await docs.count(generation, p.spec.name);
    const request = await currentReadModelRequest(docs);
    const open = request && (request.status === 'pending' || request.status === 'running');
    const lastRebuild = await lastReadModelRequest(docs, 'rebuild');
    const lastCompare = await lastReadModelRequest(docs, 'compare');
    return {
      generation,
      checkpoint: checkpoint ? formatPosition(checkpoint) : null,
      documents,
      ...(request ? { request } : {}),
      ...(open && request.kind === 'rebuild' ? { rebuilding: request } : {}),
      ...(open && request.kind === 'compare' ? { comparing: request } : {}),
      ...(lastRebuild ? { lastRebuild } : {}),
      ...(lastCompare ? { lastCompare } : {}),
    };
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask the projector to rebuild every read model from the first event into a fresh generation, then swap it in',
  })
  rebuild() {
    return askForReadModelJob(this.readModels.docs, 'rebuild');
  }

  @Post('compare')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask the projector to replay every event into a shadow copy and list each document that differs from the live one',
  })
  compare() {
    return askForReadModelJob(this.readModels.docs, 'compare');
  }
}

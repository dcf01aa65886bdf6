import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { formatPosition } from '@portal/event-store';
import {
  activeGeneration,
  askForReadModelJob,
  checkpointName,
  currentReadModelRequest,
  lastReadModelRequest,
  type ReadModelRequestAnswer,
} from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import {
  AskForReadModelJobCommand,
  type ReadModelsStatus,
  ReadModelsStatusQuery,
} from './read-models.queries';

@QueryHandler(ReadModelsStatusQuery)
export class ReadModelsStatusHandler implements IQueryHandler<ReadModelsStatusQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  async execute(): Promise<ReadModelsStatus> {
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
}

/**
 * This process only records the request (one at a time across processes, a lease in
 * the store); the active projector process runs it (libs/read-models/src/requests.ts).
 */
@CommandHandler(AskForReadModelJobCommand)
export class AskForReadModelJobHandler implements ICommandHandler<AskForReadModelJobCommand> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  execute({ kind }: AskForReadModelJobCommand): Promise<ReadModelRequestAnswer> {
    return askForReadModelJob(this.readModels.docs, kind);
  }
}

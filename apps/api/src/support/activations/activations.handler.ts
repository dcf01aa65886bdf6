import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { type ActivationInFlight, ActivationsInFlightQuery } from './activations.query';

@QueryHandler(ActivationsInFlightQuery)
export class ActivationsInFlightHandler implements IQueryHandler<ActivationsInFlightQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  execute({ state, page }: ActivationsInFlightQuery): Promise<Page<ActivationInFlight>> {
    return this.readModels.queries.activationsInFlight({ state, ...page });
  }
}

import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger, Metrics } from '@portal/observability';
import { LiveProjector } from '@portal/read-models';
import {
  LOGGER,
  METRICS,
  READ_MODELS,
  READINESS,
  type Readiness,
  type ReadModelsRuntime,
} from '@portal/runtime';

/**
 * The read-model projector in this process: a catch-up subscription from the
 * active generation's checkpoint. Readiness fails while its subscription is down
 * (it resubscribes by itself) and reports the lag; `/metrics` has
 * `projector_lag_seconds`.
 */
@Injectable()
export class ReadModelProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly projector: LiveProjector;

  constructor(
    @Inject(READ_MODELS) runtime: ReadModelsRuntime,
    @Inject(LOGGER) logger: Logger,
    @Inject(METRICS) metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {
    this.projector = new LiveProjector(runtime.projector, logger.child({ component: 'projector' }), {
      metrics,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
    this.readiness.register('projector', async () => {
      const p = this.projector;
      if (p.failure) throw Object.assign(new Error('subscription down'), { name: p.failure });
      return { lagSeconds: p.lagSeconds, generation: p.generation };
    });
  }

  /** Stops the subscription and stores what it had before CoreModule closes the stores. */
  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }
}

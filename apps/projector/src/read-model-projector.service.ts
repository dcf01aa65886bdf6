import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Fence } from '@portal/documents';
import type { Logger, Metrics } from '@portal/observability';
import { LiveProjector, ReadModelRequestRunner } from '@portal/read-models';
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
 * active generation's checkpoint, and the rebuilds and compares requested over
 * HTTP (requests.ts). Both run while this process holds the projector's lease
 * (projector-lease.service.ts); their writes carry its fence. Readiness fails while
 * the subscription is down (it resubscribes by itself), reports the lag, and reports
 * `standby` while another process holds the lease; `/metrics` has `projector_lag_seconds`.
 */
@Injectable()
export class ReadModelProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  projector?: LiveProjector;
  requests?: ReadModelRequestRunner;

  constructor(
    @Inject(READ_MODELS) private readonly runtime: ReadModelsRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {}

  onApplicationBootstrap(): void {
    this.readiness.register('projector', async () => {
      const p = this.projector;
      if (!p) return { state: 'standby' };
      if (p.failure) throw Object.assign(new Error('subscription down'), { name: p.failure });
      return { state: 'active', lagSeconds: p.lagSeconds, generation: p.generation };
    });
  }

  /** `onLeaseLost`: the store refused a write for the lease (the keeper then checks it at once). */
  async start(fence: Fence, onLeaseLost?: () => void): Promise<void> {
    if (this.projector) return;
    const deps = { ...this.runtime.projector, fence };
    const projector = new LiveProjector(deps, this.logger.child({ component: 'projector' }), {
      metrics: this.metrics,
      ...(onLeaseLost ? { onLeaseLost } : {}),
    });
    await projector.start();
    this.projector = projector;
    // A rebuild or compare fences its writes with the rebuild lease, not this one.
    this.requests = new ReadModelRequestRunner(
      this.runtime.projector,
      this.logger.child({ component: 'read-model-requests' }),
    );
    this.requests.start();
  }

  /** Stops the subscription and stores what it had (refused if the lease was lost). */
  async stop(): Promise<void> {
    const projector = this.projector;
    this.projector = undefined;
    await this.requests?.stop();
    this.requests = undefined;
    await projector?.stop();
  }

  /** Before CoreModule closes the stores. */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}

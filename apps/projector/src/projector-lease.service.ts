import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from '@portal/observability';
import { LeaseKeeper } from '@portal/read-models';
import { LOGGER, READ_MODELS, READINESS, type Readiness, type ReadModelsRuntime } from '@portal/runtime';
import { DeliveryReactorService } from './delivery-reactor.service';
import { PROJECTOR_LEASE } from './leases';
import { ReadModelProjectorService } from './read-model-projector.service';

export { PROJECTOR_LEASE };

/**
 * One active projector process (DESIGN.md, "Production topology"): the process that
 * holds the `projector` lease runs the read-model projector, the requested rebuilds
 * and compares, and the delivery reactor; any other waits on standby (readiness
 * `lease: { state: 'standby' }`, not an error) and takes over when the lease expires,
 * within its TTL (15 s) after the holder died, or at once after a clean stop or a
 * restart of the holder on the same host.
 */
@Injectable()
export class ProjectorLeaseService implements OnApplicationBootstrap, OnModuleDestroy {
  keeper?: LeaseKeeper;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(READINESS) private readonly readiness: Readiness,
    private readonly projector: ReadModelProjectorService,
    private readonly reactor: DeliveryReactorService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const keeper = (this.keeper = new LeaseKeeper(
      this.readModels.docs,
      PROJECTOR_LEASE,
      {
        onAcquired: async (fence) => {
          await this.projector.start(fence, () => void keeper.tick().catch(() => undefined));
          await this.reactor.start(fence);
        },
        onLost: async () => {
          await this.reactor.stop();
          await this.projector.stop();
        },
      },
      this.logger.child({ component: 'projector-lease' }),
    ));
    this.readiness.register('lease', async () => {
      if (keeper.state !== 'active' && keeper.failure)
        throw Object.assign(new Error('lease store unreachable'), { name: keeper.failure });
      return { state: keeper.state, ...(keeper.lease ? { token: keeper.lease.token } : {}) };
    });
    await keeper.start();
  }

  /** Stops the work, then frees the lease so that a standby takes over at once. */
  async onModuleDestroy(): Promise<void> {
    await this.keeper?.stop();
  }
}

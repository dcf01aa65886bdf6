import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@portal/config';
import type { Fence } from '@portal/documents';
import type { EventStore } from '@portal/event-store';
import type { JobQueue } from '@portal/jobs';
import { DeliveryReactor } from '@portal/notifications';
import type { Logger, Metrics } from '@portal/observability';
import {
  APP_CONFIG,
  EVENT_STORE,
  JOB_QUEUE,
  LOGGER,
  METRICS,
  READ_MODELS,
  READINESS,
  type Readiness,
  type ReadModelsRuntime,
} from '@portal/runtime';
import { DocumentCheckpointStore, migrateLegacyCheckpoint } from './document-checkpoints';

/** The reactor's checkpoint name (as it was in the old checkpoint file). */
export const DELIVERY_CHECKPOINT = 'delivery-reactor';

/**
 * The delivery reactor in this process: events that need a message become jobs.
 * It runs while this process holds the projector's lease (projector-lease.service.ts);
 * its checkpoint is in the document store beside the projector's, saved with the
 * lease's fence. Readiness fails while its subscription is down (it resubscribes by
 * itself), and reports `standby` while another process holds the lease.
 */
@Injectable()
export class DeliveryReactorService implements OnApplicationBootstrap, OnModuleDestroy {
  private reactor?: DeliveryReactor;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {}

  onApplicationBootstrap(): void {
    this.readiness.register('deliveryReactor', async () => {
      const reactor = this.reactor;
      if (!reactor) return { state: 'standby' };
      if (reactor.failure) throw Object.assign(new Error('subscription down'), { name: reactor.failure });
      return { state: 'active' };
    });
  }

  /** Starts the reactor from its checkpoint (taken once from the old checkpoint file on an upgrade). */
  async start(fence: Fence): Promise<void> {
    if (this.reactor) return;
    const logger = this.logger.child({ component: 'delivery-reactor' });
    const checkpoints = new DocumentCheckpointStore(this.readModels.docs, fence);
    await migrateLegacyCheckpoint(this.config, checkpoints, DELIVERY_CHECKPOINT, logger);
    const reactor = new DeliveryReactor(this.store, this.jobs, checkpoints, logger, {
      metrics: this.metrics,
      name: DELIVERY_CHECKPOINT,
    });
    await reactor.start();
    this.reactor = reactor;
  }

  /** Stops adding jobs and saves the checkpoint (refused if the lease was lost: the new holder goes on). */
  async stop(): Promise<void> {
    const reactor = this.reactor;
    this.reactor = undefined;
    await reactor
      ?.stop()
      .catch((error: Error) =>
        this.logger.warn({ errorName: error.name }, 'delivery reactor stopped without its last checkpoint'),
      );
  }

  /** Before CoreModule closes the queue and the store. */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}

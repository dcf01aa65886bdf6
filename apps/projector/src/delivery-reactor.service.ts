import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@portal/config';
import type { EventStore } from '@portal/event-store';
import type { JobQueue } from '@portal/jobs';
import { DeliveryReactor, SqliteCheckpointStore } from '@portal/notifications';
import type { Logger, Metrics } from '@portal/observability';
import {
  APP_CONFIG,
  EVENT_STORE,
  JOB_QUEUE,
  LOGGER,
  METRICS,
  ownerOnly,
  READINESS,
  type Readiness,
} from '@portal/runtime';

/**
 * The delivery reactor in this process: events that need a message become jobs.
 * Its checkpoint is in DATA_DIR/checkpoints.sqlite. Readiness fails while its
 * subscription is down (it resubscribes by itself).
 */
@Injectable()
export class DeliveryReactorService implements OnApplicationBootstrap, OnModuleDestroy {
  private reactor?: DeliveryReactor;
  private checkpoints?: SqliteCheckpointStore;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.checkpoints = new SqliteCheckpointStore(ownerOnly(join(this.config.dataDir, 'checkpoints.sqlite')));
    const reactor = (this.reactor = new DeliveryReactor(
      this.store,
      this.jobs,
      this.checkpoints,
      this.logger.child({ component: 'delivery-reactor' }),
      { metrics: this.metrics },
    ));
    await reactor.start();
    this.readiness.register('deliveryReactor', async () => {
      if (reactor.failure) throw Object.assign(new Error('subscription down'), { name: reactor.failure });
    });
  }

  /** Stops adding jobs and saves the checkpoint before CoreModule closes the queue and the store. */
  async onModuleDestroy(): Promise<void> {
    await this.reactor?.stop();
    await this.checkpoints?.close();
  }
}

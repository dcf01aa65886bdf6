/**
 * The composition root every app shares: configuration, logger, metrics,
 * readiness and the event store adapter the configuration picks. Apps import
 * `CoreModule.forRoot(...)` once; everything below it injects by token.
 */
import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '@portal/config';
import type { EventStore } from '@portal/event-store';
import { createEventStore } from './adapters';
import type { Logger, Metrics } from '@portal/observability';
import { OpsController } from './http/ops.controller';
import { Readiness } from './readiness';
import { APP_CONFIG, EVENT_STORE, LOGGER, METRICS, READINESS } from './tokens';

export interface CoreModuleOptions {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
}

@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {}

  static forRoot({ config, logger, metrics }: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      controllers: [OpsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: METRICS, useValue: metrics },
        {
          provide: EVENT_STORE,
          useFactory: () => createEventStore(config.eventStore),
        },
        {
          provide: READINESS,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => {
            const readiness = new Readiness();
            readiness.register('eventStore', () => store.ping());
            if (config.jobs.kind === 'bullmq') {
              const probe = new RedisProbe(config.jobs.url);
              readiness.register('redis', probe.check, () => probe.close());
            }
            return readiness;
          },
        },
      ],
      exports: [APP_CONFIG, LOGGER, METRICS, EVENT_STORE, READINESS],
    };
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down');
    this.readiness.close();
    await this.store.close();
  }
}

/**
 * Readiness probe for Redis. It never reconnects by itself and never queues a
 * command, so a dead Redis answers "not ready" at once instead of piling up retries.
 */
class RedisProbe {
  private client: Redis | undefined;
  constructor(private readonly url: string) {}

  readonly check = async (): Promise<void> => {
    if (!this.client || this.client.status === 'end') {
      this.client?.disconnect();
      this.client = new Redis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
        connectTimeout: 500,
      });
      // Failures are reported by the probe's answer; without a listener ioredis would log them itself.
      this.client.on('error', () => undefined);
      await this.client.connect();
    }
    await this.client.ping();
  };

  close(): void {
    this.client?.disconnect();
  }
}

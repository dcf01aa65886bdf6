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
          useFactory: () => createEventStore(config.eventStore, logger),
        },
        {
          provide: READINESS,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => {
            const readiness = new Readiness();
            readiness.register('eventStore', () => store.ping());
            if (config.jobs.kind === 'bullmq') readiness.register('redis', redisPing(config.jobs.url));
            return readiness;
          },
        },
      ],
      exports: [APP_CONFIG, LOGGER, METRICS, EVENT_STORE, READINESS],
    };
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down');
    await this.store.close();
  }
}

/** One lazily connected client for readiness probes; it never retries a command, so a dead Redis answers fast. */
function redisPing(url: string): () => Promise<void> {
  let client: Redis | undefined;
  return async () => {
    client ??= new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    if (client.status === 'wait' || client.status === 'end') await client.connect();
    await client.ping();
  };
}

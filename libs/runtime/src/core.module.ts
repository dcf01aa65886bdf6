/**
 * The composition root every app shares: configuration, logger, metrics,
 * readiness, and the adapters the configuration picks (event store, the accounts
 * layer with the members' and the staff console's session stores, and the job queue for processes that run the projector or the worker):
 * one of each per process, however many roles it runs. Apps import
 * `CoreModule.forRoot(...)` once; everything below it injects by token.
 */
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
  Optional,
  type Provider,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Accounts, SessionStore } from '@portal/accounts';
import type { AppConfig } from '@portal/config';
import type { EventStore } from '@portal/event-store';
import type { JobQueue } from '@portal/jobs';
import type { RateLimiter } from '@portal/ratelimit';
import type { DocumentStore } from '@portal/documents';
import type { Vault } from '@portal/vault';
import {
  type AccountsLayer,
  createAccounts,
  createEventStore,
  createJobQueue,
  createRateLimiter,
} from './adapters';
import { createDocumentStore, createReadModels } from './read-models';
import type { Logger, Metrics } from '@portal/observability';
import { OpsController } from './http/ops.controller';
import { Readiness } from './readiness';
import {
  ACCOUNTS,
  APP_CONFIG,
  DOCUMENT_STORE,
  EVENT_STORE,
  JOB_QUEUE,
  LOGGER,
  METRICS,
  RATE_LIMITER,
  READ_MODELS,
  PASSWORD_HASHER,
  READINESS,
  ROSTER,
  STAFF_SESSION_STORE,
  VAULT,
} from './tokens';

/** What `createAccounts` built, once per process: ACCOUNTS, VAULT, ROSTER, PASSWORD_HASHER and STAFF_SESSION_STORE come from it. */
const ACCOUNTS_LAYER = Symbol('ACCOUNTS_LAYER');

export interface CoreModuleOptions {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
}

@Global()
@Module({})
export class CoreModule implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(ACCOUNTS) private readonly accounts: Accounts & { close(): Promise<void> },
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Optional() @Inject(JOB_QUEUE) private readonly jobs?: JobQueue,
  ) {}

  static forRoot({ config, logger, metrics }: CoreModuleOptions): DynamicModule {
    const needsJobs = config.roles.has('projector') || config.roles.has('worker');
    const jobs: Provider[] = needsJobs
      ? [
          {
            provide: JOB_QUEUE,
            useFactory: () => createJobQueue(config, logger.child({ component: 'jobs' })),
          },
        ]
      : [];
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
          provide: ACCOUNTS_LAYER,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) =>
            createAccounts(config, store, { logger: logger.child({ component: 'snapshots' }), metrics }),
        },
        {
          provide: ACCOUNTS,
          inject: [ACCOUNTS_LAYER],
          useFactory: ({ accounts, close }: AccountsLayer) => Object.assign(accounts, { close }),
        },
        { provide: VAULT, inject: [ACCOUNTS_LAYER], useFactory: (layer: AccountsLayer) => layer.vault },
        { provide: ROSTER, inject: [ACCOUNTS_LAYER], useFactory: (layer: AccountsLayer) => layer.roster },
        {
          provide: PASSWORD_HASHER,
          inject: [ACCOUNTS_LAYER],
          useFactory: (layer: AccountsLayer) => layer.hasher,
        },
        {
          provide: STAFF_SESSION_STORE,
          inject: [ACCOUNTS_LAYER],
          useFactory: (layer: AccountsLayer) => layer.staffSessions,
        },
        ...jobs,
        { provide: DOCUMENT_STORE, useFactory: () => createDocumentStore(config) },
        {
          provide: READ_MODELS,
          inject: [EVENT_STORE, VAULT, DOCUMENT_STORE],
          useFactory: (store: EventStore, vault: Vault, docs: DocumentStore) =>
            createReadModels(config, store, vault, docs),
        },
        { provide: RATE_LIMITER, useFactory: () => createRateLimiter(config) },
        {
          provide: READINESS,
          inject: [EVENT_STORE, DOCUMENT_STORE, ACCOUNTS, STAFF_SESSION_STORE],
          useFactory: (store: EventStore, docs: DocumentStore, accounts: Accounts, staff: SessionStore) => {
            const readiness = new Readiness();
            readiness.register('eventStore', () => store.ping());
            readiness.register('readModels', () => docs.ping());
            readiness.register('sessions', () => accounts.pingSessions());
            readiness.register('staffSessions', () => staff.ping());
            if (config.jobs.kind === 'bullmq') {
              const probe = new RedisProbe(config.jobs.url);
              readiness.register('redis', probe.check, () => probe.close());
            }
            return readiness;
          },
        },
      ],
      exports: [
        APP_CONFIG,
        LOGGER,
        METRICS,
        EVENT_STORE,
        READINESS,
        ACCOUNTS,
        VAULT,
        ROSTER,
        PASSWORD_HASHER,
        STAFF_SESSION_STORE,
        DOCUMENT_STORE,
        READ_MODELS,
        RATE_LIMITER,
        ...(needsJobs ? [JOB_QUEUE] : []),
      ],
    };
  }

  /**
   * Shutdown runs in Nest's order: the roles stop taking work in onModuleDestroy
   * (the reactor stops adding jobs); here the job queue waits for running jobs;
   * then the accounts' files and the event store close.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down');
    await this.jobs?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    this.readiness.close();
    await this.accounts.close();
    await this.rateLimiter.close();
    await this.docs.close();
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

import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Accounts } from '@portal/accounts';
import type { AppConfig } from '@portal/config';
import type { EventStore } from '@portal/event-store';
import { JOB_QUEUE_NAMES, type JobQueue } from '@portal/jobs';
import { DeliveryWorker, type Mailer } from '@portal/notifications';
import type { Logger, Metrics } from '@portal/observability';
import {
  ACCOUNTS,
  APP_CONFIG,
  createLetterSender,
  createMailer,
  EVENT_STORE,
  JOB_QUEUE,
  LOGGER,
  METRICS,
  READINESS,
  type Readiness,
  ROSTER,
  VAULT,
} from '@portal/runtime';
import type { Roster } from '@portal/roster';
import type { Vault } from '@portal/vault';

/**
 * Runs the email and letter queues' handlers in this process, and exports the
 * dead-letter count per queue (`jobs_dead`) for alerting. The job queue itself is
 * closed by CoreModule, after this stops, waiting for running jobs; the mailer
 * closes last.
 */
@Injectable()
export class DeliveryWorkerService implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private mailer?: Mailer;
  private deadTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(VAULT) private readonly vault: Vault,
    @Inject(ROSTER) private readonly roster: Roster,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const mailer = (this.mailer = createMailer(this.config));
    const worker = new DeliveryWorker({
      store: this.store,
      accounts: this.accounts,
      vault: this.vault,
      roster: this.roster,
      mailer,
      letters: createLetterSender(this.config),
      plan: this.config.plan,
      logger: this.logger.child({ component: 'delivery-worker' }),
    });
    await worker.start(this.jobs);
    this.readiness.register('mail', () => mailer.ping());
    const dead = this.metrics.gauge('jobs_dead', 'Dead-lettered jobs waiting for support, by queue', [
      'queue',
    ]);
    const countDead = async () => {
      for (const queue of JOB_QUEUE_NAMES) dead.set({ queue }, await this.jobs.countDead(queue));
    };
    this.deadTimer = setInterval(() => void countDead().catch(() => undefined), 15_000);
    this.deadTimer.unref();
    await countDead().catch(() => undefined);
  }

  onModuleDestroy(): void {
    clearInterval(this.deadTimer);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.mailer?.close();
  }
}

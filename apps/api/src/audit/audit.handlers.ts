import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import {
  accountStateAsOf,
  type AccountStateAsOf,
  auditJson,
  exportEvents,
  verifyAll,
  verifyAllSteps,
  type VerifyReport,
  type VerifyStep,
  verifyStream,
} from '@portal/audit';
import type { EventStore } from '@portal/event-store';
import {
  askForReadModelJob,
  lastReadModelRequest,
  type ReadModelRequest,
  type ReadModelRequestAnswer,
  readModelRequestById,
} from '@portal/read-models';
import type { Logger } from '@portal/observability';
import { EVENT_STORE, LOGGER, READ_MODELS, type ReadModelsRuntime, VAULT } from '@portal/runtime';
import type { Vault } from '@portal/vault';
import { ACCOUNTS } from '../accounts.provider';
import {
  AccountStateAsOfQuery,
  ComparisonQuery,
  ExportEventsQuery,
  LastComparisonQuery,
  RequestComparisonCommand,
  VerifyChainsProgressQuery,
  VerifyChainsQuery,
  verifyResult,
} from './audit.queries';

/** Yields `first` (already read) and then the rest of `lines`. */
async function* resumed<T>(first: IteratorResult<T>, lines: AsyncGenerator<T>): AsyncGenerator<T> {
  if (first.done) return;
  yield first.value;
  yield* lines;
}

@QueryHandler(ExportEventsQuery)
export class ExportEventsHandler implements IQueryHandler<ExportEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ options }: ExportEventsQuery): Promise<AsyncIterable<string>> {
    const lines = exportEvents(this.store, options);
    // The export checks the stream when its first line is asked for: asked here, so that a bad or
    // unknown stream is refused in the error shape rather than after a 200 has started.
    const first = await lines.next();
    return resumed(first, lines);
  }
}

@QueryHandler(AccountStateAsOfQuery)
export class AccountStateAsOfHandler implements IQueryHandler<AccountStateAsOfQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(VAULT) private readonly vault: Vault,
  ) {}

  execute({ accountId, asOf }: AccountStateAsOfQuery): Promise<AccountStateAsOf> {
    return accountStateAsOf(
      { store: this.store, vault: this.vault, policy: this.accounts.policy },
      accountId,
      asOf,
    );
  }
}

@QueryHandler(VerifyChainsQuery)
export class VerifyChainsHandler implements IQueryHandler<VerifyChainsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ streamId }: VerifyChainsQuery): Promise<VerifyReport> {
    return streamId ? verifyStream(this.store, streamId) : verifyAll(this.store);
  }
}

const line = (value: unknown) => `${auditJson(value)}\n`;

/**
 * The verification with its progress, as NDJSON lines (see VerifyChainsProgressQuery). The
 * lines are produced as the answer is read: a client that goes away stops the pass at the next
 * line (Readable.from returns the generator), and a slow one holds it back (one page in memory).
 */
@QueryHandler(VerifyChainsProgressQuery)
export class VerifyChainsProgressHandler implements IQueryHandler<VerifyChainsProgressQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({
    streamId,
    progressEvery,
  }: VerifyChainsProgressQuery): Promise<Iterable<string> | AsyncIterable<string>> {
    if (streamId) {
      // One stream is short (an account's life): verified before the answer starts, so an unknown one is a 404.
      const report = await verifyStream(this.store, streamId);
      return [
        line({ progress: { events: report.events, streams: 1, breaks: report.breaks.length } }),
        line({ result: verifyResult(report) }),
      ];
    }
    // The first step is read before the answer starts, as the export reads its first line: a store
    // that fails at once is refused in the error shape, not after a 200.
    const steps = verifyAllSteps(this.store, { progressEvery });
    const first = await steps.next();
    return this.lines(first, steps);
  }

  private async *lines(
    first: IteratorResult<VerifyStep>,
    steps: AsyncGenerator<VerifyStep>,
  ): AsyncGenerator<string> {
    yield line({ progress: { events: 0, streams: 0, breaks: 0 } });
    try {
      for await (const step of resumed(first, steps))
        yield 'report' in step
          ? line({ result: verifyResult(step.report) })
          : line({ progress: step.progress });
    } catch (error) {
      // The 200 is sent: the failure is the last line. Its cause goes to the log only.
      this.logger.error({ errorName: (error as Error).name }, 'chain verification failed after it started');
      yield line({
        error: {
          code: 'AUDIT_VERIFY_FAILED',
          message: 'The verification stopped before the end (the event store failed). Run it again.',
        },
      });
    }
  }
}

/**
 * The replay runs in the active projector process, not in this one (an API process
 * behind a load balancer, serving users): this records a request, as the admin route
 * does (libs/read-models/src/requests.ts); its progress and report are read by id.
 */
@CommandHandler(RequestComparisonCommand)
export class RequestComparisonHandler implements ICommandHandler<RequestComparisonCommand> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  execute(): Promise<ReadModelRequestAnswer> {
    return askForReadModelJob(this.readModels.docs, 'compare');
  }
}

@QueryHandler(LastComparisonQuery)
export class LastComparisonHandler implements IQueryHandler<LastComparisonQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  execute(): Promise<ReadModelRequest | undefined> {
    return lastReadModelRequest(this.readModels.docs, 'compare');
  }
}

@QueryHandler(ComparisonQuery)
export class ComparisonHandler implements IQueryHandler<ComparisonQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  async execute({ id }: ComparisonQuery): Promise<ReadModelRequest | undefined> {
    const request = await readModelRequestById(this.readModels.docs, id);
    return request?.kind === 'compare' ? request : undefined;
  }
}

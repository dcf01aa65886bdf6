import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import {
  accountStateAsOf,
  type AccountStateAsOf,
  exportEvents,
  verifyAll,
  verifyStream,
  type VerifyReport,
} from '@portal/audit';
import type { EventStore } from '@portal/event-store';
import {
  askForReadModelJob,
  lastReadModelRequest,
  type ReadModelRequest,
  type ReadModelRequestAnswer,
  readModelRequestById,
} from '@portal/read-models';
import { EVENT_STORE, READ_MODELS, type ReadModelsRuntime, VAULT } from '@portal/runtime';
import type { Vault } from '@portal/vault';
import { ACCOUNTS } from '../accounts.provider';
import {
  AccountStateAsOfQuery,
  ComparisonQuery,
  ExportEventsQuery,
  LastComparisonQuery,
  RequestComparisonCommand,
  VerifyChainsQuery,
} from './audit.queries';

/** Yields `first` (already read) and then the rest of `lines`. */
async function* resumed(
  first: IteratorResult<string>,
  lines: AsyncGenerator<string>,
): AsyncGenerator<string> {
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

import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import type { HistoryEntry, OfficeReadModel, OfficeSummary, OfficeView, Page } from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import { officeReadModelOf } from '../../staff';
import { OfficeHistoryQuery, OfficesByStatusQuery, SupportOfficeQuery } from './support-office.queries';

@QueryHandler(SupportOfficeQuery)
export class SupportOfficeHandler implements IQueryHandler<SupportOfficeQuery> {
  private readonly model: OfficeReadModel;

  constructor(@Inject(READ_MODELS) readModels: ReadModelsRuntime, @Inject(ACCOUNTS) accounts: Accounts) {
    this.model = officeReadModelOf(readModels, accounts);
  }

  execute({ officeId }: SupportOfficeQuery): Promise<OfficeView | undefined> {
    return this.model.office(officeId, { reveal: true });
  }
}

@QueryHandler(OfficeHistoryQuery)
export class OfficeHistoryHandler implements IQueryHandler<OfficeHistoryQuery> {
  private readonly model: OfficeReadModel;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    @Inject(ACCOUNTS) accounts: Accounts,
  ) {
    this.model = officeReadModelOf(readModels, accounts);
  }

  async execute({
    officeId,
    page: { limit, after },
  }: OfficeHistoryQuery): Promise<{ users?: string[]; page: Page<HistoryEntry> }> {
    const [office, page] = await Promise.all([
      this.model.office(officeId, { reveal: false }),
      this.readModels.queries.officeHistory(officeId, { limit, after, reveal: false }),
    ]);
    return { ...(office ? { users: office.users.map((u) => u.accountId) } : {}), page };
  }
}

@QueryHandler(OfficesByStatusQuery)
export class OfficesByStatusHandler implements IQueryHandler<OfficesByStatusQuery> {
  private readonly model: OfficeReadModel;

  constructor(@Inject(READ_MODELS) readModels: ReadModelsRuntime, @Inject(ACCOUNTS) accounts: Accounts) {
    this.model = officeReadModelOf(readModels, accounts);
  }

  execute({ status, page }: OfficesByStatusQuery): Promise<Page<OfficeSummary>> {
    return this.model.byStatus(status, page);
  }
}

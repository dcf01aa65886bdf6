import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import type { HistoryEntry, OfficeReadModel, Page } from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import { officeBlockOf, officeReadModelOf } from '../../staff';
import { AccountHistoryQuery, type AccountPage, AccountPageQuery } from './account.queries';

@QueryHandler(AccountPageQuery)
export class AccountPageHandler implements IQueryHandler<AccountPageQuery> {
  private readonly offices: OfficeReadModel;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    @Inject(ACCOUNTS) accounts: Accounts,
  ) {
    this.offices = officeReadModelOf(readModels, accounts);
  }

  async execute({ accountId }: AccountPageQuery): Promise<AccountPage | undefined> {
    const [detail, office] = await Promise.all([
      this.readModels.queries.account(accountId, { reveal: true }),
      officeBlockOf(this.offices, accountId),
    ]);
    if (!detail) return undefined;
    return office ? { ...detail, office } : detail;
  }
}

@QueryHandler(AccountHistoryQuery)
export class AccountHistoryHandler implements IQueryHandler<AccountHistoryQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  execute({ accountId, page }: AccountHistoryQuery): Promise<Page<HistoryEntry>> {
    return this.readModels.queries.history(accountId, { ...page, reveal: true });
  }
}

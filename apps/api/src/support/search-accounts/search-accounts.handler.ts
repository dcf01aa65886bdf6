import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AccountSummary, Page } from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { SearchAccountsQuery } from './search-accounts.query';

/** Over the read model: values searched for are turned into keyed hashes before they reach the store. */
@QueryHandler(SearchAccountsQuery)
export class SearchAccountsHandler implements IQueryHandler<SearchAccountsQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime) {}

  execute({ search, page }: SearchAccountsQuery): Promise<Page<AccountSummary>> {
    return this.readModels.queries.search(search, { ...page, reveal: true });
  }
}

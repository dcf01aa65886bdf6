import { Query } from '@nestjs/cqrs';
import type { AccountSummary, Page, SearchQuery } from '@portal/read-models';

/** One search of support's account list (one thing searched for), a page at a time. */
export class SearchAccountsQuery extends Query<Page<AccountSummary>> {
  constructor(
    readonly search: SearchQuery,
    readonly page: { limit: number; after?: string },
  ) {
    super();
  }
}

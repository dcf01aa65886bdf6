import { Query } from '@nestjs/cqrs';
import type { AccountDetail, HistoryEntry, Page } from '@portal/read-models';
import type { officeBlockOf } from '../../staff';

export type AccountPage = AccountDetail & { office?: NonNullable<Awaited<ReturnType<typeof officeBlockOf>>> };

/** Support's account page, with its office block for provider office staff; undefined when there is no such account. */
export class AccountPageQuery extends Query<AccountPage | undefined> {
  constructor(readonly accountId: string) {
    super();
  }
}

/** A page of the account's history, in plain words. */
export class AccountHistoryQuery extends Query<Page<HistoryEntry>> {
  constructor(
    readonly accountId: string,
    readonly page: { limit: number; after?: string },
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { HistoryEntry, OfficeSummary, OfficeView, Page } from '@portal/read-models';

/** Support's view of a provider office; undefined when there is no such office. */
export class SupportOfficeQuery extends Query<OfficeView | undefined> {
  constructor(readonly officeId: string) {
    super();
  }
}

/** A page of the office's history, with the office's users (undefined when there is no such office). */
export class OfficeHistoryQuery extends Query<{ users?: string[]; page: Page<HistoryEntry> }> {
  constructor(
    readonly officeId: string,
    readonly page: { limit: number; after?: string },
  ) {
    super();
  }
}

/** The offices in one status (pending approval, or active), a page at a time. */
export class OfficesByStatusQuery extends Query<Page<OfficeSummary>> {
  constructor(
    readonly status: OfficeSummary['status'],
    readonly page: { limit: number; after?: string },
  ) {
    super();
  }
}

/**
 * Support's view of provider offices, from the `offices` read model: an office
 * by id, the office an account works in, or the offices in one status (pending
 * approval), a page at a time. The tax id is opened through the
 * vault only for authorised readers (`reveal`).
 */
import type { DocumentStore } from '@portal/documents';
import { HIDDEN } from '../hidden';
import type { Page } from '../queries';
import type { OfficeDoc } from './offices.projection';

export interface OfficeView {
  officeId: string;
  name: string;
  npi: string;
  taxId: unknown;
  status: OfficeDoc['status'];
  registeredAt: string;
  firstAdministrator: string;
  approved?: OfficeDoc['approved'];
  users: { accountId: string; functions: string[]; addedAt: string; addedBy: string }[];
  administrators: string[];
  grants: OfficeDoc['grants'];
  resets: OfficeDoc['resets'];
  asOf: string;
}

/** An office in a list: no tax id, and its users counted rather than listed. */
export interface OfficeSummary {
  officeId: string;
  name: string;
  npi: string;
  status: OfficeDoc['status'];
  registeredAt: string;
  firstAdministrator: string;
  approved?: OfficeDoc['approved'];
  users: number;
}

export class OfficeReadModel {
  constructor(
    private readonly docs: DocumentStore,
    private readonly generation: () => Promise<number>,
    private readonly open: (officeId: string, sealed: string) => Promise<unknown>,
  ) {}

  async office(officeId: string, options: { reveal: boolean }): Promise<OfficeView | undefined> {
    const d = await this.docs.get<OfficeDoc>(await this.generation(), 'offices', officeId);
    return d ? this.view(d.doc, `${d.position.commit}/${d.position.prepare}`, options.reveal) : undefined;
  }

  /** The office whose users include this account, if any. */
  async officeOfAccount(accountId: string, options: { reveal: boolean }): Promise<OfficeView | undefined> {
    const [d] = await this.docs.find<OfficeDoc>(await this.generation(), 'offices', 'members', accountId, {
      limit: 1,
    });
    return d ? this.view(d.doc, `${d.position.commit}/${d.position.prepare}`, options.reveal) : undefined;
  }

  /**
   * The offices in one status, ordered by office id, `limit` at a time; `after` is the
   * `next` of the page before. What a list shows of each office, without the tax id.
   */
  async byStatus(
    status: OfficeDoc['status'],
    options: { limit: number; after?: string },
  ): Promise<Page<OfficeSummary>> {
    const found = await this.docs.find<OfficeDoc>(await this.generation(), 'offices', 'status', status, {
      limit: options.limit + 1,
      ...(options.after ? { afterId: options.after } : {}),
    });
    const page = found.slice(0, options.limit);
    return {
      items: page.map(({ doc }) => ({
        officeId: doc.officeId,
        name: doc.name,
        npi: doc.npi,
        status: doc.status,
        registeredAt: doc.registeredAt,
        firstAdministrator: doc.firstAdministrator,
        ...(doc.approved ? { approved: doc.approved } : {}),
        users: Object.keys(doc.users).length,
      })),
      ...(found.length > options.limit ? { next: page[page.length - 1].id } : {}),
    };
  }

  private async view(doc: OfficeDoc, asOf: string, reveal: boolean): Promise<OfficeView> {
    const users = Object.entries(doc.users).map(([accountId, u]) => ({ accountId, ...u }));
    return {
      officeId: doc.officeId,
      name: doc.name,
      npi: doc.npi,
      taxId: reveal ? await this.open(doc.officeId, doc.taxIdSealed) : HIDDEN,
      status: doc.status,
      registeredAt: doc.registeredAt,
      firstAdministrator: doc.firstAdministrator,
      ...(doc.approved ? { approved: doc.approved } : {}),
      users,
      administrators: users.filter((u) => u.functions.includes('manage-users')).map((u) => u.accountId),
      grants: doc.grants,
      resets: doc.resets,
      asOf,
    };
  }
}

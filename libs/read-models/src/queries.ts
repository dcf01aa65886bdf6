/**
 * What support and the login lookup read: always the active generation (looked
 * up at most once a second). The history timeline alone reads the event streams
 * (history/timeline.ts), worded at read time. Personal values are
 * opened through the vault only when the caller says the reader is authorised
 * (`reveal`); an erased account's values read as `[erased]`.
 */
import type { DocumentStore, StoredDoc } from '@portal/documents';
import { DomainError } from '@portal/domain';
import { ERASED, type Vault } from '@portal/vault';
import type { AccountDoc, PersonalField } from './accounts/accounts.projection';
import type { ActivationDoc } from './activations/activations.projection';
import { activeGeneration } from './generations';
import { HIDDEN } from './hidden';
import { type HistoryEntry, type HistorySource, readTimeline } from './history/timeline';
import type { Projection } from './model';
import { SealedValues } from './sealed-copies';
import { MIN_PREFIX, type SearchField, type SearchKeys } from './search-keys';

export type SearchQuery =
  | { username: string }
  | { email: string }
  | { memberId: string }
  | { phone: string }
  | { lastName: string; dateOfBirth: string }
  | { lastNamePrefix: string };

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; absent on the last one. */
  next?: string;
}

export type Personal = Partial<Record<PersonalField, unknown>>;

export interface AccountSummary {
  accountId: string;
  /** `erased` once its personal data was erased (the document keeps the status it had then). */
  status: AccountDoc['status'] | 'erased';
  locked: boolean;
  personal: Personal;
}

export interface AccountDetail extends AccountSummary {
  kind?: string;
  /** The provider office, employer group or payer the account belongs to. */
  organisation?: AccountDoc['organisation'];
  registered: boolean;
  registeredAt?: string;
  registeredVia?: string;
  lockedUntil?: string;
  consecutiveFailures: number;
  deactivated?: { at: string; reason: string };
  activation?: AccountDoc['activation'] & { expired: boolean };
  authenticatorEnrolled: boolean;
  /** The account's passkeys (absent when none): how many, and when each was added and last used. */
  passkeys?: NonNullable<AccountDoc['passkeys']>;
  lastLogin?: { at: string; method: string };
  mustChangePassword: boolean;
  emailVerified: boolean;
  erased: boolean;
  /** Position of the last event the read model applied to this account. */
  asOf: string;
}

export class InvalidSearchError extends DomainError<'INVALID_SEARCH'> {
  constructor(fields: Record<string, string>) {
    super('INVALID_SEARCH', 'The search is not valid. Each problem is named in "fields".', fields);
    this.name = 'InvalidSearchError';
  }
}

export class ReadModels {
  private cached?: { generation: number; at: number };
  private readonly open = (accountId: string, sealed: string) => this.vault.open(accountId, sealed);

  constructor(
    private readonly docs: DocumentStore,
    private readonly projections: readonly Projection[],
    private readonly keys: SearchKeys,
    private readonly vault: Vault,
    private readonly events: HistorySource,
    private readonly now: () => number = Date.now,
  ) {}

  async generation(): Promise<number> {
    const t = this.now();
    if (this.cached && t - this.cached.at < 1000) return this.cached.generation;
    const generation = await activeGeneration(this.docs, this.projections);
    this.cached = { generation, at: t };
    return generation;
  }

  /** Login lookup: the accounts a username, email or member id belongs to (a released value can have had several). */
  async lookup(
    field: 'username' | 'email' | 'memberId',
    value: string,
  ): Promise<{ accountId: string; status: AccountDoc['status'] }[]> {
    const term = this.keys.term(field, value);
    if (!term) return [];
    const found = await this.docs.find<AccountDoc>(await this.generation(), 'accounts', 'terms', term, {
      limit: 50,
    });
    return found.map((d) => ({ accountId: d.id, status: d.doc.status }));
  }

  async search(
    query: SearchQuery,
    options: { limit: number; after?: string; reveal: boolean },
  ): Promise<Page<AccountSummary>> {
    const term = this.termOf(query);
    const found = await this.docs.find<AccountDoc>(await this.generation(), 'accounts', 'terms', term, {
      limit: options.limit + 1,
      ...(options.after ? { afterId: options.after } : {}),
    });
    const page = found.slice(0, options.limit);
    const items = await Promise.all(
      page.map((d) => this.summary(d, options.reveal, ['username', 'firstName', 'lastName', 'dateOfBirth'])),
    );
    return { items, ...(found.length > options.limit ? { next: page[page.length - 1].id } : {}) };
  }

  async account(accountId: string, options: { reveal: boolean }): Promise<AccountDetail | undefined> {
    const d = await this.docs.get<AccountDoc>(await this.generation(), 'accounts', accountId);
    if (!d) return undefined;
    const doc = d.doc;
    const summary = await this.summary(d, options.reveal, [
      'username',
      'firstName',
      'lastName',
      'dateOfBirth',
      'email',
      'phone',
      'memberId',
    ]);
    const t = this.now();
    return {
      ...summary,
      registered: doc.registeredAt !== undefined,
      ...(doc.kind ? { kind: doc.kind } : {}),
      ...(doc.organisation ? { organisation: doc.organisation } : {}),
      ...(doc.registeredAt ? { registeredAt: doc.registeredAt } : {}),
      ...(doc.registeredVia ? { registeredVia: doc.registeredVia } : {}),
      ...(summary.locked ? { lockedUntil: doc.lockedUntil } : {}),
      consecutiveFailures: doc.consecutiveFailures,
      ...(doc.deactivated ? { deactivated: doc.deactivated } : {}),
      ...(doc.activation
        ? { activation: { ...doc.activation, expired: Date.parse(doc.activation.expiresAt) <= t } }
        : {}),
      authenticatorEnrolled: doc.authenticator,
      ...(doc.passkeys ? { passkeys: doc.passkeys.map((p) => ({ ...p })) } : {}),
      ...(doc.lastLogin ? { lastLogin: doc.lastLogin } : {}),
      mustChangePassword: doc.mustChangePassword,
      emailVerified: doc.emailVerified,
      erased: doc.erased,
      asOf: `${d.position.commit}/${d.position.prepare}`,
    };
  }

  /**
   * An account's timeline, oldest first: its own events and the staff reads and
   * office events that concern it, in plain words (history/timeline.ts).
   */
  async history(
    accountId: string,
    options: { limit: number; after?: string; reveal: boolean },
  ): Promise<Page<HistoryEntry>> {
    const refs = { docs: this.docs, generation: await this.generation() };
    return readTimeline(this.events, refs, { kind: 'account', accountId }, options);
  }

  /** An office's timeline, oldest first: the events of its stream, in plain words. */
  async officeHistory(
    officeId: string,
    options: { limit: number; after?: string; reveal: boolean },
  ): Promise<Page<HistoryEntry>> {
    return readTimeline(this.events, undefined, { kind: 'office', officeId }, options);
  }

  /** Activation codes issued and not used, replaced or expired, with where their letter is. */
  async activationsInFlight(options: {
    state: ActivationDoc['state'];
    limit: number;
    after?: string;
  }): Promise<Page<ActivationDoc & { expired: boolean }>> {
    const found = await this.docs.find<ActivationDoc>(
      await this.generation(),
      'activations',
      'state',
      options.state,
      {
        limit: options.limit + 1,
        ...(options.after ? { afterId: options.after } : {}),
      },
    );
    const page = found.slice(0, options.limit);
    const t = this.now();
    return {
      items: page.map((d) => ({ ...d.doc, expired: Date.parse(d.doc.expiresAt) <= t })),
      ...(found.length > options.limit ? { next: page[page.length - 1].id } : {}),
    };
  }

  private termOf(query: SearchQuery): string {
    const bad = (field: string, message: string): never => {
      throw new InvalidSearchError({ [field]: message });
    };
    const term = (field: SearchField, value: string, name: string) =>
      this.keys.term(field, value) ?? bad(name, 'Must not be empty.');
    if ('username' in query) return term('username', query.username, 'username');
    if ('email' in query) return term('email', query.email, 'email');
    if ('memberId' in query) return term('memberId', query.memberId, 'memberId');
    if ('phone' in query) return term('phone', query.phone, 'phone');
    if ('lastNamePrefix' in query) {
      const prefixes = this.keys.lastNamePrefixes(query.lastNamePrefix);
      return prefixes.at(-1) ?? bad('lastNamePrefix', `Give at least ${MIN_PREFIX} letters.`);
    }
    return this.keys.lastNameDob(query.lastName, query.dateOfBirth) ?? bad('lastName', 'Must not be empty.');
  }

  private async summary(
    d: StoredDoc<AccountDoc>,
    reveal: boolean,
    fields: PersonalField[],
  ): Promise<AccountSummary> {
    const personal: Personal = {};
    const values = new SealedValues(this.open, d.doc.accountId, d.doc.envelopes);
    for (const f of fields) {
      const sealed = d.doc.sealed[f];
      if (d.doc.erased) personal[f] = ERASED;
      else if (sealed && !reveal) personal[f] = HIDDEN;
      else if (sealed) {
        const value = await values.value(sealed);
        if (value !== undefined) personal[f] = value;
      }
    }
    const lockedUntil = d.doc.lockedUntil ? Date.parse(d.doc.lockedUntil) : 0;
    return {
      accountId: d.doc.accountId,
      status: d.doc.erased ? 'erased' : d.doc.status,
      locked: lockedUntil > this.now(),
      personal,
    };
  }
}

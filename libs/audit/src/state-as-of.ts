/**
 * An account as it stood at a moment of its history: its stream folded up to a
 * revision (inclusive) or up to the last event that happened at or before a time,
 * decoded with the account's key, and shown through the auditor's view (secrets as
 * presence flags, see account-view.ts).
 */
import { accountCodec } from '@portal/accounts';
import { CHAIN_START, type ChainBreak, checkLink } from '@portal/command';
import { type AccountEvent, accountDecider, type AccountPolicy, accountStreamId } from '@portal/domain';
import type { EventStore, RecordedEvent } from '@portal/event-store';
import type { Vault } from '@portal/vault';
import { type AccountStateView, toAuditView } from './account-view';
import { AuditError, AuditErrorCodes, invalidOption } from './errors';
import { isUnreadableEvent, pageSizeOf, pagesOfStream } from './paging';

export interface StateAsOfDeps {
  store: EventStore;
  vault: Vault;
  /** Folding does not depend on it today; passed so the decider is the deployment's. */
  policy?: AccountPolicy;
}

/** At most one of the two; neither means the account as it stands now. */
export type AsOf = { at?: Date; revision?: undefined } | { revision?: bigint; at?: undefined };

export interface AccountStateAsOf {
  accountId: string;
  /** Revision of the last event folded. */
  revision: bigint;
  /** The time asked for, or when the last event folded happened (ISO-8601). */
  asOf: string;
  /** Id and time of the last event folded, so the auditor can find it in the export. */
  lastEvent: { id: string; type: string; occurredAt: string };
  state: AccountStateView;
  /**
   * The first broken hash link among the events folded, if any: the state was then
   * built from events that are not the ones appended (verifyStream says more).
   */
  chainBreak?: ChainBreak;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the options from text (a query string, a command line): `at` an ISO-8601
 * time with a zone, `revision` a whole number; not both.
 */
/** How a time is written for `at`: ISO-8601 with its zone (the HTTP route checks the same). */
export const AS_OF_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const AS_OF_TIME_MESSAGE = 'must be an ISO-8601 time with a zone, e.g. 2026-11-22T10:00:00Z';

export function asOfFromText(input: { at?: string; revision?: string }): AsOf {
  if (input.at !== undefined && input.revision !== undefined)
    throw invalidOption('at', 'give either a time or a revision, not both');
  if (input.at !== undefined) {
    if (!AS_OF_TIME.test(input.at)) throw invalidOption('at', AS_OF_TIME_MESSAGE);
    const when = new Date(input.at);
    if (Number.isNaN(when.getTime())) throw invalidOption('at', 'is not a real date and time');
    return { at: when };
  }
  if (input.revision !== undefined) {
    if (!/^\d{1,19}$/.test(input.revision)) throw invalidOption('revision', 'must be a whole number from 0');
    return { revision: BigInt(input.revision) };
  }
  return {};
}

function checkAsOf(asOf: AsOf): void {
  if (asOf.at !== undefined && asOf.revision !== undefined)
    throw invalidOption('at', 'give either a time or a revision, not both');
  if (asOf.at !== undefined && (!(asOf.at instanceof Date) || Number.isNaN(asOf.at.getTime())))
    throw invalidOption('at', 'must be a valid time');
  if (asOf.revision !== undefined && (typeof asOf.revision !== 'bigint' || asOf.revision < 0n))
    throw invalidOption('revision', 'must be a whole number from 0');
}

/**
 * Events happen in revision order, but `occurredAt` comes from each writer's clock
 * (the API, the worker), so it is not guaranteed to rise: the state "at" a time is
 * the longest prefix of the stream whose events all happened at or before it,
 * never a selection that skips an event, since a fold of a non-prefix is a state
 * the account was never in.
 */
export async function accountStateAsOf(
  deps: StateAsOfDeps,
  accountId: string,
  asOf: AsOf = {},
  options: { pageSize?: number } = {},
): Promise<AccountStateAsOf> {
  if (typeof accountId !== 'string' || !UUID.test(accountId))
    throw invalidOption('accountId', 'must be an account id (a UUID)');
  checkAsOf(asOf);
  const pageSize = pageSizeOf(options.pageSize);
  const at = asOf.at?.getTime();
  const decider = accountDecider(deps.policy);
  const codec = accountCodec(deps.vault);
  const streamId = accountStreamId(accountId);

  let state = decider.initialState();
  let last: RecordedEvent | undefined;
  let chain = CHAIN_START;
  let chainBreak: ChainBreak | undefined;
  let any = false;
  let done = false;
  for await (const page of pagesOfStream(deps.store, streamId, pageSize)) {
    any = true;
    for (const e of page) {
      if (asOf.revision !== undefined && e.revision > asOf.revision) done = true;
      if (done) break;
      // A state past an unreadable event cannot be known; one before it still can (by revision).
      if (isUnreadableEvent(e))
        throw new AuditError(AuditErrorCodes.EVENT_UNREADABLE, `${e.message}. Ask for a revision before it.`);
      if (at !== undefined && !(Date.parse(e.metadata.occurredAt) <= at)) done = true;
      if (done) break;
      if (!chainBreak) {
        const step = checkLink(chain, e);
        if (step.ok) chain = step.cursor;
        else chainBreak = step.break;
      }
      state = decider.evolve(state, await decode(codec, e));
      last = e;
    }
    if (done) break;
  }

  if (!any)
    throw new AuditError(AuditErrorCodes.ACCOUNT_NOT_FOUND, `Account ${accountId} has no events.`, {
      accountId: 'no events for this account',
    });
  if (!last)
    throw new AuditError(
      AuditErrorCodes.BEFORE_FIRST_EVENT,
      `Account ${accountId} has no event at or before ${asOf.at?.toISOString()}.`,
      { at: 'before the account\u2019s first event' },
    );
  if (asOf.revision !== undefined && last.revision !== asOf.revision)
    throw new AuditError(
      AuditErrorCodes.REVISION_NOT_FOUND,
      `Account ${accountId} has no event at revision ${asOf.revision}.`,
      { revision: 'no event at this revision' },
    );

  return {
    accountId,
    revision: last.revision,
    asOf: asOf.at?.toISOString() ?? last.metadata.occurredAt,
    lastEvent: { id: last.id, type: last.type, occurredAt: last.metadata.occurredAt },
    state: toAuditView(state),
    ...(chainBreak ? { chainBreak } : {}),
  };
}

async function decode(codec: ReturnType<typeof accountCodec>, e: RecordedEvent): Promise<AccountEvent> {
  try {
    return await codec.decode(e);
  } catch (error) {
    // The cause's message can quote the data: only its name goes on, with what finds the event.
    const name = error instanceof Error ? error.name : typeof error;
    throw new AuditError(
      AuditErrorCodes.EVENT_UNREADABLE,
      `Event ${e.id} (revision ${e.revision} of ${e.streamId}) cannot be decoded (${name}): its sealed fields were altered, its key cannot be read, or its schema is unknown.`,
    );
  }
}

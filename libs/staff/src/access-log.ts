/**
 * The record of every staff access and every refused attempt, written before the
 * answer leaves:
 *
 * - `StaffAccessed` and `StaffAccessRefused` (403) in the staff member's access
 *   stream `staff-<staffId>:access`;
 * - `StaffAuthenticationFailures` in `staff-refusals`: the 401s (a credential
 *   missing, malformed, unknown, wrong or disabled) and the 429s of addresses over
 *   their limit, counted per source address and minute (RefusalTally) and appended
 *   once that minute has ended, so that no unauthenticated request costs an append.
 *   (`StaffAuthenticationFailed`, one event per 401, is what earlier versions wrote.)
 *
 * Records hold account ids, route patterns and the reason the staff member gave:
 * never a search term, a header value or a token. The request's correlation id,
 * client IP, user agent and actor travel in the event metadata.
 */
import type { CommandContext } from '@portal/command';
import { BatchedAppender, type BatchedAppenderOptions } from './batched-appender';
import {
  type AuthenticationFailure,
  type RefusalCount,
  RefusalTally,
  type RefusalTallyOptions,
  type RefusalWhy,
} from './refusal-tally';
import { canonicalRoles, isStaffId, isStaffRole, type StaffRole } from '@portal/domain';
import { STAFF_REFUSALS_STREAM, staffAccessStreamId } from './staff-id';

/** What the staff member got: data about the account(s), nothing (no match), or an action done on the account. */
export type AccessOutcome = 'shown' | 'not-found' | 'done';
export const ACCESS_OUTCOMES: readonly AccessOutcome[] = ['shown', 'not-found', 'done'];

export type StaffAccessEvent =
  | {
      type: 'StaffAccessed';
      data: {
        route: string;
        accountId?: string;
        accountIds?: string[];
        wholeStore?: true;
        reason: string;
        outcome: AccessOutcome;
      };
    }
  | { type: 'StaffAccessRefused'; data: { route: string; status: 403; required: StaffRole[] } }
  | {
      /** Written by earlier versions, one per 401; still read by audits. */
      type: 'StaffAuthenticationFailed';
      data: { route: string; status: 401; why: AuthenticationFailure; staffId?: string };
    }
  | { type: 'StaffAuthenticationFailures'; data: RefusalCount };

/** One access: which route, which account (or accounts, for a search), why, and what came of it. */
export interface StaffAccess {
  /** The route pattern (`GET /v1/support/accounts/:accountId`), never the URL: a URL can hold a search term. */
  route: string;
  /** The account read or acted on. Exactly one of `accountId`, `accountIds`, `wholeStore`. */
  accountId?: string;
  /** The accounts a search returned (possibly none). */
  accountIds?: string[];
  /** The access covered every stream: an export, a chain check or a replay of the whole store. */
  wholeStore?: true;
  /** Why, as the staff member said (`X-Access-Reason`). */
  reason: string;
  outcome: AccessOutcome;
}

/** A record could not be stored, so the data it would have covered must not be shown. */
export class AccessNotRecordedError extends Error {
  readonly code = 'ACCESS_NOT_RECORDED';
  constructor(override readonly cause: unknown) {
    super('The access could not be recorded.');
    this.name = 'AccessNotRecordedError';
  }
}

/** A caller passed something that must not be recorded (a bug in the caller, not bad input). */
export class AccessRecordInvalidError extends Error {
  readonly code = 'ACCESS_RECORD_INVALID';
  constructor(problem: string) {
    super(`Access record refused: ${problem}`);
    this.name = 'AccessRecordInvalidError';
  }
}

export const MAX_ACCESS_REASON_LENGTH = 200;
/** A search that returns more accounts than this should page. */
export const MAX_ACCOUNT_IDS = 500;
const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONTROL = /\p{Cc}/u;

export interface AccessLogOptions extends BatchedAppenderOptions {
  /** How refusals are counted before they are appended (per source and minute by default). */
  refusals?: RefusalTallyOptions;
  /** How often ended minutes of refusal counts are appended. Default 5 s. */
  refusalFlushMs?: number;
  /**
   * Told when refusal counts could not be appended (they are kept and tried again at the next
   * flush), and when counts were given up because too many were waiting (`lost` refusals).
   */
  onRefusalsNotRecorded?: (error: unknown, lost: number) => void;
}

/** Refusal counts kept for another try while the store does not take them: a few hours of one flooding minute each. */
const MAX_WAITING_COUNTS = 10_000;

export class AccessLog {
  private readonly appender: BatchedAppender;
  private readonly tally: RefusalTally;
  private waiting: RefusalCount[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: AccessLogOptions) {
    this.appender = new BatchedAppender(options);
    this.tally = new RefusalTally(options.refusals);
    this.timer = setInterval(() => void this.flushRefusals(false), options.refusalFlushMs ?? 5_000);
    this.timer.unref();
  }

  /** Records a staff read or action. `ctx.actor` is the staff member (see staffContextOf). */
  async recordAccess(ctx: CommandContext, access: StaffAccess): Promise<void> {
    const staffId = staffOf(ctx);
    checkRoute(access.route);
    const reason = typeof access.reason === 'string' ? access.reason.trim() : '';
    if (reason.length === 0 || reason.length > MAX_ACCESS_REASON_LENGTH || CONTROL.test(reason))
      throw new AccessRecordInvalidError(
        `the reason must be 1 to ${MAX_ACCESS_REASON_LENGTH} characters on one line`,
      );
    if (!ACCESS_OUTCOMES.includes(access.outcome))
      throw new AccessRecordInvalidError(`outcome must be one of ${ACCESS_OUTCOMES.join(', ')}`);
    const scopes = [access.accountId, access.accountIds, access.wholeStore].filter((v) => v !== undefined);
    if (scopes.length !== 1 || (access.wholeStore !== undefined && access.wholeStore !== true))
      throw new AccessRecordInvalidError('give exactly one of accountId, accountIds and wholeStore: true');
    const ids = access.accountIds ?? (access.accountId !== undefined ? [access.accountId] : []);
    if (ids.length > MAX_ACCOUNT_IDS)
      throw new AccessRecordInvalidError(
        `at most ${MAX_ACCOUNT_IDS} account ids in one record; page the search`,
      );
    // Account ids are UUIDs: anything else could be a username, an email or a member id.
    if (!ids.every((id) => typeof id === 'string' && ACCOUNT_ID.test(id)))
      throw new AccessRecordInvalidError('account ids must be account UUIDs, never what was searched for');
    return this.append(staffAccessStreamId(staffId), ctx, {
      type: 'StaffAccessed',
      data: {
        route: access.route,
        ...(access.accountId !== undefined ? { accountId: access.accountId } : {}),
        ...(access.accountIds !== undefined ? { accountIds: [...access.accountIds] } : {}),
        ...(access.wholeStore ? { wholeStore: true as const } : {}),
        reason,
        outcome: access.outcome,
      },
    });
  }

  /** Records a 403: a known, enabled staff member without any of the roles the route admits. */
  async recordForbidden(
    ctx: CommandContext,
    refusal: { route: string; required: readonly StaffRole[] },
  ): Promise<void> {
    const staffId = staffOf(ctx);
    checkRoute(refusal.route);
    if (refusal.required.length === 0 || !refusal.required.every(isStaffRole))
      throw new AccessRecordInvalidError('required roles must be some of support, auditor, admin');
    return this.append(staffAccessStreamId(staffId), ctx, {
      type: 'StaffAccessRefused',
      data: { route: refusal.route, status: 403, required: canonicalRoles(refusal.required) },
    });
  }

  /**
   * Counts a refused request: a 401 (`why` says what was wrong with the credential) or a
   * 429 of an address over its limit (`rate-limited`, the credential unchecked). Nothing is
   * written now: the counts of each source address and minute become one
   * `StaffAuthenticationFailures` event once the minute has ended (or at `drain()`).
   * `staffId` only when the token named a staff member who exists (wrong secret,
   * disabled): an unknown id is whatever the caller typed.
   */
  recordAuthenticationFailure(
    source: string,
    failure: { route: string; why: RefusalWhy; staffId?: string },
  ): void {
    checkRoute(failure.route);
    if (failure.staffId !== undefined && !isStaffId(failure.staffId))
      throw new AccessRecordInvalidError('staffId must be a staff id');
    if (typeof source !== 'string' || source.length === 0 || source.length > 64 || CONTROL.test(source))
      throw new AccessRecordInvalidError('source must be a client address');
    this.tally.add(source, failure);
  }

  /** Appends the counts of ended minutes (every minute with `all`), with those an earlier flush could not store. */
  private flushRefusals(all: boolean): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const counts = [...this.waiting, ...this.tally.take(all)];
      this.waiting = [];
      if (counts.length === 0) return;
      try {
        await Promise.all(
          counts.map((count) =>
            this.appender.append(STAFF_REFUSALS_STREAM, {
              type: 'StaffAuthenticationFailures',
              data: { ...count },
              context: {
                correlationId: `staff-refusals-${count.from}`,
                actor: { kind: 'system', component: 'staff-guard' },
                occurredAt: new Date(count.to),
                ...(isAddress(count.source) ? { clientIp: count.source } : {}),
              },
            }),
          ),
        );
      } catch (error) {
        // Kept and tried again at the next flush. If the store had in fact taken an append it did not
        // confirm, a count may then appear twice; it is never lost without a word.
        const kept = counts.slice(0, MAX_WAITING_COUNTS);
        const lost = counts.slice(MAX_WAITING_COUNTS).reduce((n, c) => n + c.count, 0);
        this.waiting = kept;
        this.options.onRefusalsNotRecorded?.(error, lost);
      }
    });
    return this.flushing;
  }

  /** Appends every refusal counted so far and waits for every record handed over (shutdown, tests). */
  async drain(): Promise<void> {
    await this.flushRefusals(true);
    await this.appender.drain();
  }

  /** Stops the timer that appends refusal counts; `drain()` first to keep them. */
  close(): void {
    clearInterval(this.timer);
  }

  private async append(streamId: string, ctx: CommandContext, event: StaffAccessEvent): Promise<void> {
    try {
      await this.appender.append(streamId, { type: event.type, data: event.data, context: ctx });
    } catch (error) {
      throw new AccessNotRecordedError(error);
    }
  }
}

function isAddress(source: string): boolean {
  return /^[0-9a-fA-F.:]+$/.test(source);
}

function staffOf(ctx: CommandContext): string {
  if (ctx.actor.kind !== 'staff' || !isStaffId(ctx.actor.staffId))
    throw new AccessRecordInvalidError('the actor must be the staff member (staffContextOf)');
  return ctx.actor.staffId;
}

function checkRoute(route: string): void {
  if (typeof route !== 'string' || route.length === 0 || route.length > 200 || CONTROL.test(route))
    throw new AccessRecordInvalidError('route must be the route pattern, 1 to 200 characters');
}

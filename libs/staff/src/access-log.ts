/**
 * The record of every staff access and every refused attempt, written before the
 * answer leaves:
 *
 * - `StaffAccessed` and `StaffAccessRefused` (403) in the staff member's access
 *   stream `staff-<staffId>:access`;
 * - `StaffAuthenticationFailed` (401) in `staff-refusals`, one stream for every
 *   credential that was missing, malformed, unknown, wrong or disabled.
 *
 * Records hold account ids, route patterns and the reason the staff member gave:
 * never a search term, a header value or a token. The request's correlation id,
 * client IP, user agent and actor travel in the event metadata.
 */
import type { CommandContext } from '@portal/command';
import { type EventMetadata, newEventId as defaultEventId } from '@portal/event-store';
import { ChainedAppender, type ChainedAppenderOptions } from './chained-appender';
import { canonicalRoles, isStaffRole, type StaffRole } from './roles';
import { isStaffId, STAFF_REFUSALS_STREAM, staffAccessStreamId } from './staff-id';

/** What the staff member got: data about the account(s), nothing (no match), or an action done on the account. */
export type AccessOutcome = 'shown' | 'not-found' | 'done';
export const ACCESS_OUTCOMES: readonly AccessOutcome[] = ['shown', 'not-found', 'done'];

export type AuthenticationFailure = 'missing' | 'malformed' | 'unknown' | 'wrong-secret' | 'disabled';

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
      type: 'StaffAuthenticationFailed';
      data: { route: string; status: 401; why: AuthenticationFailure; staffId?: string };
    };

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

export interface AccessLogOptions extends ChainedAppenderOptions {
  newEventId?: () => string;
}

export class AccessLog {
  private readonly appender: ChainedAppender;
  private readonly newEventId: () => string;

  constructor(options: AccessLogOptions) {
    this.appender = new ChainedAppender(options);
    this.newEventId = options.newEventId ?? (() => defaultEventId());
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
   * Records a 401. `staffId` only when the token named a staff member who exists
   * (wrong secret, disabled): an unknown id is whatever the caller typed.
   */
  async recordAuthenticationFailure(
    ctx: CommandContext,
    failure: { route: string; why: AuthenticationFailure; staffId?: string },
  ): Promise<void> {
    checkRoute(failure.route);
    if (failure.staffId !== undefined && !isStaffId(failure.staffId))
      throw new AccessRecordInvalidError('staffId must be a staff id');
    return this.append(STAFF_REFUSALS_STREAM, ctx, {
      type: 'StaffAuthenticationFailed',
      data: {
        route: failure.route,
        status: 401,
        why: failure.why,
        ...(failure.staffId !== undefined ? { staffId: failure.staffId } : {}),
      },
    });
  }

  /** Waits for every record handed over so far (shutdown). */
  drain(): Promise<void> {
    return this.appender.drain();
  }

  private async append(streamId: string, ctx: CommandContext, event: StaffAccessEvent): Promise<void> {
    try {
      await this.appender.append(streamId, {
        id: this.newEventId(),
        type: event.type,
        data: event.data,
        metadata: metadataOf(ctx),
      });
    } catch (error) {
      throw new AccessNotRecordedError(error);
    }
  }
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

function metadataOf(ctx: CommandContext): EventMetadata {
  return {
    correlationId: ctx.correlationId,
    ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
    actor: ctx.actor,
    occurredAt: ctx.occurredAt.toISOString(),
    schemaVersion: 1,
    ...(ctx.clientIp ? { clientIp: ctx.clientIp } : {}),
    ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}),
  };
}

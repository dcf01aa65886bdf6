/**
 * What a staff route reads from its request: who (set by StaffGuard), why
 * (`X-Access-Reason`), which route, and the metadata every event of the request
 * carries.
 */
import type { CommandContext } from '@portal/command';
import type { Actor } from '@portal/event-store';
import { MAX_ACCESS_REASON_LENGTH, type StaffAccess, type StaffRole } from '@portal/staff';
import { ReasonInvalidError, ReasonRequiredError } from './staff.errors';

/** The staff member a request was admitted for. */
export interface StaffPrincipal {
  staffId: string;
  roles: StaffRole[];
  /** The role that admitted the request: the first of the route's roles the staff member holds. */
  role: StaffRole;
}

/** The parts of a Fastify request staff routes use. */
export interface StaffRequest {
  id: string;
  ip: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
  /** Set by StaffGuard on every route under @StaffOnly. */
  staff?: StaffPrincipal;
}

export const ACCESS_REASON_HEADER = 'X-Access-Reason';

/** `GET /v1/support/accounts/:accountId`: the pattern, never the URL (a URL can hold what was searched for). */
export function routeOf(req: StaffRequest): string {
  return `${req.method ?? 'GET'} ${req.routeOptions?.url ?? 'unmatched'}`;
}

/** Correlation id, client IP and user agent, with the given actor. */
export function requestContextOf(req: StaffRequest, actor: Actor): CommandContext {
  const ua = req.headers['user-agent'];
  return {
    correlationId: req.id,
    actor,
    occurredAt: new Date(),
    clientIp: req.ip,
    ...(typeof ua === 'string' ? { userAgent: ua.slice(0, 256) } : {}),
  };
}

const contexts = new WeakMap<StaffRequest, CommandContext>();

/**
 * The context of commands and records made for the staff member (actor `{ kind: 'staff', staffId, role }`):
 * one per request, so that a route's command and its access record carry the same instant.
 */
export function staffContextOf(req: StaffRequest): CommandContext {
  if (!req.staff) throw new Error('staffContextOf needs a route under @StaffOnly(...)');
  let ctx = contexts.get(req);
  if (!ctx) {
    ctx = requestContextOf(req, { kind: 'staff', staffId: req.staff.staffId, role: req.staff.role });
    contexts.set(req, ctx);
  }
  return ctx;
}

/**
 * Why the staff member is reading this account: the `X-Access-Reason` header,
 * 1 to 200 characters on one line. Read before anything is (by @RecordsAccess): a
 * missing reason is 400 REASON_REQUIRED, a bad one 400 REASON_INVALID.
 */
export function reasonOf(req: StaffRequest): string {
  const raw = req.headers[ACCESS_REASON_HEADER.toLowerCase()];
  if (raw === undefined) throw new ReasonRequiredError();
  if (typeof raw !== 'string') throw new ReasonInvalidError();
  const reason = raw.trim();
  if (reason === '') throw new ReasonRequiredError();
  if (reason.length > MAX_ACCESS_REASON_LENGTH || /\p{Cc}/u.test(reason)) throw new ReasonInvalidError();
  return reason;
}

/**
 * The record of this request's access, for AccessLog.recordAccess: the route and
 * the reason come from the request, the account(s) and outcome from the handler.
 * Routes do not call it: @RecordsAccess (records-access.ts) does.
 */
export function staffAccessOf(
  req: StaffRequest,
  what: Pick<StaffAccess, 'accountId' | 'accountIds' | 'wholeStore' | 'outcome'>,
): StaffAccess {
  return { route: routeOf(req), reason: reasonOf(req), ...what };
}

/**
 * `@StaffOnly('support', 'admin')` admits a request carrying
 * `Authorization: Bearer stf_<staffId>_<secret>` of an enabled staff member who
 * holds any one of the named roles, and sets `req.staff`. Without an Authorization
 * header, the console's session cookie (`staff_session`, staff-sessions.ts) is taken
 * instead; on a method other than GET/HEAD it must come with an `X-Requested-With`
 * header (a cross-site form cannot set one; SameSite=Strict is the other half).
 *
 * Refusals:
 * - 401 STAFF_UNAUTHENTICATED, one answer whatever was wrong. Which it was is counted
 *   per source address and minute and appended to `staff-refusals` once the minute
 *   ends (AccessLog): a caller without a credential never costs an append of its own.
 * - 429 RATE_LIMITED once an address has had RATE_LIMIT_IP_PER_MINUTE refused
 *   credentials in a minute: until the window ends, its requests are refused before
 *   any credential is checked (and counted as `rate-limited`). Valid credentials do
 *   not use up the allowance.
 * - 403 STAFF_FORBIDDEN, recorded in the staff member's access stream before it is
 *   answered; if that record cannot be stored the answer is 503, never an unrecorded 403.
 */
import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AppConfig } from '@portal/config';
import type { Logger } from '@portal/observability';
import type { RateLimiter } from '@portal/ratelimit';
import { APP_CONFIG, LOGGER, RATE_LIMITER } from '@portal/runtime';
import {
  AccessLog,
  type Authentication,
  isStaffRole,
  type RefusalWhy,
  StaffDirectory,
  type StaffRole,
} from '@portal/staff';
import { ACCESS_REASON_HEADER, requestContextOf, routeOf, type StaffRequest } from './staff-request';
import { StaffForbiddenError, StaffUnauthenticatedError } from './staff.errors';
import { cookieOf, SESSION_COOKIE, StaffSessions } from './staff-sessions';

type Reply = { header(name: string, value: string): void };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const REQUIRED_ROLES = Symbol('staff-roles');

/** Admits staff holding any one of `roles`. On a controller or a route; the route's wins. */
export function StaffOnly(...roles: [StaffRole, ...StaffRole[]]) {
  if (roles.length === 0 || !roles.every(isStaffRole))
    throw new Error(`@StaffOnly needs roles among support, auditor, admin (got ${JSON.stringify(roles)})`);
  return applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    UseGuards(StaffGuard),
    ApiBearerAuth('staff'),
    ApiUnauthorizedResponse({ description: 'No valid staff credential: 401 STAFF_UNAUTHENTICATED.' }),
    ApiForbiddenResponse({ description: `Needs one of the roles ${roles.join(', ')}: 403 STAFF_FORBIDDEN.` }),
    ApiTooManyRequestsResponse({
      description: 'Too many refused credentials from this address: 429 RATE_LIMITED, with Retry-After.',
    }),
  );
}

/** Documents, in the OpenAPI page, the X-Access-Reason a route reads (part of @RecordsAccess). */
export function ApiAccessReason() {
  return applyDecorators(
    ApiHeader({
      name: ACCESS_REASON_HEADER,
      required: true,
      description:
        'Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data.',
    }),
    ApiBadRequestResponse({ description: 'No reason given: 400 REASON_REQUIRED (or REASON_INVALID).' }),
  );
}

/** The token after `Bearer `, or undefined when there is no such header. */
export function bearerOf(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer[ \t]+(\S*)[ \t]*$/i.exec(header);
  // A header that is there but is not a bearer token is malformed rather than missing.
  return m ? m[1] : header.trim() === '' ? undefined : header;
}

/** Addresses over their limit remembered in this process, so that their requests are refused unchecked. */
const MAX_BLOCKED_ADDRESSES = 10_000;

@Injectable()
export class StaffGuard implements CanActivate {
  /** Address → when its window ends (ms since the epoch). */
  private readonly blocked = new Map<string, number>();
  private limiterDown = false;

  constructor(
    private readonly reflector: Reflector,
    private readonly directory: StaffDirectory,
    private readonly accessLog: AccessLog,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sessions: StaffSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Fail closed: the guard without roles is a wiring mistake, never an open door.
    if (!required || required.length === 0) throw new Error('StaffGuard used without @StaffOnly(...roles)');
    const http = context.switchToHttp();
    const req = http.getRequest<StaffRequest>();
    const reply = http.getResponse<{ header(name: string, value: string): void }>();
    const route = routeOf(req);

    this.refuseIfBlocked(req, reply, route);

    const token = cookieOf(req.headers.cookie, SESSION_COOKIE);
    const auth =
      req.headers.authorization === undefined && token !== undefined
        ? await this.sessionOf(req, token)
        : await this.directory.authenticate(bearerOf(req.headers.authorization));
    if (!auth.ok) return await this.refuse(req, reply, { route, why: auth.why, staffId: auth.staffId });

    const role = required.find((r) => auth.roles.includes(r));
    if (!role) {
      await this.accessLog.recordForbidden(requestContextOf(req, { kind: 'staff', staffId: auth.staffId }), {
        route,
        required,
      });
      throw new StaffForbiddenError();
    }
    req.staff = { staffId: auth.staffId, roles: auth.roles, role };
    return true;
  }

  /** 429 while the address is over its limit of refused credentials: nothing else is checked. */
  refuseIfBlocked(req: StaffRequest, reply: Reply, route: string): void {
    const until = this.blocked.get(req.ip);
    if (until === undefined) return;
    if (until > Date.now()) {
      this.accessLog.recordAuthenticationFailure(req.ip, { route, why: 'rate-limited' });
      throw tooMany(reply, until - Date.now());
    }
    this.blocked.delete(req.ip);
  }

  /**
   * Records a refused credential (or sign-in), counts it against the address, and throws:
   * 429 once over the limit, else the one 401 whatever was wrong.
   */
  async refuse(
    req: StaffRequest,
    reply: Reply,
    failure: { route: string; why: RefusalWhy; staffId?: string | undefined },
  ): Promise<never> {
    this.accessLog.recordAuthenticationFailure(req.ip, {
      route: failure.route,
      why: failure.why,
      ...(failure.staffId !== undefined ? { staffId: failure.staffId } : {}),
    });
    const resetMs = await this.overLimit(req.ip);
    if (resetMs !== undefined) throw tooMany(reply, resetMs);
    reply.header('WWW-Authenticate', 'Bearer');
    throw new StaffUnauthenticatedError();
  }

  /** The staff member of a live console session, as enabled now (the stream is read on every request). */
  private async sessionOf(
    req: StaffRequest,
    token: string,
  ): Promise<Authentication | { ok: false; why: RefusalWhy; staffId?: string }> {
    if (!SAFE_METHODS.has((req.method ?? 'GET').toUpperCase()) && !req.headers['x-requested-with'])
      return { ok: false, why: 'no-csrf-header' };
    const found = await this.sessions.use(token);
    if (!found.ok) return { ok: false, why: 'session-ended' };
    const { staffId } = found.session;
    const member = await this.directory.get(staffId);
    if (!member || member.status !== 'active') {
      await this.sessions.end(token);
      return { ok: false, why: 'disabled', staffId };
    }
    return { ok: true, staffId, roles: member.roles };
  }

  /**
   * Counts a refused credential against its address (shared by every API instance when the
   * limiter is Redis). Answers how long the address stays refused once it is over the limit.
   */
  private async overLimit(ip: string): Promise<number | undefined> {
    const limit = this.config.rateLimits.perIpPerMinute;
    if (limit === 0) return undefined;
    let result;
    try {
      result = await this.limiter.hit(`staff:refused:ip:${ip}`, { limit, windowMs: 60_000 });
    } catch (error) {
      // As on the portal routes: the 401 still holds, only the limit is missing while the limiter is away.
      if (!this.limiterDown)
        this.logger.error(
          { errorName: (error as Error).name },
          'rate limiter unavailable: refused staff credentials are not limited',
        );
      this.limiterDown = true;
      return undefined;
    }
    this.limiterDown = false;
    if (result.allowed) return undefined;
    if (this.blocked.size >= MAX_BLOCKED_ADDRESSES) {
      const now = Date.now();
      for (const [address, end] of this.blocked) if (end <= now) this.blocked.delete(address);
    }
    // When still full, the address is not remembered: its next refusal asks the limiter again.
    if (this.blocked.size < MAX_BLOCKED_ADDRESSES) this.blocked.set(ip, Date.now() + result.resetMs);
    return result.resetMs;
  }
}

function tooMany(reply: Reply, resetMs: number): HttpException {
  const seconds = Math.max(1, Math.ceil(resetMs / 1000));
  reply.header('Retry-After', String(seconds));
  return new HttpException(
    `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    429,
  );
}

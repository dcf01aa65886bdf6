/**
 * `@StaffOnly('support', 'admin')` admits a request carrying
 * `Authorization: Bearer stf_<staffId>_<secret>` of an enabled staff member who
 * holds any one of the named roles, and sets `req.staff`. Every refusal is
 * recorded before it is answered: 401 STAFF_UNAUTHENTICATED (one answer whatever
 * was wrong; which it was goes to `staff-refusals`) and 403 STAFF_FORBIDDEN (in the
 * staff member's access stream). If the record cannot be stored the answer is 503,
 * never an unrecorded 401/403.
 */
import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
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
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AccessLog, isStaffRole, StaffDirectory, type StaffRole } from '@portal/staff';
import { ACCESS_REASON_HEADER, requestContextOf, routeOf, type StaffRequest } from './staff-request';
import { StaffForbiddenError, StaffUnauthenticatedError } from './staff.errors';

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
  );
}

/** Documents, in the OpenAPI page, the X-Access-Reason a route reads with reasonOf(req). */
export function ApiAccessReason() {
  return applyDecorators(
    ApiHeader({
      name: ACCESS_REASON_HEADER,
      required: true,
      description:
        'Why this account is being read: 1 to 200 characters, a ticket number and a few words, no personal data.',
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

@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly directory: StaffDirectory,
    private readonly accessLog: AccessLog,
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
    const route = routeOf(req);

    const auth = await this.directory.authenticate(bearerOf(req.headers.authorization));
    if (!auth.ok) {
      await this.accessLog.recordAuthenticationFailure(requestContextOf(req, { kind: 'anonymous' }), {
        route,
        why: auth.why,
        ...(auth.staffId !== undefined ? { staffId: auth.staffId } : {}),
      });
      http.getResponse<{ header(name: string, value: string): void }>().header('WWW-Authenticate', 'Bearer');
      throw new StaffUnauthenticatedError();
    }

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
}

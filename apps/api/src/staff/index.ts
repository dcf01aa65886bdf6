/** The staff edge of the API: what support and audit controllers need. */
export {
  AccessLog,
  type AccessOutcome,
  type StaffAccess,
  StaffDirectory,
  type StaffRole,
} from '@portal/staff';
export { ApiAccessReason, bearerOf, StaffGuard, StaffOnly } from './staff.guard';
export {
  ACCESS_REASON_HEADER,
  reasonOf,
  requestContextOf,
  routeOf,
  staffAccessOf,
  staffContextOf,
  type StaffPrincipal,
  type StaffRequest,
} from './staff-request';
export {
  ReasonInvalidError,
  ReasonRequiredError,
  StaffForbiddenError,
  StaffUnauthenticatedError,
} from './staff.errors';
export { StaffModule } from './staff.module';

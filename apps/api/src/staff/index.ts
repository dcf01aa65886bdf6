/**
 * The staff edge of the API: what the support, offices, admin and audit areas share
 * (the guard, access recording, the page of a list, the office read model).
 */
export { type StaffRole } from '@portal/staff';
export { StaffOnly } from './staff.guard';
// The reason header and the access record are read and written by @RecordsAccess only.
export { staffContextOf, type StaffPrincipal, type StaffRequest } from './staff-request';
export {
  ReasonInvalidError,
  ReasonRequiredError,
  StaffForbiddenError,
  StaffUnauthenticatedError,
} from './staff.errors';
export { StaffModule } from './staff.module';
export { officeBlockOf, officeReadModelOf } from './office-read-model';
export { HistoryRequest, PageRequest } from './page.request';
export {
  Accessed,
  type AccessRecord,
  type AccessScope,
  listed,
  NOTHING_THERE,
  RecordsAccess,
  type RecordedRequest,
  theAccount,
} from './records-access';

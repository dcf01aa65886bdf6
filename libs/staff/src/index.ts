/**
 * @portal/staff: staff credentials (support, auditor, admin) as event-sourced
 * entities, and the access log that records every staff access and every refused
 * attempt. Owns the `staff-*` streams. May import only Node's crypto, @portal/domain,
 * @portal/command and @portal/event-store; knows nothing of Nest or HTTP (the guard
 * lives in apps/api/src/staff).
 */
export * from './access-log';
export { type AppendRecord, BatchedAppender, type BatchedAppenderOptions } from './batched-appender';
export {
  hashesMatch,
  newStaffSecret,
  parseStaffToken,
  STAFF_TOKEN_PREFIX,
  staffSecretHash,
  staffToken,
} from './credential';
export * from './refusal-tally';
export * from './staff-directory';
export * from './staff-id';
// The roles and the staff-id rule are the domain's (libs/domain/src/staff); re-exported for the API's staff routes and CLI.
export {
  canonicalRoles,
  isStaffId,
  isStaffRole,
  STAFF_ID_PATTERN,
  STAFF_ROLES,
  staffIdProblem,
  type StaffRole,
} from '@portal/domain';
export * from './staff-sign-in';

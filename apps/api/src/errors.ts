import type { AuditErrorCode } from '@portal/audit';
import type { ErrorCode, OfficeErrorCode } from '@portal/domain';
import type {
  InvalidCursorError,
  InvalidSearchError,
  ReadModelRequestNotFoundError,
  RebuildInProgressError,
} from '@portal/read-models';
import type { SecretTooLongError } from '@portal/security';

/** Every coded error the portal's routes can meet: the domain's, the libs' and the API's own. */
export type PortalErrorCode =
  | ErrorCode
  | OfficeErrorCode
  | AuditErrorCode
  | InvalidSearchError['code']
  | InvalidCursorError['code']
  | RebuildInProgressError['code']
  | ReadModelRequestNotFoundError['code']
  | SecretTooLongError['code']
  // The API's own: the session guard's and the dead-letter routes'.
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'QUEUE_UNKNOWN'
  | 'DEAD_JOB_NOT_FOUND'
  | 'DEAD_LETTERS_UNAVAILABLE';

/**
 * HTTP status of each error code the portal can meet, keyed by the code type: a code
 * without a status, or a status for no code, fails to compile. (A code from elsewhere
 * still answers 422 at run time.)
 */
export const PORTAL_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_CREDENTIALS: 401,
  CODE_INVALID: 401,
  CODE_EXPIRED: 401,
  CODE_ATTEMPTS_EXCEEDED: 401,
  LOGIN_NOT_STARTED: 401,
  CURRENT_PASSWORD_WRONG: 401,
  USERNAME_TAKEN: 409,
  EMAIL_TAKEN: 409,
  MEMBER_ALREADY_REGISTERED: 409,
  ALREADY_REGISTERED: 409,
  RESEND_LIMIT_REACHED: 429,
  ROSTER_MISMATCH: 422,
  IDENTITY_MISMATCH: 422,
  SECRET_TOO_LONG: 400,
  AUTHENTICATOR_CODE_INVALID: 401,
  ACCOUNT_LOCKED: 401,
  AUTHENTICATOR_NOT_ENROLLED: 401,
  RESET_NOT_ALLOWED: 403,
  RESET_NOT_STARTED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  USERNAME_REQUIRED: 403,
  // AUTHENTICATOR_REQUIRED=true and no app enrolled: the right password, refused like USERNAME_REQUIRED.
  AUTHENTICATOR_REQUIRED: 403,
  USERNAME_ALREADY_CREATED: 409,
  SECURITY_ANSWER_WRONG: 422,
  ACCOUNT_DEACTIVATED: 403,
  ACTIVATION_CODE_INVALID: 422,
  ACTIVATION_CODE_EXPIRED: 422,
  ACTIVATION_CODE_ATTEMPTS_EXCEEDED: 422,
  REACTIVATION_INVALID: 422,
  REACTIVATION_EXPIRED: 422,
  REACTIVATION_NOT_POSSIBLE: 409,
  // A command on an account not (or no longer) registered, or erased.
  NOT_REGISTERED: 422,
  ERASED: 422,
  EMAIL_CHANGE_NOT_STARTED: 409,
  // Support, audit and admin routes.
  ACCOUNT_NOT_FOUND: 404,
  INVALID_SEARCH: 400,
  INVALID_CURSOR: 400,
  NOT_LOCKED: 409,
  QUEUE_UNKNOWN: 400,
  DEAD_JOB_NOT_FOUND: 404,
  DEAD_LETTERS_UNAVAILABLE: 503,
  REBUILD_IN_PROGRESS: 409,
  READ_MODEL_REQUEST_NOT_FOUND: 404,
  AUDIT_INVALID_OPTIONS: 400,
  AUDIT_ACCOUNT_NOT_FOUND: 404,
  AUDIT_STREAM_NOT_FOUND: 404,
  AUDIT_BEFORE_FIRST_EVENT: 404,
  AUDIT_REVISION_NOT_FOUND: 404,
  AUDIT_EVENT_UNREADABLE: 500,
  // Provider offices, employers, producers and payers.
  OFFICE_NOT_FOUND: 404,
  OFFICE_USER_NOT_FOUND: 404,
  OFFICE_ALREADY_REGISTERED: 409,
  OFFICE_ALREADY_APPROVED: 409,
  OFFICE_NOT_APPROVED: 403,
  OFFICE_USER_EXISTS: 409,
  FUNCTION_NOT_GRANTED: 403,
  LAST_ADMINISTRATOR: 409,
  // Passkeys.
  PASSKEY_REFUSED: 401,
  PASSKEY_CHALLENGE_INVALID: 401,
  PASSKEY_SIGN_COUNT_REGRESSED: 401,
  PASSKEY_USER_VERIFICATION_REQUIRED: 401,
  PASSKEY_UNKNOWN: 401,
  PASSKEY_NOT_FOUND: 404,
  PASSKEY_ALREADY_REGISTERED: 409,
  STEP_UP_REQUIRED: 403,
  PASSWORDLESS_DISABLED: 403,
} satisfies Record<PortalErrorCode, number>;

import { DomainError } from '../decider';

/**
 * Every code the Office decider can refuse with; the API maps them to HTTP in its
 * one table. A user of another office is OFFICE_USER_NOT_FOUND, the same answer
 * as an id that exists nowhere, so an administrator cannot find out who else
 * has an account.
 */
export const OfficeErrorCodes = {
  OFFICE_NOT_FOUND: 'OFFICE_NOT_FOUND',
  OFFICE_ALREADY_REGISTERED: 'OFFICE_ALREADY_REGISTERED',
  OFFICE_ALREADY_APPROVED: 'OFFICE_ALREADY_APPROVED',
  OFFICE_NOT_APPROVED: 'OFFICE_NOT_APPROVED',
  FUNCTION_NOT_GRANTED: 'FUNCTION_NOT_GRANTED',
  OFFICE_USER_NOT_FOUND: 'OFFICE_USER_NOT_FOUND',
  OFFICE_USER_EXISTS: 'OFFICE_USER_EXISTS',
  LAST_ADMINISTRATOR: 'LAST_ADMINISTRATOR',
  OFFICE_VALIDATION_FAILED: 'VALIDATION_FAILED',
} as const;

export type OfficeErrorCode = (typeof OfficeErrorCodes)[keyof typeof OfficeErrorCodes];

const error = <C extends OfficeErrorCode>(code: C, message: string, fields?: Record<string, string>) =>
  new DomainError<C>(code, message, fields);
const C = OfficeErrorCodes;

/** The one factory per refusal of an Office: code, message and field hints in one place. */
export const OfficeErrors = {
  validationFailed: (fields: Record<string, string>) =>
    error(C.OFFICE_VALIDATION_FAILED, 'Some fields need attention. Each is named in "fields".', fields),
  notFound: () => error(C.OFFICE_NOT_FOUND, 'No office with this id.'),
  alreadyRegistered: () => error(C.OFFICE_ALREADY_REGISTERED, 'This office is already registered.'),
  /** Another office holds this NPI (libs/command's reservations). */
  npiTaken: () =>
    error(C.OFFICE_ALREADY_REGISTERED, 'An office with this NPI is already registered.', {
      npi: 'An office with this NPI is already registered.',
    }),
  alreadyApproved: () =>
    error(C.OFFICE_ALREADY_APPROVED, 'This office and its administrator are already approved.'),
  /** `this`: said of the office acted on; `your`: to its own pending administrator. */
  notApproved: (whose: 'this' | 'your' = 'this') =>
    error(C.OFFICE_NOT_APPROVED, `The plan has not approved ${whose} office’s ID administrator yet.`),
  functionNotGranted: () =>
    error(C.FUNCTION_NOT_GRANTED, 'Your office has not given you access to manage users.'),
  userNotFound: () => error(C.OFFICE_USER_NOT_FOUND, 'No user with this id in your office.'),
  userExists: () => error(C.OFFICE_USER_EXISTS, 'This user is already in your office.'),
  lastAdministrator: () =>
    error(
      C.LAST_ADMINISTRATOR,
      'This is the office’s last ID administrator. Grant manage-users to someone else first.',
    ),
} as const;

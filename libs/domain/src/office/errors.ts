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

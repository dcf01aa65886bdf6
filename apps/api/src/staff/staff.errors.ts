/**
 * The staff edge's refusals. Each carries a stable code that ErrorShapeFilter
 * (libs/runtime/src/http/errors.ts) maps to its status and one fixed message, so
 * that a 401 says the same whatever was wrong with the credential.
 */

/** 401: the credential is missing, malformed, unknown, wrong or disabled (which one is recorded, not told). */
export class StaffUnauthenticatedError extends Error {
  readonly code = 'STAFF_UNAUTHENTICATED';
  constructor() {
    super('A valid staff credential is required.');
    this.name = 'StaffUnauthenticatedError';
  }
}

/** 403: a valid credential without any of the roles the route admits. */
export class StaffForbiddenError extends Error {
  readonly code = 'STAFF_FORBIDDEN';
  constructor() {
    super('This staff role does not allow this.');
    this.name = 'StaffForbiddenError';
  }
}

/** 400: a read of an account without the X-Access-Reason header. */
export class ReasonRequiredError extends Error {
  readonly code = 'REASON_REQUIRED';
  constructor() {
    super('Say why in the X-Access-Reason header.');
    this.name = 'ReasonRequiredError';
  }
}

/** What a reason may be. HTTP header values are bytes, read as Latin-1: UTF-8 beyond ASCII arrives garbled, often as control characters. */
export const REASON_RULE =
  'The X-Access-Reason header must be 1 to 200 characters on one line, in plain ASCII (letters, digits, punctuation).';

/** 400: an X-Access-Reason that is too long, repeated, or not one line of text. */
export class ReasonInvalidError extends Error {
  readonly code = 'REASON_INVALID';
  constructor() {
    super(REASON_RULE);
    this.name = 'ReasonInvalidError';
  }
}

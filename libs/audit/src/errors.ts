/**
 * Audit errors carry a stable code and, for bad input, the name of the option at
 * fault. They extend DomainError so the HTTP edge maps them like every other coded
 * error (one table of statuses). Messages hold ids and revisions only, never
 * personal data.
 */
import { DomainError } from '@portal/domain';

export const AuditErrorCodes = {
  /** An option is missing, malformed or contradicts another; `fields` names it. */
  INVALID_OPTIONS: 'AUDIT_INVALID_OPTIONS',
  /** The account's stream has no events. */
  ACCOUNT_NOT_FOUND: 'AUDIT_ACCOUNT_NOT_FOUND',
  /** The stream asked for has no events. */
  STREAM_NOT_FOUND: 'AUDIT_STREAM_NOT_FOUND',
  /** The account's first event happened after the time asked for. */
  BEFORE_FIRST_EVENT: 'AUDIT_BEFORE_FIRST_EVENT',
  /** The revision asked for is past the stream's last event. */
  REVISION_NOT_FOUND: 'AUDIT_REVISION_NOT_FOUND',
  /** A stored event could not be decoded (its sealed fields were altered, or its schema is unknown). */
  EVENT_UNREADABLE: 'AUDIT_EVENT_UNREADABLE',
} as const;

export type AuditErrorCode = (typeof AuditErrorCodes)[keyof typeof AuditErrorCodes];

export class AuditError extends DomainError<AuditErrorCode> {
  constructor(code: AuditErrorCode, message: string, fields?: Record<string, string>) {
    super(code, message, fields);
    this.name = 'AuditError';
  }
}

export function invalidOption(field: string, problem: string): AuditError {
  return new AuditError(AuditErrorCodes.INVALID_OPTIONS, `${field}: ${problem}`, { [field]: problem });
}

/**
 * The streams named after staff ids. What a staff id may be is the domain's
 * (libs/domain/src/staff/staff-id.ts): never a name or an email, so it may appear
 * in stream names, events, metadata and log lines.
 */
import { createHash } from 'node:crypto';
import { isStaffId, SSO_PREFIX } from '@portal/domain';

/** The staff member's lifecycle: created, secret rotated, roles changed, disabled. Short by nature. */
export function staffStreamId(staffId: string): string {
  return `staff-${staffId}`;
}

/**
 * What the staff member did with the credential: every access and every 403.
 * `:` cannot occur in a staff id, so no staff id's lifecycle stream can be taken
 * for another's access stream; the `staff-` prefix keeps both in one category.
 */
export function staffAccessStreamId(staffId: string): string {
  return `staff-${staffId}:access`;
}

/**
 * The staff member's console sign-ins and sign-outs (`StaffSignedIn` with the TOTP step it
 * spent, or `method: 'sso'` for a single sign-on; `StaffSignedOut`): read whole only at sign-in,
 * never on a request.
 */
export function staffSignInsStreamId(staffId: string): string {
  return `staff-${staffId}:sign-ins`;
}

/** Every 401 on a staff route: missing, malformed, unknown, wrong or disabled credentials. */
export const STAFF_REFUSALS_STREAM = 'staff-refusals';

/** The staff id a lifecycle stream belongs to, or undefined for any other stream. */
export function staffIdOfStream(streamId: string): string | undefined {
  if (!streamId.startsWith('staff-')) return undefined;
  const id = streamId.slice('staff-'.length);
  return isStaffId(id) ? id : undefined;
}

/**
 * The staff id of a single sign-on identity: `sso-` and 24 hex digits (96 bits) of
 * SHA-256(issuer NUL subject). Derived rather than taken from a claim such as
 * `preferred_username`, which a provider lets people change or hands to someone else later,
 * which is often an email address (staff ids must not be personal data), and which could
 * name a local staff member. The same person at the same provider always gets the same id;
 * the stream also keeps the issuer and subject, and the decider refuses any other pair on it.
 */
export function ssoStaffId(issuer: string, subject: string): string {
  const digest = createHash('sha256').update(issuer).update('\0').update(subject).digest('hex');
  return `${SSO_PREFIX}${digest.slice(0, 24)}`;
}

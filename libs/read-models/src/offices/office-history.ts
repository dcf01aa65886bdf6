/**
 * Office events in plain words, for the history timeline: each appears in the
 * office's own timeline (its `office-…` stream) and in that of the user it
 * concerns (by a `history_refs` entry), naming the administrator (or staff member)
 * who acted. Account ids, never names: office events hold no personal value in clear.
 */
import type { ProjectedEvent } from '../model';
import { officeEventOf } from './offices.projection';

/** The user account an office event concerns (besides the office itself), if it is one. */
export function officeUserOf(e: ProjectedEvent): string | undefined {
  const o = officeEventOf(e);
  if (!o) return undefined;
  return o.event.type === 'OfficeRegistered' ? o.event.data.administratorId : o.event.data.accountId;
}

export function describeOfficeEvent(e: ProjectedEvent): { text: string } {
  const o = officeEventOf(e);
  if (!o) return { text: e.raw.type };
  const office = `office ${o.officeId}`;
  const admin = (by: string) => `ID administrator account ${by}`;
  const { event } = o;
  switch (event.type) {
    case 'OfficeRegistered':
      return {
        text: `Provider office “${event.data.name}” (NPI ${event.data.npi}, ${office}) registered online by account ${event.data.administratorId}, its first ID administrator; waiting for the plan’s approval`,
      };
    case 'OfficeAdministratorApproved':
      return {
        text: `Account ${event.data.accountId} approved as ID administrator of ${office} by staff member ${event.data.by}; the office is active`,
      };
    case 'OfficeUserCreated':
      return { text: `User account ${event.data.accountId} created in ${office} by ${admin(event.data.by)}` };
    case 'OfficeUserPasswordReset':
      return {
        text: `Password of account ${event.data.accountId} reset in ${office} by ${admin(event.data.by)}; a temporary password was emailed`,
      };
    case 'OfficeFunctionGranted':
      return {
        text: `Function “${event.data.function}” granted to account ${event.data.accountId} in ${office} by ${admin(event.data.by)}`,
      };
    case 'OfficeFunctionRevoked':
      return {
        text: `Function “${event.data.function}” revoked from account ${event.data.accountId} in ${office} by ${admin(event.data.by)}`,
      };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * `offices`: one document per provider office — its name, NPI, sealed tax id,
 * status, who approved its first ID administrator, its users with their current
 * functions, and every grant and revocation over time with the administrator who
 * made it. `members` (indexed) lists the office's user account ids, so support's
 * account page finds a user's office; `status` (indexed) lists the offices pending
 * approval. An index added to a live generation is filled from the documents already
 * there (DocumentStore.ensure, both adapters), so no rebuild is needed for it.
 */
import { OFFICE_FUNCTIONS, type OfficeEvent } from '@portal/domain';
import type { Doc } from '@portal/documents';
import type { ProjectedEvent, Projection } from '../model';

export interface OfficeDoc extends Doc {
  officeId: string;
  name: string;
  npi: string;
  /** As the event holds it: sealed with the office's key. */
  taxIdSealed: string;
  status: 'pending' | 'active';
  registeredAt: string;
  firstAdministrator: string;
  approved?: { at: string; by: string };
  users: Record<string, { functions: string[]; addedAt: string; addedBy: string }>;
  /** Every grant and revocation, oldest first; `by` is the administrator's account id (or the approving staff member). */
  grants: { at: string; accountId: string; function: string; change: 'granted' | 'revoked'; by: string }[];
  /** Password resets by an administrator, oldest first. */
  resets: { at: string; accountId: string; by: string }[];
  members: string[];
  updatedAt: string;
}

const OFFICE = 'office-';

/** The office event of a projected event, when it comes from an `office-…` stream. */
export function officeEventOf(e: ProjectedEvent): { officeId: string; event: OfficeEvent } | undefined {
  if (!e.raw.streamId.startsWith(OFFICE)) return undefined;
  return {
    officeId: e.raw.streamId.slice(OFFICE.length),
    event: { type: e.raw.type, data: e.raw.data } as OfficeEvent,
  };
}

export const officesProjection: Projection<OfficeDoc> = {
  spec: { name: 'offices', indexes: ['members', 'status'] },
  idsOf: (e) => {
    const o = officeEventOf(e);
    return o ? [o.officeId] : [];
  },
  project: (current, e) => {
    const o = officeEventOf(e);
    if (!o) return undefined;
    const at = e.raw.metadata.occurredAt;
    const { event } = o;
    if (event.type === 'OfficeRegistered')
      return current
        ? undefined
        : {
            officeId: o.officeId,
            name: event.data.name,
            npi: event.data.npi,
            taxIdSealed: event.data.taxId,
            status: 'pending',
            registeredAt: at,
            firstAdministrator: event.data.administratorId,
            users: {
              [event.data.administratorId]: {
                functions: [],
                addedAt: at,
                addedBy: event.data.administratorId,
              },
            },
            grants: [],
            resets: [],
            members: [event.data.administratorId],
            updatedAt: at,
          };
    if (!current) return undefined;
    const doc = structuredClone(current);
    doc.updatedAt = at;
    switch (event.type) {
      case 'OfficeAdministratorApproved':
        doc.status = 'active';
        doc.approved = { at, by: event.data.by };
        // As the decider does: the approved administrator may use every function.
        doc.users[event.data.accountId] = {
          ...(doc.users[event.data.accountId] ?? { addedAt: at, addedBy: event.data.by }),
          functions: [...OFFICE_FUNCTIONS],
        };
        break;
      case 'OfficeUserCreated':
        doc.users[event.data.accountId] = { functions: [], addedAt: at, addedBy: event.data.by };
        break;
      case 'OfficeUserPasswordReset':
        doc.resets.push({ at, accountId: event.data.accountId, by: event.data.by });
        break;
      case 'OfficeFunctionGranted':
      case 'OfficeFunctionRevoked': {
        const user = doc.users[event.data.accountId];
        if (!user) return undefined;
        const granted = event.type === 'OfficeFunctionGranted';
        user.functions = user.functions.filter((f) => f !== event.data.function);
        if (granted) user.functions.push(event.data.function);
        doc.grants.push({
          at,
          accountId: event.data.accountId,
          function: event.data.function,
          change: granted ? 'granted' : 'revoked',
          by: event.data.by,
        });
        break;
      }
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
    doc.members = Object.keys(doc.users);
    return doc;
  },
};

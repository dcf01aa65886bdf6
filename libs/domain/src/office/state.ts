/** What the Office decider knows: its status, its users and what each may use. */
import type { OfficeEvent } from './events';
import { OFFICE_FUNCTIONS, type OfficeFunction } from './functions';

export type OfficeStatus = 'new' | 'pending' | 'active';

export interface OfficeState {
  status: OfficeStatus;
  officeId?: string;
  name?: string;
  /** The first ID administrator, who registered the office and waits for the plan's approval. */
  firstAdministrator?: string;
  /** By account id: the functions each user of the office holds. */
  users: Record<string, { functions: OfficeFunction[] }>;
}

export function initialOfficeState(): OfficeState {
  return { status: 'new', users: {} };
}

export function evolveOffice(state: OfficeState, event: OfficeEvent): OfficeState {
  switch (event.type) {
    case 'OfficeRegistered':
      return {
        status: 'pending',
        officeId: event.data.officeId,
        name: event.data.name,
        firstAdministrator: event.data.administratorId,
        users: { [event.data.administratorId]: { functions: [] } },
      };
    case 'OfficeAdministratorApproved':
      // The approved administrator may use every function, managing users included.
      return {
        ...state,
        status: 'active',
        users: { ...state.users, [event.data.accountId]: { functions: [...OFFICE_FUNCTIONS] } },
      };
    case 'OfficeUserCreated':
      return { ...state, users: { ...state.users, [event.data.accountId]: { functions: [] } } };
    case 'OfficeUserPasswordReset':
      return state;
    case 'OfficeFunctionGranted': {
      const user = state.users[event.data.accountId];
      if (!user || user.functions.includes(event.data.function)) return state;
      return {
        ...state,
        users: {
          ...state.users,
          [event.data.accountId]: { functions: [...user.functions, event.data.function] },
        },
      };
    }
    case 'OfficeFunctionRevoked': {
      const user = state.users[event.data.accountId];
      if (!user) return state;
      return {
        ...state,
        users: {
          ...state.users,
          [event.data.accountId]: { functions: user.functions.filter((f) => f !== event.data.function) },
        },
      };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** The functions this account may use in this office: none until the office is approved. */
export function functionsOf(state: OfficeState, accountId: string): OfficeFunction[] {
  if (state.status !== 'active') return [];
  return [...(state.users[accountId]?.functions ?? [])];
}

export function administratorsOf(state: OfficeState): string[] {
  return Object.entries(state.users)
    .filter(([, u]) => u.functions.includes('manage-users'))
    .map(([id]) => id);
}

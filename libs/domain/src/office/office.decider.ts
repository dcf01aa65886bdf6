import type { Decider } from '../decider';
import type { OfficeCommand } from './commands';
import { decideOffice } from './decide';
import type { OfficeEvent } from './events';
import { evolveOffice, initialOfficeState, type OfficeState } from './state';

/**
 * The provider Office: a small aggregate of its own beside the Account (ZITADEL's
 * "small write model per purpose"), so that granting a function never contends
 * with the user's logins, and an administrator's authority is decided from one stream.
 */
export const officeDecider: Decider<OfficeCommand, OfficeEvent, OfficeState> = {
  initialState: initialOfficeState,
  evolve: evolveOffice,
  decide: decideOffice,
};

export function officeStreamId(officeId: string): string {
  return `office-${officeId}`;
}

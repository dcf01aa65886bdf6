/** What every flow of the Account decider shares: its decision type, times, and the refusal of an inactive account. */
import { type Decision, reject } from '../decider';
import { AccountErrors } from '../errors';
import type { AccountCommand } from './commands';
import type { AccountEvent } from './events';
import type { AccountState } from './state';

export type AccountDecision = Decision<AccountEvent>;

/** The command of one type, for the flow function that decides it. */
export type CommandOf<T extends AccountCommand['type']> = Extract<AccountCommand, { type: T }>;

export const iso = (ms: number) => new Date(ms).toISOString();

export function refuseUnlessActive(state: AccountState): AccountDecision | undefined {
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (state.status !== 'active') return reject(AccountErrors.notRegistered());
  return undefined;
}

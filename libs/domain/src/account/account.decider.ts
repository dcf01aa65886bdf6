import type { Decider } from '../decider';
import { DEFAULT_POLICY, type AccountPolicy } from '../policy';
import type { AccountCommand } from './commands';
import { decide } from './decide';
import type { AccountEvent } from './events';
import { type AccountState, evolve, initialState } from './state';

/** The Account decider under a policy (the seed defaults unless a deployment overrides them). */
export function accountDecider(
  policy: AccountPolicy = DEFAULT_POLICY,
): Decider<AccountCommand, AccountEvent, AccountState> {
  return { initialState, evolve, decide: decide(policy) };
}

export function accountStreamId(accountId: string): string {
  return `account-${accountId}`;
}

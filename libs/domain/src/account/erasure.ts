/** Erasure: once the personal data is erased, the account refuses every command but a repeated erasure. */
import { accept, reject } from '../decider';
import { AccountErrors } from '../errors';
import type { AccountCommand } from './commands';
import { type AccountDecision, type CommandOf, iso } from './shared';
import type { AccountState } from './state';

/** The refusal of every other command on an erased account, or undefined. */
export function refuseOnceErased(command: AccountCommand, state: AccountState): AccountDecision | undefined {
  return state.erased && command.type !== 'ErasePersonalData' ? reject(AccountErrors.erased()) : undefined;
}

export function erasePersonalData(
  command: CommandOf<'ErasePersonalData'>,
  state: AccountState,
): AccountDecision {
  // Nothing to erase where nothing was ever recorded: no event on a stream that does not exist.
  if (state.erased || state.status === 'new') return accept();
  return accept({ type: 'PersonalDataErased', data: { erasedAt: iso(command.now) } });
}

/** What plan staff (or an office's ID administrator) do to an account: a temporary password, an unlock, a deactivation. */
import { accept, reject } from '../decider';
import { AccountErrors } from '../errors';
import type { AccountEvent } from './events';
import { type AccountDecision, type CommandOf, refuseUnlessActive } from './shared';
import { type AccountState, isLocked } from './state';

export function issueTemporaryPassword(
  command: CommandOf<'IssueTemporaryPassword'>,
  state: AccountState,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  const events: AccountEvent[] = [
    {
      type: 'TemporaryPasswordIssued',
      data: {
        passwordHash: command.passwordHash,
        passwordSealed: command.passwordSealed,
        ...('staffId' in command
          ? { staffId: command.staffId }
          : { administratorId: command.administratorId }),
      },
    },
  ];
  if (isLocked(state, command.now)) events.push({ type: 'Unlocked', data: { by: 'support' } });
  return accept(...events);
}

export function unlock(command: CommandOf<'Unlock'>, state: AccountState): AccountDecision {
  if (!isLocked(state, command.now)) return reject(AccountErrors.notLocked());
  return accept({ type: 'Unlocked', data: { by: 'support' } });
}

export function deactivate(command: CommandOf<'Deactivate'>, state: AccountState): AccountDecision {
  if (state.status !== 'active') return accept();
  return accept({ type: 'Deactivated', data: { reason: command.reason } });
}

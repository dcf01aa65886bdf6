/** What the signed-in owner changes: the password, the authenticator app, recovery codes. */
import { accept, reject } from '../decider';
import { AccountErrors } from '../errors';
import { checkPassword } from '../password-rules';
import type { AccountPolicy } from '../policy';
import { type AccountDecision, type CommandOf, refuseUnlessActive } from './shared';
import type { AccountState } from './state';

export function changePassword(
  command: CommandOf<'ChangePassword'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (!command.currentPasswordMatches) return reject(AccountErrors.currentPasswordWrong());
  const fields = checkPassword(command.password, state.username, policy, 'newPassword', state.kind);
  if (Object.keys(fields).length > 0) return reject(AccountErrors.validationFailed(fields));
  return accept({ type: 'PasswordChanged', data: { passwordHash: command.passwordHash } });
}

export function confirmAuthenticator(
  command: CommandOf<'ConfirmAuthenticator'>,
  state: AccountState,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (command.matchedTimeStep === null) return reject(AccountErrors.authenticatorCodeInvalid());
  return accept({
    type: 'AuthenticatorAdded',
    data: { secretSealed: command.secretSealed, confirmedStep: command.matchedTimeStep },
  });
}

export function removeAuthenticator(
  command: CommandOf<'RemoveAuthenticator'>,
  state: AccountState,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (!state.authenticator) return accept();
  if (!command.passwordMatches) return reject(AccountErrors.passwordWrong());
  return accept({ type: 'AuthenticatorRemoved', data: {} });
}

export function issueRecoveryCodes(
  command: CommandOf<'IssueRecoveryCodes'>,
  state: AccountState,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  return accept({ type: 'RecoveryCodesIssued', data: { codeHashes: command.codeHashes } });
}

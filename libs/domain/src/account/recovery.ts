/**
 * Getting back in: a password reset (with a username and the second factor, or
 * with the security question), a username reminder, and the owner's
 * reactivation after wrong security answers.
 */
import { accept, reject } from '../decider';
import { constantTimeEqual } from '../constant-time';
import { AccountErrors } from '../errors';
import { checkPassword, normaliseUsername } from '../password-rules';
import type { AccountPolicy } from '../policy';
import type { AccountEvent } from './events';
import { otpIssued } from './login';
import { type AccountDecision, type CommandOf, iso } from './shared';
import { type AccountState, isLocked } from './state';

/** Forgot password with a username: the second factor first, then a new password. */
export function requestPasswordReset(
  command: CommandOf<'RequestPasswordReset'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status !== 'active') return accept();
  const requested: AccountEvent = {
    type: 'PasswordResetRequested',
    data: { loginId: command.loginId },
  };
  if (state.authenticator) return accept(requested);
  return accept(requested, otpIssued(command.loginId, command.otp, command.now, policy));
}

export function answerSecurityQuestion(
  command: CommandOf<'AnswerSecurityQuestion'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  // The identity was checked when the question was shown (the API's question step, identityMatches):
  // the answer comes with that step's token alone. No question to answer reads as no match.
  if (!state.securityAnswerHash) return reject(AccountErrors.identityMismatch());
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (command.answerMatches)
    return accept({ type: 'SecurityAnswerAccepted', data: { resetId: command.resetId } });
  const consecutive = state.consecutiveWrongAnswers + 1;
  const failed: AccountEvent = { type: 'SecurityAnswerFailed', data: { consecutive } };
  if (consecutive >= policy.securityAnswer.maxConsecutiveWrong)
    return reject<AccountEvent>(AccountErrors.accountDeactivated(), failed, {
      type: 'Deactivated',
      data: {
        reason: 'security-answers',
        ...(command.reactivation.tokenHash
          ? {
              reactivationHash: command.reactivation.tokenHash,
              reactivationSealed: command.reactivation.tokenSealed,
              reactivableUntil: iso(command.now + policy.securityAnswer.reactivationLifetimeMs),
            }
          : {}),
      },
    });
  return reject(AccountErrors.securityAnswerWrong(), failed);
}

export function completePasswordReset(
  command: CommandOf<'CompletePasswordReset'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (state.resetAllowed === undefined || state.resetAllowed !== command.resetId)
    return reject(AccountErrors.resetNotAllowed());
  const fields = checkPassword(command.password, state.username, policy, 'newPassword', state.kind);
  if (Object.keys(fields).length > 0) return reject(AccountErrors.validationFailed(fields));
  const events: AccountEvent[] = [
    {
      type: 'PasswordReset',
      data: {
        passwordHash: command.passwordHash,
        via: state.reset?.loginId === command.resetId ? 'two-step' : 'security-question',
      },
    },
  ];
  if (isLocked(state, command.now)) events.push({ type: 'Unlocked', data: { by: 'password-reset' } });
  return accept(...events);
}

export function sendUsernameReminder(
  command: CommandOf<'SendUsernameReminder'>,
  state: AccountState,
): AccountDecision {
  // Same answer either way (the API's job); here: only an active account with a username gets one.
  if (state.status !== 'active' || state.username === undefined) return accept();
  return accept({ type: 'UsernameReminderSent', data: { requestedAt: iso(command.now) } });
}

export function reactivate(command: CommandOf<'Reactivate'>, state: AccountState): AccountDecision {
  // One answer for no link, a used one, a wrong one and another deactivation's: the token tells nothing.
  const r = state.reactivation;
  if (state.status !== 'deactivated' || !r || !constantTimeEqual(r.hash, command.tokenHash))
    return reject(AccountErrors.reactivationInvalid());
  if (command.now >= r.until) return reject(AccountErrors.reactivationExpired());
  return accept({ type: 'Reactivated', data: { via: 'email-link' } });
}

/** Names without case or accents, the date as given, member ids without spaces or dashes, usernames without case. */
export function identityMatches(
  state: AccountState,
  identity: { lastName: string; dateOfBirth: string; memberId?: string; username?: string },
): boolean {
  const profile = state.profile;
  if (!profile) return false;
  const name = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
  const member = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();
  const byMember =
    identity.memberId !== undefined &&
    profile.memberId !== undefined &&
    member(profile.memberId) === member(identity.memberId);
  const byUsername =
    identity.username !== undefined &&
    state.username !== undefined &&
    normaliseUsername(state.username) === normaliseUsername(identity.username);
  return (
    (byMember || byUsername) &&
    name(profile.lastName) === name(identity.lastName) &&
    profile.dateOfBirth === identity.dateOfBirth.trim()
  );
}

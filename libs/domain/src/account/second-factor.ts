/**
 * The second step of a login or a password reset: an emailed code (sent again on
 * request), an authenticator app's code, or a recovery code (logins only).
 */
import { accept, reject } from '../decider';
import { constantTimeEqual } from '../constant-time';
import { AccountErrors } from '../errors';
import type { AccountPolicy } from '../policy';
import type { AccountEvent } from './events';
import { failure, lockForWrongCodes, recentResetWrongCodes, resetCodesSpent } from './lockout';
import { otpIssued } from './login';
import { type AccountDecision, type CommandOf, iso, refuseOverResendLimit } from './shared';
import { type AccountState, isLocked, secondStepOf } from './state';

export function resendOtp(
  command: CommandOf<'ResendOtp'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const p = secondStepOf(state, command.loginId)?.step;
  if (!p || state.authenticator) return reject(AccountErrors.loginNotStarted());
  const overLimit = refuseOverResendLimit(p.sends, command.now, policy);
  if (overLimit) return overLimit;
  // The new code voids the old one: the state keeps only the latest.
  return accept(otpIssued(command.loginId, command.otp, command.now, policy));
}

export function verifyOtp(
  command: CommandOf<'VerifyOtp'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const found = secondStepOf(state, command.loginId);
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (!found?.step.otp) return reject(AccountErrors.loginNotStarted());
  const { purpose, step: p } = found;
  // A reset may finish while locked (seed 004: "I forgot my password and am locked out"); a login may not.
  if (purpose === 'login' && isLocked(state, command.now))
    return reject(AccountErrors.accountLocked(state.lockedUntil ?? 0));
  if (purpose === 'reset' && resetCodesSpent(state, command.now, policy))
    return reject(AccountErrors.codeAttemptsExceeded());
  const otp = p.otp!;
  if (otp.attempts >= policy.emailCode.maxAttempts) return reject(AccountErrors.codeAttemptsExceeded());
  if (command.now >= otp.expiresAt) return reject(AccountErrors.codeExpired());
  if (!constantTimeEqual(otp.hash, command.codeHash)) {
    const failed: AccountEvent = {
      type: 'OtpFailed',
      data: { loginId: p.loginId, otpId: otp.id, attempts: otp.attempts + 1, at: iso(command.now) },
    };
    const rejection = AccountErrors.codeInvalid();
    const lock = purpose === 'login' ? lockForWrongCodes(state, command.now, policy) : undefined;
    return lock ? reject(rejection, failed, lock) : reject(rejection, failed);
  }
  const verified: AccountEvent = { type: 'OtpVerified', data: { loginId: p.loginId, otpId: otp.id } };
  if (purpose === 'reset') return accept(verified);
  // The policy requires an app the account lacks: no session yet; the login waits for one to be enrolled.
  if (policy.authenticator.required && !state.authenticator) return accept(verified);
  return accept<AccountEvent>(verified, {
    type: 'LoginSucceeded',
    data: { loginId: p.loginId, sessionId: command.sessionId, method: 'email-code' },
  });
}

export function verifyAuthenticatorCode(
  command: CommandOf<'VerifyAuthenticatorCode'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const found = secondStepOf(state, command.loginId);
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (!found) return reject(AccountErrors.loginNotStarted());
  const { purpose, step: p } = found;
  if (!state.authenticator) return reject(AccountErrors.authenticatorNotEnrolled());
  if (isLocked(state, command.now)) return reject(AccountErrors.accountLocked(state.lockedUntil ?? 0));
  if (purpose === 'reset' && resetCodesSpent(state, command.now, policy))
    return reject(AccountErrors.codeAttemptsExceeded());
  // A step already used (or older) is a replay: refused and counted like a wrong code.
  if (command.matchedTimeStep === null || command.matchedTimeStep <= state.authenticator.lastStep) {
    const rejection = AccountErrors.authenticatorCodeInvalid();
    // A reset's wrong app code counts for the reset only: anyone may start a reset, so it must never lock.
    if (purpose === 'reset')
      return reject(rejection, {
        type: 'OtpFailed',
        data: {
          loginId: p.loginId,
          otpId: 'authenticator',
          attempts: recentResetWrongCodes(state, command.now, policy) + 1,
          at: iso(command.now),
        },
      });
    return failure(state, command.now, 'wrong-authenticator-code', policy, rejection);
  }
  const accepted: AccountEvent = {
    type: 'AuthenticatorCodeAccepted',
    data: { loginId: p.loginId, timeStep: command.matchedTimeStep },
  };
  if (purpose === 'reset')
    return accept<AccountEvent>(accepted, {
      type: 'OtpVerified',
      data: { loginId: p.loginId, otpId: 'authenticator' },
    });
  return accept<AccountEvent>(accepted, {
    type: 'LoginSucceeded',
    data: { loginId: p.loginId, sessionId: command.sessionId, method: 'authenticator' },
  });
}

export function useRecoveryCode(
  command: CommandOf<'UseRecoveryCode'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const p = state.login;
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (!p || p.loginId !== command.loginId) return reject(AccountErrors.loginNotStarted());
  if (isLocked(state, command.now)) return reject(AccountErrors.accountLocked(state.lockedUntil ?? 0));
  const index = state.recoveryCodeHashes.findIndex(
    (h) => h !== null && constantTimeEqual(h, command.codeHash),
  );
  if (index === -1)
    return failure(state, command.now, 'wrong-code', policy, AccountErrors.recoveryCodeInvalid());
  return accept<AccountEvent>(
    { type: 'RecoveryCodeUsed', data: { loginId: p.loginId, index } },
    {
      type: 'LoginSucceeded',
      data: { loginId: p.loginId, sessionId: command.sessionId, method: 'recovery-code' },
    },
  );
}

/**
 * The last step of a login when the policy requires an authenticator app and the account has
 * none (AUTHENTICATOR_REQUIRED): after the password and the emailed code (the login is
 * `verified`), the first code of the new app adds it and signs in. A wrong code is refused and
 * not counted: whoever gets here has proved the password and the emailed code, and holds the
 * secret the code is checked against.
 */
export function enrolAuthenticatorAtLogin(
  command: CommandOf<'EnrolAuthenticatorAtLogin'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  const login = state.login;
  if (!login || login.loginId !== command.loginId || !login.verified || state.authenticator)
    return reject(AccountErrors.loginNotStarted());
  if (!policy.authenticator.required) return reject(AccountErrors.loginNotStarted());
  if (isLocked(state, command.now)) return reject(AccountErrors.accountLocked(state.lockedUntil ?? 0));
  if (command.matchedTimeStep === null) return reject(AccountErrors.authenticatorCodeInvalid());
  return accept<AccountEvent>(
    {
      type: 'AuthenticatorAdded',
      data: { secretSealed: command.secretSealed, confirmedStep: command.matchedTimeStep },
    },
    {
      type: 'LoginSucceeded',
      data: { loginId: login.loginId, sessionId: command.sessionId, method: 'authenticator' },
    },
  );
}

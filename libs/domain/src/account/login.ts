/** Logging in: the password first, then the second factor (second-factor.ts). */
import { accept, reject } from '../decider';
import { AccountErrors } from '../errors';
import type { AccountPolicy } from '../policy';
import type { AccountEvent } from './events';
import { failure } from './lockout';
import { type AccountDecision, type CommandOf, iso } from './shared';
import { type AccountState, isLocked } from './state';

export function logIn(
  command: CommandOf<'LogIn'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (state.status !== 'active') return reject(AccountErrors.invalidCredentials());
  // A member id is a login name only until a username is created ("no more logging in with your ID number").
  if (command.viaMemberId && !state.legacy) return reject(AccountErrors.invalidCredentials());
  // Refused even with the right password, and recorded like any other failure (Keycloak CVE-2024-4629).
  if (isLocked(state, command.now))
    return reject(AccountErrors.accountLocked(state.lockedUntil ?? 0), {
      type: 'LoginFailed',
      data: { reason: 'locked', consecutive: state.consecutiveFailures },
    });
  if (!command.passwordMatches)
    return failure(state, command.now, 'wrong-password', policy, AccountErrors.invalidCredentials());
  if (state.legacy) return reject(AccountErrors.usernameRequired());
  const accepted: AccountEvent[] = [{ type: 'PasswordAccepted', data: { loginId: command.loginId } }];
  // ASVS 6.2: a hash made with weaker parameters is replaced at the next login that proves the password.
  if (command.upgradedHash)
    accepted.push({ type: 'PasswordHashUpgraded', data: { passwordHash: command.upgradedHash } });
  if (state.authenticator) return accept(...accepted);
  // A passkey replaces the emailed code (seed 004's phone biometrics); "Resend" emails one if the phone is lost.
  if (state.passkeys.length > 0 && !policy.authenticator.required) return accept(...accepted);
  // Without an app, the emailed code comes next, also when the policy requires an app: the code
  // proves the owner before an app is enrolled (verifyOtp, then enrolAuthenticatorAtLogin).
  return accept(...accepted, otpIssued(command.loginId, command.otp, command.now, policy));
}

/** A fresh emailed code for a login or a reset; the state keeps only the latest. */
export function otpIssued(
  loginId: string,
  otp: { otpId: string; codeHash: string; codeSealed: string },
  now: number,
  policy: AccountPolicy,
): AccountEvent {
  return {
    type: 'OtpIssued',
    data: {
      loginId,
      otpId: otp.otpId,
      codeHash: otp.codeHash,
      codeSealed: otp.codeSealed,
      expiresAt: iso(now + policy.emailCode.lifetimeMs),
    },
  };
}

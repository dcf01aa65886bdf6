/**
 * decide(command, state) for the Account: the rules of both seed portals.
 * Time arrives on the command; results of slow checks arrive as booleans.
 */
import { type Decision, DomainError } from '../decider';
import { constantTimeEqual } from '../constant-time';
import { ErrorCodes as C } from '../errors';
import {
  ARGON2_PHC,
  checkPassword,
  checkUsername,
  type FieldProblems,
  hiddenTextProblems,
  normaliseUsername,
} from '../password-rules';
import type { AccountPolicy } from '../policy';
import type { AccountCommand, NewCredentials } from './commands';
import type { AccountEvent, AccountKind, IssuedBy, Organisation, Profile } from './events';
import { type AccountState, isLocked, secondStepOf } from './state';

type D = Decision<AccountEvent>;
const ok = (...events: AccountEvent[]): D => ({ events });
const no = (rejection: DomainError, ...events: AccountEvent[]): D => ({ events, rejection });
const iso = (ms: number) => new Date(ms).toISOString();
const err = (code: string, message: string, fields?: Record<string, string>) =>
  new DomainError(code, message, fields);

const INVALID_CREDENTIALS = () => err(C.INVALID_CREDENTIALS, 'The username or password is not right.');
const LOCKED = (s: AccountState) =>
  err(C.ACCOUNT_LOCKED, `The account is locked until ${iso(s.lockedUntil ?? 0)}.`);
const DEACTIVATED = () =>
  err(C.ACCOUNT_DEACTIVATED, 'The account has been deactivated. Please register again.');

/** The refusal of every command on an erased account; also what the application layer answers when it cannot seal for one. */
export const accountErased = () => err(C.ERASED, 'This account was erased.');

export function decide(policy: AccountPolicy) {
  return (command: AccountCommand, state: AccountState): D => {
    if (state.erased && command.type !== 'ErasePersonalData') return no(accountErased());
    switch (command.type) {
      case 'RequestActivationCode': {
        if (state.status === 'active')
          return no(err(C.ALREADY_REGISTERED, 'This member already has an account.'));
        if (!command.rosterMatched) return no(rosterMismatch());
        return ok({
          type: 'ActivationCodeIssued',
          data: {
            accountId: command.accountId,
            codeId: command.codeId,
            codeHash: command.codeHash,
            codeSealed: command.codeSealed,
            memberId: command.memberId,
            expiresAt: iso(command.now + policy.activationCode.lifetimeMs),
          },
        });
      }
      case 'RecordActivationCodeMailed': {
        // A worker records what it did; a duplicate or stale report changes nothing.
        if (state.activation?.id !== command.codeId || state.activation.mailedAt !== undefined) return ok();
        return ok({
          type: 'ActivationCodeMailed',
          data: {
            codeId: command.codeId,
            vendorReference: command.vendorReference,
            mailedAt: iso(command.now),
            expectedDeliveryAt: iso(command.expectedDeliveryAt),
          },
        });
      }
      case 'RegisterWithActivationCode': {
        const a = state.activation;
        // An account already registered answers like a wrong code: "already registered" would tell
        // anyone holding a member id (no code needed) that its member has an account.
        if (!a || a.used || state.status === 'active')
          return no(
            err(C.ACTIVATION_CODE_INVALID, 'That activation code is not right.', {
              activationCode: 'Check the code in your letter.',
            }),
          );
        if (a.attempts >= policy.activationCode.maxAttempts)
          return no(
            err(C.ACTIVATION_CODE_ATTEMPTS_EXCEEDED, 'Too many wrong codes. Request a new activation code.'),
          );
        if (command.now >= a.expiresAt)
          return no(err(C.ACTIVATION_CODE_EXPIRED, 'That activation code has expired. Request a new one.'));
        if (!constantTimeEqual(a.hash, command.codeHash))
          return no(
            err(C.ACTIVATION_CODE_INVALID, 'That activation code is not right.', {
              activationCode: 'Check the code in your letter.',
            }),
            { type: 'ActivationCodeFailed', data: { codeId: a.id, attempts: a.attempts + 1 } },
          );
        const problems = registrationProblems(command, policy);
        if (problems) return no(problems);
        return registered(state.accountId ?? '', 'member', 'activation-code', command);
      }
      case 'RegisterMember': {
        if (state.status === 'active')
          return no(err(C.ALREADY_REGISTERED, 'This member already has an account.'));
        const problems = registrationProblems(command, policy);
        if (problems) return no(problems);
        if (!command.rosterMatched) return no(rosterMismatch());
        return registered(command.accountId, 'member', 'roster-match', command);
      }
      case 'RegisterNonmember': {
        if (state.status === 'active') return no(err(C.ALREADY_REGISTERED, 'An account already exists.'));
        const problems = registrationProblems(command, policy);
        if (problems) return no(problems);
        return registered(command.accountId, 'nonmember', 'nonmember', {
          ...command,
          profile: { ...command.profile, memberId: undefined },
        });
      }
      case 'RegisterProducer': {
        if (state.status === 'active') return no(err(C.ALREADY_REGISTERED, 'An account already exists.'));
        const problems = registrationProblems(command, policy, {
          ...(command.profile.producerId?.trim() ? {} : { producerId: 'Enter your agency or producer id.' }),
        });
        if (problems) return no(problems);
        return registered(command.accountId, 'producer', 'producer-online', {
          ...command,
          profile: {
            ...command.profile,
            memberId: undefined,
            producerId: command.profile.producerId?.trim(),
          },
        });
      }
      case 'RegisterOfficeAdministrator': {
        if (state.status === 'active') return no(err(C.ALREADY_REGISTERED, 'An account already exists.'));
        const problems = registrationProblems(command, policy);
        if (problems) return no(problems);
        return registered(
          command.accountId,
          'provider',
          'office-registration',
          { ...command, profile: { ...command.profile, memberId: undefined } },
          command.office,
        );
      }
      case 'CreateAccount': {
        if (state.status !== 'new') return no(err(C.ALREADY_REGISTERED, 'An account already exists.'));
        const fields: FieldProblems = {
          ...profileTextProblems(command.profile),
          ...checkUsername(command.username, policy),
          ...emailProblems(command.profile.email),
        };
        if (!command.profile.firstName.trim()) fields.firstName = 'Enter a first name.';
        if (!command.profile.lastName.trim()) fields.lastName = 'Enter a last name.';
        if (Object.keys(fields).length > 0) return no(validation(fields));
        const issuedBy: IssuedBy =
          command.via === 'plan-staff' ? { staffId: command.by } : { administratorId: command.by };
        return ok(
          {
            type: 'AccountCreated',
            data: {
              accountId: command.accountId,
              kind: command.kind,
              via: command.via,
              by: command.by,
              profile: { ...command.profile, email: command.profile.email.trim(), memberId: undefined },
              organisation: command.organisation,
            },
          },
          { type: 'UsernameCreated', data: { username: command.username.normalize('NFKC').trim() } },
          {
            type: 'TemporaryPasswordIssued',
            data: { passwordHash: command.passwordHash, passwordSealed: command.passwordSealed, ...issuedBy },
          },
        );
      }
      case 'ImportLegacyAccount': {
        if (state.status !== 'new') return no(err(C.ALREADY_REGISTERED, 'An account already exists.'));
        if (!ARGON2_PHC.test(command.passwordHash))
          return no(validation({ passwordHash: 'Import argon2 password hashes (PHC strings) only.' }));
        return ok({
          type: 'LegacyAccountImported',
          data: {
            accountId: command.accountId,
            memberId: command.memberId,
            passwordHash: command.passwordHash,
            profile: { ...command.profile, memberId: command.memberId },
          },
        });
      }
      case 'CreateUsername': {
        const inactive = refuseUnlessActive(state);
        if (inactive) return inactive;
        if (state.username !== undefined)
          return no(err(C.USERNAME_ALREADY_CREATED, 'This account already has a username.'));
        const fields = { ...checkUsername(command.username, policy), ...emailProblems(command.email) };
        if (Object.keys(fields).length > 0) return no(validation(fields));
        return ok(
          { type: 'UsernameCreated', data: { username: command.username.normalize('NFKC').trim() } },
          { type: 'EmailChanged', data: { email: command.email.trim() } },
        );
      }
      case 'VerifyEmail':
        if (state.status !== 'active' || state.emailVerified) return ok();
        return ok({ type: 'EmailVerified', data: { email: command.email } });
      case 'LogIn': {
        if (state.status === 'deactivated') return no(DEACTIVATED());
        if (state.status !== 'active') return no(INVALID_CREDENTIALS());
        // A member id is a login name only until a username is created ("no more logging in with your ID number").
        if (command.viaMemberId && !state.legacy) return no(INVALID_CREDENTIALS());
        // Refused even with the right password, and recorded like any other failure (Keycloak CVE-2024-4629).
        if (isLocked(state, command.now))
          return no(LOCKED(state), {
            type: 'LoginFailed',
            data: { reason: 'locked', consecutive: state.consecutiveFailures },
          });
        if (!command.passwordMatches)
          return failure(state, command.now, 'wrong-password', policy, INVALID_CREDENTIALS());
        if (state.legacy)
          return no(err(C.USERNAME_REQUIRED, 'Create a username and enter your email address to continue.'));
        const accepted: AccountEvent[] = [{ type: 'PasswordAccepted', data: { loginId: command.loginId } }];
        // ASVS 6.2: a hash made with weaker parameters is replaced at the next login that proves the password.
        if (command.upgradedHash)
          accepted.push({ type: 'PasswordHashUpgraded', data: { passwordHash: command.upgradedHash } });
        if (state.authenticator) return ok(...accepted);
        if (policy.authenticator.required)
          return no(err(C.AUTHENTICATOR_REQUIRED, 'Add an authenticator app to sign in.'), ...accepted);
        return ok(...accepted, otpIssued(command.loginId, command.otp, command.now, policy));
      }
      case 'RequestPasswordReset': {
        // Forgot password with a username: the second factor first, then a new password.
        if (state.status !== 'active') return ok();
        const requested: AccountEvent = {
          type: 'PasswordResetRequested',
          data: { loginId: command.loginId },
        };
        if (state.authenticator) return ok(requested);
        return ok(requested, otpIssued(command.loginId, command.otp, command.now, policy));
      }
      case 'ResendOtp': {
        const p = secondStepOf(state, command.loginId)?.step;
        if (!p || state.authenticator) return no(err(C.LOGIN_NOT_STARTED, 'Start again by signing in.'));
        const recent = p.sends.filter(
          (expiresAt) =>
            expiresAt - policy.emailCode.lifetimeMs > command.now - policy.emailCode.resendWindowMs,
        );
        if (recent.length >= policy.emailCode.resendLimit)
          return no(err(C.RESEND_LIMIT_REACHED, 'Too many codes sent. Wait a few minutes, then try again.'));
        // The new code voids the old one: the state keeps only the latest.
        return ok(otpIssued(command.loginId, command.otp, command.now, policy));
      }
      case 'VerifyOtp': {
        const found = secondStepOf(state, command.loginId);
        if (state.status === 'deactivated') return no(DEACTIVATED());
        if (!found?.step.otp) return no(err(C.LOGIN_NOT_STARTED, 'Start again by signing in.'));
        const { purpose, step: p } = found;
        // A reset may finish while locked (seed 004: "I forgot my password and am locked out"); a login may not.
        if (purpose === 'login' && isLocked(state, command.now)) return no(LOCKED(state));
        if (purpose === 'reset' && resetCodesSpent(state, command.now, policy)) return no(TOO_MANY_CODES());
        const otp = p.otp!;
        if (otp.attempts >= policy.emailCode.maxAttempts) return no(TOO_MANY_CODES());
        if (command.now >= otp.expiresAt)
          return no(err(C.CODE_EXPIRED, 'That code has expired. Ask for a new code.'));
        if (!constantTimeEqual(otp.hash, command.codeHash)) {
          const failed: AccountEvent = {
            type: 'OtpFailed',
            data: { loginId: p.loginId, otpId: otp.id, attempts: otp.attempts + 1, at: iso(command.now) },
          };
          const rejection = err(C.CODE_INVALID, 'That code is not right.', {
            code: 'Check the 6-digit code we emailed you.',
          });
          const lock = purpose === 'login' ? lockForWrongCodes(state, command.now, policy) : undefined;
          return lock ? no(rejection, failed, lock) : no(rejection, failed);
        }
        const verified: AccountEvent = { type: 'OtpVerified', data: { loginId: p.loginId, otpId: otp.id } };
        if (purpose === 'reset') return ok(verified);
        return ok(verified, {
          type: 'LoginSucceeded',
          data: { loginId: p.loginId, sessionId: command.sessionId, method: 'email-code' },
        });
      }
      case 'VerifyAuthenticatorCode': {
        const found = secondStepOf(state, command.loginId);
        if (state.status === 'deactivated') return no(DEACTIVATED());
        if (!found) return no(err(C.LOGIN_NOT_STARTED, 'Start again by signing in.'));
        const { purpose, step: p } = found;
        if (!state.authenticator)
          return no(err(C.AUTHENTICATOR_NOT_ENROLLED, 'No authenticator app is set up.'));
        if (isLocked(state, command.now)) return no(LOCKED(state));
        if (purpose === 'reset' && resetCodesSpent(state, command.now, policy)) return no(TOO_MANY_CODES());
        // A step already used (or older) is a replay: refused and counted like a wrong code.
        if (command.matchedTimeStep === null || command.matchedTimeStep <= state.authenticator.lastStep) {
          const rejection = err(C.AUTHENTICATOR_CODE_INVALID, 'That code is not right.', {
            code: 'Enter the current code from your app.',
          });
          // A reset's wrong app code counts for the reset only: anyone may start a reset, so it must never lock.
          if (purpose === 'reset')
            return no(rejection, {
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
          return ok(accepted, {
            type: 'OtpVerified',
            data: { loginId: p.loginId, otpId: 'authenticator' },
          });
        return ok(accepted, {
          type: 'LoginSucceeded',
          data: { loginId: p.loginId, sessionId: command.sessionId, method: 'authenticator' },
        });
      }
      case 'UseRecoveryCode': {
        const p = state.login;
        if (state.status === 'deactivated') return no(DEACTIVATED());
        if (!p || p.loginId !== command.loginId)
          return no(err(C.LOGIN_NOT_STARTED, 'Start again by signing in.'));
        if (isLocked(state, command.now)) return no(LOCKED(state));
        const index = state.recoveryCodeHashes.findIndex(
          (h) => h !== null && constantTimeEqual(h, command.codeHash),
        );
        if (index === -1)
          return failure(
            state,
            command.now,
            'wrong-code',
            policy,
            err(C.CODE_INVALID, 'That recovery code is not right.', { code: 'Check the code.' }),
          );
        return ok(
          { type: 'RecoveryCodeUsed', data: { loginId: p.loginId, index } },
          {
            type: 'LoginSucceeded',
            data: { loginId: p.loginId, sessionId: command.sessionId, method: 'recovery-code' },
          },
        );
      }
      case 'AnswerSecurityQuestion': {
        // Same answer for no account and for a wrong last name, date of birth or member id.
        if (!state.securityAnswerHash || !identityMatches(state, command.identity))
          return no(err(C.IDENTITY_MISMATCH, "The information you entered doesn't match our records."));
        if (state.status === 'deactivated') return no(DEACTIVATED());
        if (command.answerMatches)
          return ok({ type: 'SecurityAnswerAccepted', data: { resetId: command.resetId } });
        const consecutive = state.consecutiveWrongAnswers + 1;
        const failed: AccountEvent = { type: 'SecurityAnswerFailed', data: { consecutive } };
        if (consecutive >= policy.securityAnswer.maxConsecutiveWrong)
          return no(DEACTIVATED(), failed, {
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
        return no(
          err(C.SECURITY_ANSWER_WRONG, 'That answer is not right. Answers are case sensitive.', {
            answer: 'Not right.',
          }),
          failed,
        );
      }
      case 'CompletePasswordReset': {
        if (state.status === 'deactivated') return no(DEACTIVATED());
        if (state.resetAllowed === undefined || state.resetAllowed !== command.resetId)
          return no(err(C.RESET_NOT_ALLOWED, 'Verify your identity again to reset your password.'));
        const fields = checkPassword(command.password, state.username, policy, 'newPassword');
        if (Object.keys(fields).length > 0) return no(validation(fields));
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
        return ok(...events);
      }
      case 'ChangePassword': {
        const inactive = refuseUnlessActive(state);
        if (inactive) return inactive;
        if (!command.currentPasswordMatches)
          return no(
            err(C.CURRENT_PASSWORD_WRONG, 'Your current password is not right.', {
              currentPassword: 'Not right.',
            }),
          );
        const fields = checkPassword(command.password, state.username, policy, 'newPassword');
        if (Object.keys(fields).length > 0) return no(validation(fields));
        return ok({ type: 'PasswordChanged', data: { passwordHash: command.passwordHash } });
      }
      case 'IssueTemporaryPassword': {
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
        return ok(...events);
      }
      case 'Unlock':
        if (!isLocked(state, command.now)) return no(err(C.NOT_LOCKED, 'The account is not locked.'));
        return ok({ type: 'Unlocked', data: { by: 'support' } });
      case 'ConfirmAuthenticator': {
        const inactive = refuseUnlessActive(state);
        if (inactive) return inactive;
        if (command.matchedTimeStep === null)
          return no(
            err(C.AUTHENTICATOR_CODE_INVALID, 'That code is not right.', {
              code: 'Enter the current code from your app.',
            }),
          );
        return ok({
          type: 'AuthenticatorAdded',
          data: { secretSealed: command.secretSealed, confirmedStep: command.matchedTimeStep },
        });
      }
      case 'RemoveAuthenticator': {
        const inactive = refuseUnlessActive(state);
        if (inactive) return inactive;
        if (!state.authenticator) return ok();
        if (!command.passwordMatches)
          return no(err(C.CURRENT_PASSWORD_WRONG, 'Your password is not right.', { password: 'Not right.' }));
        return ok({ type: 'AuthenticatorRemoved', data: {} });
      }
      case 'IssueRecoveryCodes': {
        const inactive = refuseUnlessActive(state);
        if (inactive) return inactive;
        return ok({ type: 'RecoveryCodesIssued', data: { codeHashes: command.codeHashes } });
      }
      case 'SendUsernameReminder':
        // Same answer either way (the API's job); here: only an active account with a username gets one.
        if (state.status !== 'active' || state.username === undefined) return ok();
        return ok({ type: 'UsernameReminderSent', data: { requestedAt: iso(command.now) } });
      case 'SendAlreadyRegisteredNotice':
        // Only an account someone can sign in to has an owner to tell; the caller hears the same either way.
        if (state.status !== 'active' || state.username === undefined) return ok();
        return ok({
          type: 'AlreadyRegisteredNoticeSent',
          data: { matched: command.matched, requestedAt: iso(command.now) },
        });
      case 'Reactivate': {
        // One answer for no link, a used one, a wrong one and another deactivation's: the token tells nothing.
        const r = state.reactivation;
        if (state.status !== 'deactivated' || !r || !constantTimeEqual(r.hash, command.tokenHash))
          return no(
            err(
              C.REACTIVATION_INVALID,
              'This link does not reactivate an account. Register again, or call us.',
            ),
          );
        if (command.now >= r.until)
          return no(
            err(C.REACTIVATION_EXPIRED, 'This link has expired. Register again, or call us to reactivate.'),
          );
        return ok({ type: 'Reactivated', data: { via: 'email-link' } });
      }
      case 'Deactivate':
        if (state.status !== 'active') return ok();
        return ok({ type: 'Deactivated', data: { reason: command.reason } });
      case 'ErasePersonalData':
        // Nothing to erase where nothing was ever recorded: no event on a stream that does not exist.
        if (state.erased || state.status === 'new') return ok();
        return ok({ type: 'PersonalDataErased', data: { erasedAt: iso(command.now) } });
      default: {
        const unhandled: never = command;
        return unhandled;
      }
    }
  };
}

function failure(
  state: AccountState,
  now: number,
  reason: 'wrong-password' | 'wrong-code' | 'wrong-authenticator-code',
  policy: AccountPolicy,
  rejection: DomainError,
): D {
  const consecutive = state.consecutiveFailures + 1;
  const code = reason !== 'wrong-password';
  const failed: AccountEvent = {
    type: 'LoginFailed',
    data: { reason, consecutive, ...(code ? { at: iso(now) } : {}) },
  };
  if (consecutive >= policy.lockout.threshold)
    return no(rejection, failed, {
      type: 'Locked',
      data: { until: iso(now + policy.lockout.durationMs), consecutiveFailures: consecutive },
    });
  const lock = code
    ? lockForWrongCodes({ ...state, consecutiveFailures: consecutive }, now, policy)
    : undefined;
  return lock ? no(rejection, failed, lock) : no(rejection, failed);
}

const TOO_MANY_CODES = () => err(C.CODE_ATTEMPTS_EXCEEDED, 'Too many wrong codes. Ask for a new code.');

/** How many of `times` fall within the policy's wrong-code window ending at `now`. */
function withinWindow(times: number[], now: number, policy: AccountPolicy): number {
  const since = now - policy.lockout.wrongCodesWindowMs;
  return times.filter((t) => t > since).length;
}

const recentResetWrongCodes = (state: AccountState, now: number, policy: AccountPolicy) =>
  withinWindow(state.wrongResetCodesAt, now, policy);

/** A reset's codes are not checked once the window holds `lockout.wrongCodes` wrong ones. */
function resetCodesSpent(state: AccountState, now: number, policy: AccountPolicy): boolean {
  return recentResetWrongCodes(state, now, policy) >= policy.lockout.wrongCodes;
}

/**
 * The lock a login's wrong code (the one being recorded now) brings when it makes `lockout.wrongCodes`
 * within the window: a right password gives a few guesses at the code, not a fresh set without end.
 */
function lockForWrongCodes(
  state: AccountState,
  now: number,
  policy: AccountPolicy,
): AccountEvent | undefined {
  const wrongCodes = withinWindow(state.wrongCodesAt, now, policy) + 1;
  if (wrongCodes < policy.lockout.wrongCodes) return undefined;
  return {
    type: 'Locked',
    data: {
      until: iso(now + policy.lockout.durationMs),
      consecutiveFailures: state.consecutiveFailures,
      wrongCodes,
    },
  };
}

function otpIssued(
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

function refuseUnlessActive(state: AccountState): D | undefined {
  if (state.status === 'deactivated') return no(DEACTIVATED());
  if (state.status !== 'active') return no(err(C.NOT_REGISTERED, 'There is no registered account.'));
  return undefined;
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

export function rosterMismatch(): DomainError {
  // Deliberately field-free: naming the wrong field would help someone guess a member's data.
  return err(C.ROSTER_MISMATCH, "The information you entered doesn't match our records.");
}

function validation(fields: FieldProblems): DomainError {
  return err(C.VALIDATION_FAILED, 'Some fields need attention. Each is named in "fields".', fields);
}

/** A profile's free text: no direction controls, no broken characters (the answer arrives hashed: the API checks it). */
function profileTextProblems(p: Profile): FieldProblems {
  return hiddenTextProblems({
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    producerId: p.producerId,
  });
}

function emailProblems(email: string): FieldProblems {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? {} : { email: 'Enter a valid email address.' };
}

function registrationProblems(
  c: NewCredentials & { profile: Profile; termsAccepted: boolean },
  policy: AccountPolicy,
  more: FieldProblems = {},
): DomainError | undefined {
  const fields: FieldProblems = {
    ...more,
    ...profileTextProblems(c.profile),
    ...hiddenTextProblems({ securityQuestion: c.securityQuestion }),
    ...checkUsername(c.username, policy),
    ...checkPassword(c.password, c.username, policy),
    ...emailProblems(c.profile.email),
  };
  if (c.securityQuestion.trim().length < 5) fields.securityQuestion = 'Choose a security question.';
  if (!c.termsAccepted) fields.termsAccepted = 'Agree to the terms and conditions to continue.';
  return Object.keys(fields).length > 0 ? validation(fields) : undefined;
}

function registered(
  accountId: string,
  kind: AccountKind,
  via: Extract<AccountEvent, { type: 'Registered' }>['data']['via'],
  c: NewCredentials & { now: number; profile: Profile; communication: { email: boolean; text: boolean } },
  organisation?: Organisation,
): D {
  return ok(
    {
      type: 'Registered',
      data: {
        accountId,
        kind,
        via,
        profile: c.profile,
        ...(organisation ? { organisation } : {}),
        passwordHash: c.passwordHash,
        securityQuestion: c.securityQuestion.trim(),
        securityAnswerHash: c.securityAnswerHash,
        communication: c.communication,
        termsAcceptedAt: iso(c.now),
      },
    },
    { type: 'UsernameCreated', data: { username: c.username.normalize('NFKC').trim() } },
  );
}

/**
 * Every code the Account can be refused with, and the one factory per refusal
 * that makes it (ZITADEL's rule: every error raised carries a stable, greppable
 * code). The API maps codes to HTTP in one table keyed by these types, so a code
 * without a status fails to compile. Some are internal on purpose: the API
 * answers ACCOUNT_LOCKED, INVALID_CREDENTIALS and an unknown username with one
 * public answer, so that an answer never tells whether an account exists or is locked.
 */
import { DomainError } from './decider';

export const ErrorCodes = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  ROSTER_MISMATCH: 'ROSTER_MISMATCH',
  IDENTITY_MISMATCH: 'IDENTITY_MISMATCH',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  NOT_REGISTERED: 'NOT_REGISTERED',
  ACTIVATION_CODE_INVALID: 'ACTIVATION_CODE_INVALID',
  ACTIVATION_CODE_EXPIRED: 'ACTIVATION_CODE_EXPIRED',
  ACTIVATION_CODE_ATTEMPTS_EXCEEDED: 'ACTIVATION_CODE_ATTEMPTS_EXCEEDED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DEACTIVATED: 'ACCOUNT_DEACTIVATED',
  USERNAME_REQUIRED: 'USERNAME_REQUIRED',
  USERNAME_ALREADY_CREATED: 'USERNAME_ALREADY_CREATED',
  LOGIN_NOT_STARTED: 'LOGIN_NOT_STARTED',
  CODE_INVALID: 'CODE_INVALID',
  CODE_EXPIRED: 'CODE_EXPIRED',
  CODE_ATTEMPTS_EXCEEDED: 'CODE_ATTEMPTS_EXCEEDED',
  RESEND_LIMIT_REACHED: 'RESEND_LIMIT_REACHED',
  AUTHENTICATOR_REQUIRED: 'AUTHENTICATOR_REQUIRED',
  AUTHENTICATOR_NOT_ENROLLED: 'AUTHENTICATOR_NOT_ENROLLED',
  AUTHENTICATOR_CODE_INVALID: 'AUTHENTICATOR_CODE_INVALID',
  SECURITY_ANSWER_WRONG: 'SECURITY_ANSWER_WRONG',
  RESET_NOT_ALLOWED: 'RESET_NOT_ALLOWED',
  RESET_NOT_STARTED: 'RESET_NOT_STARTED',
  CURRENT_PASSWORD_WRONG: 'CURRENT_PASSWORD_WRONG',
  NOT_LOCKED: 'NOT_LOCKED',
  ERASED: 'ERASED',
  REACTIVATION_INVALID: 'REACTIVATION_INVALID',
  REACTIVATION_EXPIRED: 'REACTIVATION_EXPIRED',
  /** The username, email or member id a deactivation freed was registered again since. */
  REACTIVATION_NOT_POSSIBLE: 'REACTIVATION_NOT_POSSIBLE',
  /** A unique value another account holds (libs/command's reservations). */
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  MEMBER_ALREADY_REGISTERED: 'MEMBER_ALREADY_REGISTERED',
  /** Support and admin routes: no account with the id asked for. */
  ACCOUNT_NOT_FOUND: 'ACCOUNT_NOT_FOUND',
  /** A confirmation code for an email change with no change waiting (never asked, or done). */
  EMAIL_CHANGE_NOT_STARTED: 'EMAIL_CHANGE_NOT_STARTED',
  /** Passkeys (passkeys.ts). */
  PASSKEY_REFUSED: 'PASSKEY_REFUSED',
  PASSKEY_CHALLENGE_INVALID: 'PASSKEY_CHALLENGE_INVALID',
  PASSKEY_SIGN_COUNT_REGRESSED: 'PASSKEY_SIGN_COUNT_REGRESSED',
  PASSKEY_USER_VERIFICATION_REQUIRED: 'PASSKEY_USER_VERIFICATION_REQUIRED',
  PASSKEY_UNKNOWN: 'PASSKEY_UNKNOWN',
  PASSKEY_NOT_FOUND: 'PASSKEY_NOT_FOUND',
  PASSKEY_ALREADY_REGISTERED: 'PASSKEY_ALREADY_REGISTERED',
  STEP_UP_REQUIRED: 'STEP_UP_REQUIRED',
  PASSWORDLESS_DISABLED: 'PASSWORDLESS_DISABLED',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

type Fields = Record<string, string>;
const error = <C extends ErrorCode>(code: C, message: string, fields?: Fields) =>
  new DomainError<C>(code, message, fields);
const C = ErrorCodes;

/** The one factory per refusal of the Account: code, message and field hints in one place. */
export const AccountErrors = {
  validationFailed: (fields: Fields) =>
    error(C.VALIDATION_FAILED, 'Some fields need attention. Each is named in "fields".', fields),
  /** Deliberately field-free: naming the wrong field would help someone guess a member's data. */
  rosterMismatch: () => error(C.ROSTER_MISMATCH, "The information you entered doesn't match our records."),
  /** Same answer for no account and for a wrong last name, date of birth or member id. */
  identityMismatch: () =>
    error(C.IDENTITY_MISMATCH, "The information you entered doesn't match our records."),
  /** `member`: the member (by member id) has an account; `account`: this account exists. */
  alreadyRegistered: (who: 'member' | 'account') =>
    error(
      C.ALREADY_REGISTERED,
      who === 'member' ? 'This member already has an account.' : 'An account already exists.',
    ),
  notRegistered: () => error(C.NOT_REGISTERED, 'There is no registered account.'),
  activationCodeInvalid: () =>
    error(C.ACTIVATION_CODE_INVALID, 'That activation code is not right.', {
      activationCode: 'Check the code in your letter.',
    }),
  activationCodeExpired: () =>
    error(C.ACTIVATION_CODE_EXPIRED, 'That activation code has expired. Request a new one.'),
  activationCodeAttemptsExceeded: () =>
    error(C.ACTIVATION_CODE_ATTEMPTS_EXCEEDED, 'Too many wrong codes. Request a new activation code.'),
  invalidCredentials: () => error(C.INVALID_CREDENTIALS, 'The username or password is not right.'),
  /** `until`: the end of the lock, epoch ms. */
  accountLocked: (until: number) =>
    error(C.ACCOUNT_LOCKED, `The account is locked until ${new Date(until).toISOString()}.`),
  accountDeactivated: () =>
    error(C.ACCOUNT_DEACTIVATED, 'The account has been deactivated. Please register again.'),
  usernameRequired: () =>
    error(C.USERNAME_REQUIRED, 'Create a username and enter your email address to continue.'),
  usernameAlreadyCreated: () => error(C.USERNAME_ALREADY_CREATED, 'This account already has a username.'),
  loginNotStarted: () => error(C.LOGIN_NOT_STARTED, 'Start again by signing in.'),
  /** A wrong emailed code. */
  codeInvalid: () =>
    error(C.CODE_INVALID, 'That code is not right.', { code: 'Check the 6-digit code we emailed you.' }),
  recoveryCodeInvalid: () =>
    error(C.CODE_INVALID, 'That recovery code is not right.', { code: 'Check the code.' }),
  /** Every refusal of a reset's code step, in one answer (the API's). */
  resetCodeRefused: () =>
    error(
      C.CODE_INVALID,
      'That code is not right, or it is no longer valid. Check it, or start the reset again for a new one.',
      { code: 'Check the code, or start the reset again.' },
    ),
  codeExpired: () => error(C.CODE_EXPIRED, 'That code has expired. Ask for a new code.'),
  codeAttemptsExceeded: () => error(C.CODE_ATTEMPTS_EXCEEDED, 'Too many wrong codes. Ask for a new code.'),
  resendLimitReached: () =>
    error(C.RESEND_LIMIT_REACHED, 'Too many codes sent. Wait a few minutes, then try again.'),
  authenticatorRequired: () => error(C.AUTHENTICATOR_REQUIRED, 'Add an authenticator app to sign in.'),
  authenticatorNotEnrolled: () => error(C.AUTHENTICATOR_NOT_ENROLLED, 'No authenticator app is set up.'),
  authenticatorCodeInvalid: () =>
    error(C.AUTHENTICATOR_CODE_INVALID, 'That code is not right.', {
      code: 'Enter the current code from your app.',
    }),
  /** The enrolment being confirmed is gone (expired or never started): the API's. */
  authenticatorEnrolmentLost: () => error(C.AUTHENTICATOR_CODE_INVALID, 'Start adding the app again.'),
  securityAnswerWrong: () =>
    error(C.SECURITY_ANSWER_WRONG, 'That answer is not right. Answers are case sensitive.', {
      answer: 'Not right.',
    }),
  resetNotAllowed: () => error(C.RESET_NOT_ALLOWED, 'Verify your identity again to reset your password.'),
  resetNotStarted: () => error(C.RESET_NOT_STARTED, 'Start the password reset again.'),
  currentPasswordWrong: () =>
    error(C.CURRENT_PASSWORD_WRONG, 'Your current password is not right.', {
      currentPassword: 'Not right.',
    }),
  /** The password asked for again before a sensitive change (removing the authenticator). */
  passwordWrong: () =>
    error(C.CURRENT_PASSWORD_WRONG, 'Your password is not right.', { password: 'Not right.' }),
  notLocked: () => error(C.NOT_LOCKED, 'The account is not locked.'),
  /** The refusal of every command on an erased account; also what the application layer answers when it cannot seal for one. */
  erased: () => error(C.ERASED, 'This account was erased.'),
  /** One answer for no link, a used one, a wrong one and another deactivation's: the token tells nothing. */
  reactivationInvalid: () =>
    error(C.REACTIVATION_INVALID, 'This link does not reactivate an account. Register again, or call us.'),
  reactivationExpired: () =>
    error(C.REACTIVATION_EXPIRED, 'This link has expired. Register again, or call us to reactivate.'),
  reactivationNotPossible: () =>
    error(
      C.REACTIVATION_NOT_POSSIBLE,
      'Your username, email address or member id has been used for a new registration since. Sign in with that account, or call us.',
    ),
  usernameTaken: () =>
    error(C.USERNAME_TAKEN, 'That username is already taken.', {
      username: 'That username is already taken.',
    }),
  emailTaken: () =>
    error(C.EMAIL_TAKEN, 'That email address is used by another account.', {
      email: 'That email address is used by another account.',
    }),
  memberAlreadyRegistered: () =>
    error(C.MEMBER_ALREADY_REGISTERED, 'An account is already registered for this member.', {
      memberId: 'An account is already registered for this member.',
    }),
  accountNotFound: () => error(C.ACCOUNT_NOT_FOUND, 'No account with this id.'),
  emailChangeNotStarted: () =>
    error(C.EMAIL_CHANGE_NOT_STARTED, 'Enter your new email address again to get a new code.'),
  // Passkeys: one answer for a wrong origin, RP id or signature (the verifier says which, the caller need not).
  passkeyRefused: () => error(C.PASSKEY_REFUSED, 'That passkey could not be verified.'),
  /** Expired, used already, or made for another ceremony: ask for new options. */
  passkeyChallengeInvalid: () =>
    error(C.PASSKEY_CHALLENGE_INVALID, 'This passkey request has expired or was used. Start again.'),
  passkeySignCountRegressed: () =>
    error(C.PASSKEY_SIGN_COUNT_REGRESSED, 'That passkey could not be verified. It may have been copied.'),
  passkeyUserVerificationRequired: () =>
    error(
      C.PASSKEY_USER_VERIFICATION_REQUIRED,
      'Unlock your passkey with your fingerprint, face or PIN to sign in with it alone.',
    ),
  /** Sign-in with a credential the account does not hold (never registered, or removed). */
  passkeyUnknown: () => error(C.PASSKEY_UNKNOWN, 'That passkey is not registered for this account.'),
  passkeyNotFound: () => error(C.PASSKEY_NOT_FOUND, 'No passkey with this id.'),
  passkeyAlreadyRegistered: () => error(C.PASSKEY_ALREADY_REGISTERED, 'This passkey is already registered.'),
  /** Adding a passkey needs a second factor given within the last minutes (a fresh sign-in). */
  stepUpRequired: () =>
    error(C.STEP_UP_REQUIRED, 'Sign in again to add a passkey: it needs a fresh second step.'),
  passwordlessDisabled: () =>
    error(C.PASSWORDLESS_DISABLED, 'Sign in with your username and password first.'),
} as const;

/** The refusal of every command on an erased account (AccountErrors.erased). */
export const accountErased = AccountErrors.erased;
/** AccountErrors.rosterMismatch. */
export const rosterMismatch = AccountErrors.rosterMismatch;

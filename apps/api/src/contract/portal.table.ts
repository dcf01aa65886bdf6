/** The portal's operations: members, nonmembers, producers and office users signing up, in and back in. */
import { LOGIN_TOKEN_EXAMPLE } from '../portal/shared/login-token';
import type { Table } from './operation';
import { PASSKEYS } from './passkeys.table';
import { ref, SESSION_TOKEN_EXAMPLE } from './schemas';

const session = {
  sessionToken: SESSION_TOKEN_EXAMPLE,
  mustChangePassword: false,
  expiresAt: '2026-05-01T20:00:00.000Z',
  idleTimeoutSeconds: 900,
};
const secondStep = {
  status: 200,
  description: 'Signed in: the session token and when it ends.',
  schema: ref('SessionGranted'),
  example: session,
};
/** What every second step of log on refuses: a wrong or spent code, or a login that is not under way. */
const SECOND_STEP_REFUSALS = [
  'INVALID_CREDENTIALS',
  'LOGIN_NOT_STARTED',
  'CODE_INVALID',
  'CODE_EXPIRED',
  'CODE_ATTEMPTS_EXCEEDED',
];
const REGISTERED = {
  status: 201,
  description: 'Registered.',
  schema: ref('Registered'),
  example: { registered: true },
};
const TAKEN = ['USERNAME_TAKEN', 'EMAIL_TAKEN', 'ALREADY_REGISTERED', 'MEMBER_ALREADY_REGISTERED'];
const RESET_REFUSALS = ['RESET_NOT_STARTED', 'LOGIN_NOT_STARTED'];
/** A command on an account whose personal data was erased (a token or session from before). */
const ERASED = ['ERASED'];
/** What a signed-in command meets when the account is no longer active (refuseUnlessActive in the domain). */
const INACTIVE = { 403: ['ACCOUNT_DEACTIVATED'], 422: ['ERASED', 'NOT_REGISTERED'] };

export const PORTAL: Table = {
  ...PASSKEYS,
  // Log on.
  'POST /v1/login': {
    success: {
      status: 200,
      description: 'The password was right: the second step is under way (`secondFactor` says which).',
      schema: ref('LoginStarted'),
      example: { loginToken: LOGIN_TOKEN_EXAMPLE, secondFactor: 'email-code' },
    },
    errors: { 401: ['INVALID_CREDENTIALS'], 403: ['USERNAME_REQUIRED'] },
  },
  'POST /v1/login/verify-code': {
    success: {
      status: 200,
      description:
        'Signed in: the session token and when it ends. Where an authenticator app is required and none is ' +
        'set up: no session yet, but an app to enrol (`authenticatorRequired: true`), confirmed at ' +
        'POST /v1/login/enrol-authenticator.',
      schema: { oneOf: [ref('SessionGranted'), ref('AuthenticatorEnrolmentRequired')] },
      example: session,
    },
    errors: { 422: ERASED, 401: SECOND_STEP_REFUSALS },
  },
  'POST /v1/login/enrol-authenticator': {
    success: secondStep,
    errors: { 422: ERASED, 401: ['INVALID_CREDENTIALS', 'LOGIN_NOT_STARTED', 'AUTHENTICATOR_CODE_INVALID'] },
  },
  'POST /v1/login/verify-authenticator': {
    success: secondStep,
    errors: {
      422: ERASED,
      401: [...SECOND_STEP_REFUSALS, 'AUTHENTICATOR_CODE_INVALID', 'AUTHENTICATOR_NOT_ENROLLED'],
    },
  },
  'POST /v1/login/verify-recovery-code': {
    success: secondStep,
    errors: { 422: ERASED, 401: [...SECOND_STEP_REFUSALS, 'AUTHENTICATOR_NOT_ENROLLED'] },
  },
  'POST /v1/login/resend-code': {
    success: {
      status: 202,
      description: 'A new code is on its way; the earlier one no longer works.',
      schema: ref('Sent'),
      example: { sent: true },
    },
    errors: { 422: ERASED, 401: ['INVALID_CREDENTIALS', 'LOGIN_NOT_STARTED'], 429: ['RESEND_LIMIT_REACHED'] },
  },
  'POST /v1/login/create-username': {
    success: {
      status: 201,
      description: 'The username now logs in.',
      schema: ref('Username'),
      example: { username: 'patexample' },
    },
    errors: { 401: ['INVALID_CREDENTIALS'], 409: [...TAKEN, 'USERNAME_ALREADY_CREATED'] },
  },
  // Signed in.
  'GET /v1/me': {
    beforePasswordChange: true,
    success: {
      status: 200,
      description: 'The signed-in account.',
      schema: ref('Me'),
      example: {
        username: 'patexample',
        email: 'pat@example.com',
        phone: '+15555550100',
        kind: 'member',
        status: 'active',
        emailVerified: true,
        mustChangePassword: false,
        authenticatorEnrolled: false,
      },
    },
  },
  'GET /v1/me/permissions': {
    success: {
      status: 200,
      description: 'What the portal may show this account.',
      schema: ref('Permissions'),
      example: { accountId: '4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10', kind: 'member', functions: [] },
    },
  },
  'POST /v1/me/password': {
    beforePasswordChange: true,
    success: { status: 204, description: 'Changed; every session ends, this one too.' },
    errors: { ...INACTIVE, 401: ['CURRENT_PASSWORD_WRONG'], 503: ['SESSIONS_NOT_REVOKED'] },
  },
  'POST /v1/me/logout': {
    beforePasswordChange: true,
    success: { status: 204, description: 'This session ended.' },
  },
  'POST /v1/me/logout-everywhere': {
    beforePasswordChange: true,
    success: { status: 204, description: "Every one of the account's sessions ended." },
  },
  'POST /v1/me/authenticator': {
    success: {
      status: 200,
      description: 'A new secret to add to the app; confirm it with the first code.',
      schema: ref('AuthenticatorEnrolment'),
    },
    errors: INACTIVE,
  },
  'POST /v1/me/authenticator/confirm': {
    success: { status: 204, description: 'The app is set up: log on now asks for its code.' },
    errors: { ...INACTIVE, 401: ['AUTHENTICATOR_CODE_INVALID'] },
  },
  'POST /v1/me/authenticator/remove': {
    success: { status: 204, description: 'The app is removed: log on emails a code again.' },
    errors: {
      ...INACTIVE,
      401: ['CURRENT_PASSWORD_WRONG', 'INVALID_CREDENTIALS', 'AUTHENTICATOR_NOT_ENROLLED'],
    },
  },
  'POST /v1/me/recovery-codes': {
    success: {
      status: 200,
      description: 'Ten one-time codes, shown this once; the earlier ones no longer work.',
      schema: ref('RecoveryCodes'),
    },
    errors: { ...INACTIVE, 401: ['AUTHENTICATOR_NOT_ENROLLED'] },
  },
  // Contact details and the security question.
  'POST /v1/me/email': {
    success: {
      status: 202,
      description: 'A code is on its way to the new address; the address changes when it is confirmed.',
      schema: ref('Sent'),
      example: { sent: true },
    },
    errors: {
      ...INACTIVE,
      401: ['CURRENT_PASSWORD_WRONG'],
      409: ['EMAIL_TAKEN'],
      429: ['RESEND_LIMIT_REACHED'],
    },
  },
  'POST /v1/me/email/confirm': {
    success: { status: 204, description: 'The new address is the account’s; the old one was told.' },
    errors: {
      ...INACTIVE,
      401: ['CODE_INVALID', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED'],
      409: ['EMAIL_CHANGE_NOT_STARTED', 'EMAIL_TAKEN'],
    },
  },
  'POST /v1/me/phone': {
    success: { status: 204, description: 'The phone number is changed.' },
    errors: INACTIVE,
  },
  'POST /v1/me/security-question': {
    success: { status: 204, description: 'The security question and its answer are changed.' },
    errors: { ...INACTIVE, 401: ['CURRENT_PASSWORD_WRONG'] },
  },
  // Password reset.
  'POST /v1/password-resets': {
    success: {
      status: 202,
      description: 'A code is emailed if the username exists; the token looks the same either way.',
      schema: ref('ResetStarted'),
      example: { resetToken: LOGIN_TOKEN_EXAMPLE },
    },
    errors: { 429: ['RESEND_LIMIT_REACHED'] },
  },
  'POST /v1/password-resets/verify-code': {
    success: { status: 204, description: 'The owner is proven: the new password may be set.' },
    errors: {
      422: ERASED,
      401: [
        ...RESET_REFUSALS,
        'CODE_INVALID',
        'CODE_EXPIRED',
        'CODE_ATTEMPTS_EXCEEDED',
        'AUTHENTICATOR_CODE_INVALID',
      ],
      403: ['RESET_NOT_ALLOWED'],
    },
  },
  'POST /v1/password-resets/complete': {
    success: { status: 204, description: 'The new password is set; every session and any lock ended.' },
    errors: { 422: ERASED, 401: RESET_REFUSALS, 403: ['RESET_NOT_ALLOWED'] },
  },
  'POST /v1/password-resets/security-question': {
    success: {
      status: 200,
      description: "The account's security question, and the token to answer it with.",
      schema: ref('SecurityQuestion'),
      example: { resetToken: LOGIN_TOKEN_EXAMPLE, question: 'Name of your first pet?' },
    },
    errors: { 403: ['ACCOUNT_DEACTIVATED', 'RESET_NOT_ALLOWED'], 422: ['IDENTITY_MISMATCH'] },
  },
  'POST /v1/password-resets/security-answer': {
    success: { status: 204, description: 'The answer is right: the new password may be set.' },
    errors: {
      401: RESET_REFUSALS,
      403: ['ACCOUNT_DEACTIVATED', 'RESET_NOT_ALLOWED'],
      422: [...ERASED, 'SECURITY_ANSWER_WRONG', 'IDENTITY_MISMATCH'],
    },
  },
  'POST /v1/username-reminders': {
    success: {
      status: 202,
      description: 'The username is emailed if the address is known; the answer is the same either way.',
      schema: ref('Accepted'),
      example: { accepted: true },
    },
  },
  // Registration and activation.
  'POST /v1/registrations/nonmember': { success: REGISTERED, errors: { 409: TAKEN } },
  'POST /v1/registrations/member': { success: REGISTERED, errors: { 409: TAKEN, 422: ['ROSTER_MISMATCH'] } },
  'POST /v1/registrations/producer': {
    success: REGISTERED,
    errors: { 409: TAKEN, 422: ['ROSTER_MISMATCH'] },
  },
  'POST /v1/registrations/activation-code': {
    success: REGISTERED,
    errors: {
      409: TAKEN,
      422: ['ACTIVATION_CODE_INVALID', 'ACTIVATION_CODE_EXPIRED', 'ACTIVATION_CODE_ATTEMPTS_EXCEEDED'],
    },
  },
  'POST /v1/activation-codes': {
    success: {
      status: 202,
      description: 'A letter with an activation code is on its way if the member matches the roster.',
      schema: ref('Accepted'),
      example: { accepted: true },
    },
    errors: { 409: TAKEN, 422: ['ROSTER_MISMATCH'], 429: ['RESEND_LIMIT_REACHED'] },
  },
  'POST /v1/reactivations': {
    success: {
      status: 200,
      description: 'The account is active again.',
      schema: ref('Reactivated'),
      example: { reactivated: true },
    },
    errors: {
      409: ['REACTIVATION_NOT_POSSIBLE', ...TAKEN],
      422: ['REACTIVATION_INVALID', 'REACTIVATION_EXPIRED'],
    },
  },
};

/**
 * An account's state as an auditor may see it. Built field by field from an allow
 * list, never by copying the state and deleting secrets: a secret added to the
 * state later stays out of the view until someone decides how to show it (the
 * `HANDLED` table below stops the build until they do).
 *
 * Secrets become presence flags: the password hash, the security answer hash, code
 * hashes, sealed codes and authenticator secrets, recovery code hashes, and the reset
 * id a correct security answer unlocked (with the account id it is the whole reset
 * token). The security question is left out too: DESIGN.md keeps it for the owner,
 * after the identity check, and an auditor needs to know only that one is set.
 * Personal data is shown as the vault opened it ('[erased]' once the key is gone).
 * Times are ISO strings.
 */
import type {
  AccountKind,
  AccountState,
  AccountStatus,
  Organisation,
  PasskeyCredential,
  Profile,
  SecondStep,
} from '@portal/domain';

export interface CodeView {
  id: string;
  /** A keyed hash of the code is held; the code itself never is. */
  hasCodeHash: boolean;
  expiresAt: string;
  attempts: number;
}

export interface SecondStepView {
  otp?: CodeView;
  /** When each emailed code of this attempt expires (one per send). */
  codesSentExpiringAt: string[];
  verified: boolean;
}

export interface AccountStateView {
  status: AccountStatus;
  accountId?: string;
  kind?: AccountKind;
  /** The provider office, employer group or payer (business data, shown as it is). */
  organisation?: Organisation;
  /** Opened with the account's key; each field reads '[erased]' once the key is erased. */
  profile?: Profile;
  username?: string;
  emailVerified: boolean;
  hasPassword: boolean;
  mustChangePassword: boolean;
  legacy: boolean;
  hasSecurityQuestion: boolean;
  hasSecurityAnswer: boolean;
  consecutiveWrongAnswers: number;
  consecutiveFailures: number;
  lockedUntil?: string;
  activation?: CodeView & { mailedAt?: string; expectedDeliveryAt?: string; used: boolean };
  /** A change of email address waiting for the code sent to the new address (the address is in the history). */
  emailChange?: CodeView;
  /** A login between its password and its second factor. */
  login?: SecondStepView;
  /** A password reset between its start and its code (kept apart from a login in progress). */
  reset?: SecondStepView;
  /** When each wrong code of a login was tried within the lock's window (emailed, app, recovery). */
  wrongCodesAt: string[];
  /** The same for resets' codes. */
  wrongResetCodesAt: string[];
  /** A password reset is allowed (a correct security answer or a verified code) and not yet used. */
  resetAllowed: boolean;
  /** Until when the emailed link undoes a deactivation by wrong security answers (its token hash is a secret). */
  reactivableUntil?: string;
  authenticator?: { hasSecret: boolean; lastTimeStep: number };
  recoveryCodes: { issued: number; unused: number };
  sessionsStarted: number;
  erased: boolean;
  /** The account's passkeys (absent when none): the name opened with the account's key ('[erased]' once it is gone); no credential id. */
  passkeys?: PasskeyView[];
}

export interface PasskeyView {
  passkeyId: string;
  name: string;
  registeredAt: string;
  lastUsedAt?: string;
  signCount: number;
  backupEligible: boolean;
  backedUp: boolean;
  transports: string[];
}

/**
 * Every field of AccountState, marked as handled by toAuditView. A field added to the
 * state fails to compile here until it is listed, and listing it is the moment to
 * decide whether it is a secret.
 */
const HANDLED: { readonly [K in keyof Required<AccountState>]: true } = {
  status: true,
  accountId: true,
  kind: true,
  organisation: true,
  profile: true,
  username: true,
  emailVerified: true,
  passwordHash: true,
  mustChangePassword: true,
  legacy: true,
  securityQuestion: true,
  securityAnswerHash: true,
  consecutiveWrongAnswers: true,
  consecutiveFailures: true,
  lockedUntil: true,
  activation: true,
  login: true,
  reset: true,
  wrongCodesAt: true,
  wrongResetCodesAt: true,
  resetAllowed: true,
  reactivation: true,
  authenticator: true,
  recoveryCodeHashes: true,
  sessionsStarted: true,
  erased: true,
  emailChange: true,
  passkeys: true,
  // Keyed hashes of answered WebAuthn challenges: nothing an auditor reads.
  passkeyChallengesUsed: true,
};
void HANDLED;

const iso = (ms: number) => new Date(ms).toISOString();

function code(c: { id: string; hash: string; expiresAt: number; attempts: number }): CodeView {
  return { id: c.id, hasCodeHash: c.hash !== '', expiresAt: iso(c.expiresAt), attempts: c.attempts };
}

function stepView(p: SecondStep): SecondStepView {
  return {
    ...(p.otp ? { otp: code(p.otp) } : {}),
    codesSentExpiringAt: p.sends.map(iso),
    verified: p.verified,
  };
}

function profileView(p: Profile): Profile {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    email: p.email,
    ...(p.phone !== undefined ? { phone: p.phone } : {}),
    ...(p.memberId !== undefined ? { memberId: p.memberId } : {}),
    ...(p.producerId !== undefined ? { producerId: p.producerId } : {}),
  };
}

export function toAuditView(s: AccountState): AccountStateView {
  const a = s.activation;
  return {
    status: s.status,
    ...(s.accountId !== undefined ? { accountId: s.accountId } : {}),
    ...(s.kind !== undefined ? { kind: s.kind } : {}),
    ...(s.organisation !== undefined ? { organisation: { ...s.organisation } } : {}),
    ...(s.profile !== undefined ? { profile: profileView(s.profile) } : {}),
    ...(s.username !== undefined ? { username: s.username } : {}),
    emailVerified: s.emailVerified,
    hasPassword: Boolean(s.passwordHash),
    mustChangePassword: s.mustChangePassword,
    legacy: s.legacy,
    hasSecurityQuestion: Boolean(s.securityQuestion),
    hasSecurityAnswer: Boolean(s.securityAnswerHash),
    consecutiveWrongAnswers: s.consecutiveWrongAnswers,
    consecutiveFailures: s.consecutiveFailures,
    ...(s.lockedUntil !== undefined ? { lockedUntil: iso(s.lockedUntil) } : {}),
    ...(a
      ? {
          activation: {
            ...code(a),
            ...(a.mailedAt !== undefined ? { mailedAt: iso(a.mailedAt) } : {}),
            ...(a.expectedDeliveryAt !== undefined ? { expectedDeliveryAt: iso(a.expectedDeliveryAt) } : {}),
            used: a.used,
          },
        }
      : {}),
    ...(s.emailChange ? { emailChange: code(s.emailChange) } : {}),
    ...(s.login ? { login: stepView(s.login) } : {}),
    ...(s.reset ? { reset: stepView(s.reset) } : {}),
    wrongCodesAt: s.wrongCodesAt.map(iso),
    wrongResetCodesAt: s.wrongResetCodesAt.map(iso),
    resetAllowed: s.resetAllowed !== undefined,
    ...(s.reactivation ? { reactivableUntil: iso(s.reactivation.until) } : {}),
    ...(s.authenticator
      ? {
          authenticator: {
            hasSecret: Boolean(s.authenticator.secretSealed),
            lastTimeStep: s.authenticator.lastStep,
          },
        }
      : {}),
    recoveryCodes: {
      issued: s.recoveryCodeHashes.length,
      unused: s.recoveryCodeHashes.filter((h) => h !== null).length,
    },
    sessionsStarted: s.sessionsStarted,
    erased: s.erased,
    ...(s.passkeys.length > 0 ? { passkeys: s.passkeys.map(passkeyView) } : {}),
  };
}

function passkeyView(p: PasskeyCredential): PasskeyView {
  return {
    passkeyId: p.passkeyId,
    name: p.name,
    registeredAt: iso(p.registeredAt),
    ...(p.lastUsedAt !== undefined ? { lastUsedAt: iso(p.lastUsedAt) } : {}),
    signCount: p.signCount,
    backupEligible: p.backupEligible,
    backedUp: p.backedUp,
    transports: [...p.transports],
  };
}

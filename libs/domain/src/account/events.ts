/**
 * The Account stream's events. Times are ISO-8601 strings. No secret is ever here
 * in clear: passwords and security answers as argon2 strings, codes as keyed
 * hashes (`…Hash`), and what must still be delivered or used later (a code for
 * the letter, an authenticator secret) sealed by the infrastructure (`…Sealed`,
 * listed in SECRET_FIELDS). Personal data is listed in PERSONAL_DATA_FIELDS. Both
 * lists come from the event catalogue (catalogue.ts), where a new event type gets its row.
 */
import type { DomainEvent } from '../decider';

export interface Profile {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  phone?: string;
  memberId?: string;
  /** A producer's agency or producer number (seed 004's producers): it names a person, so it is sealed. */
  producerId?: string;
}

/**
 * Who the account is for (seed 004, "How do I get access to the secure portal?"):
 * members and nonmember patients, provider office staff, employers, producers, payers.
 */
export type AccountKind = 'member' | 'nonmember' | 'provider' | 'employer' | 'producer' | 'payer';

export const ACCOUNT_KINDS: readonly AccountKind[] = [
  'member',
  'nonmember',
  'provider',
  'employer',
  'producer',
  'payer',
];

/** The organisation an account belongs to: a provider office, an employer group, a payer. Business data, not personal. */
export interface Organisation {
  kind: 'office' | 'employer' | 'payer';
  id: string;
  name: string;
}

/** Who issued a temporary password: plan staff (support) or an office's ID administrator (an account id). */
export type IssuedBy = { staffId: string } | { administratorId: string };

type E<T extends string, D extends object> = DomainEvent<T, D>;

export type AccountEvent =
  | E<
      'ActivationCodeIssued',
      {
        accountId: string;
        codeId: string;
        codeHash: string;
        codeSealed: string;
        memberId: string;
        expiresAt: string;
      }
    >
  | E<
      'ActivationCodeMailed',
      { codeId: string; vendorReference: string; mailedAt: string; expectedDeliveryAt: string }
    >
  | E<'ActivationCodeFailed', { codeId: string; attempts: number }>
  | E<
      'Registered',
      {
        accountId: string;
        kind: AccountKind;
        via: 'activation-code' | 'roster-match' | 'nonmember' | 'producer-online' | 'office-registration';
        profile: Profile;
        organisation?: Organisation;
        passwordHash: string;
        securityQuestion: string;
        securityAnswerHash: string;
        communication: { email: boolean; text: boolean };
        termsAcceptedAt: string;
      }
    >
  | E<
      'LegacyAccountImported',
      { accountId: string; memberId: string; passwordHash: string; profile: Profile }
    >
  | E<
      'AccountCreated',
      {
        accountId: string;
        kind: 'provider' | 'employer' | 'payer';
        /** Created by an office's ID administrator (an account id) or by plan staff (a staff id), named in `by`. */
        via: 'office-administrator' | 'plan-staff';
        by: string;
        profile: Profile;
        organisation: Organisation;
      }
    >
  | E<'UsernameCreated', { username: string }>
  /** `previousEmail`: the address it replaced, told of the change (absent when a legacy account first gave one). */
  | E<'EmailChanged', { email: string; previousEmail?: string }>
  | E<'EmailVerified', { email: string }>
  | E<'PasswordAccepted', { loginId: string }>
  /** The right password was given for a hash made with weaker argon2 parameters: rehashed with the current ones. */
  | E<'PasswordHashUpgraded', { passwordHash: string }>
  | E<'PasswordResetRequested', { loginId: string }>
  | E<
      'LoginFailed',
      {
        reason: 'wrong-password' | 'locked' | 'wrong-code' | 'wrong-authenticator-code' | 'wrong-passkey';
        consecutive: number;
        /** When a wrong code was tried (absent before codes counted toward a lock, and for passwords). */
        at?: string;
      }
    >
  | E<
      'Locked',
      {
        until: string;
        consecutiveFailures: number;
        /** Set when wrong codes within the policy's window locked it (`lockout.wrongCodes`). */
        wrongCodes?: number;
      }
    >
  | E<'Unlocked', { by: 'support' | 'password-reset' }>
  | E<
      'OtpIssued',
      { loginId: string; otpId: string; codeHash: string; codeSealed: string; expiresAt: string }
    >
  /** `otpId` is `authenticator` for an app's wrong code on a reset. `at`: absent in events from before it counted. */
  | E<'OtpFailed', { loginId: string; otpId: string; attempts: number; at?: string }>
  | E<'OtpVerified', { loginId: string; otpId: string }>
  | E<'AuthenticatorCodeAccepted', { loginId: string; timeStep: number }>
  | E<'RecoveryCodeUsed', { loginId: string; index: number }>
  | E<
      'LoginSucceeded',
      {
        loginId: string;
        sessionId: string;
        method: 'email-code' | 'authenticator' | 'recovery-code' | 'passkey';
      }
    >
  | E<'SecurityAnswerFailed', { consecutive: number }>
  | E<'SecurityAnswerAccepted', { resetId: string }>
  /**
   * After wrong security answers, the deactivation carries the owner's way back: a link token
   * (keyed hash to check it, sealed for the email) valid until `reactivableUntil`.
   */
  | E<
      'Deactivated',
      {
        reason: 'security-answers' | 'support' | 'owner';
        reactivationHash?: string;
        reactivationSealed?: string;
        reactivableUntil?: string;
      }
    >
  /** The owner undid a deactivation by wrong security answers, with the emailed link. */
  | E<'Reactivated', { via: 'email-link' }>
  | E<'PasswordChanged', { passwordHash: string }>
  | E<'PasswordReset', { passwordHash: string; via: 'two-step' | 'security-question' }>
  | E<'TemporaryPasswordIssued', { passwordHash: string; passwordSealed: string } & IssuedBy>
  | E<'AuthenticatorAdded', { secretSealed: string; confirmedStep: number }>
  | E<'AuthenticatorRemoved', Record<string, never>>
  | E<'RecoveryCodesIssued', { codeHashes: string[] }>
  | E<'UsernameReminderSent', { requestedAt: string }>
  /**
   * Someone tried to open a second account with this account's email address or
   * member id (registration, or an activation-code request for a member who already
   * has an account). The caller heard the same as a success; the owner is emailed.
   */
  | E<'AlreadyRegisteredNoticeSent', { matched: 'email' | 'member'; requestedAt: string }>
  | E<'PersonalDataErased', { erasedAt: string }>
  // The signed-in owner's contact details and security question (self-service.ts).
  /** A code went to the new address; the address changes only when it comes back (EmailChanged). */
  | E<
      'EmailChangeRequested',
      { changeId: string; email: string; codeHash: string; codeSealed: string; expiresAt: string }
    >
  | E<'EmailChangeFailed', { changeId: string; attempts: number }>
  | E<'PhoneChanged', { phone: string }>
  | E<'SecurityQuestionChanged', { securityQuestion: string; securityAnswerHash: string }>
  | PasskeyEvent;

/**
 * Passkeys (WebAuthn, passkeys.ts). The credential id and the owner's name for it are personal
 * (sealed); the COSE public key (base64url) is kept in clear. Each ceremony's challenge is
 * recorded as a keyed hash with its expiry, so that it is used once.
 */
export type PasskeyEvent =
  | E<
      'PasskeyRegistered',
      {
        passkeyId: string;
        credentialId: string;
        publicKey: string;
        signCount: number;
        backupEligible: boolean;
        backedUp: boolean;
        transports: string[];
        name: string;
        userVerified: boolean;
        challengeHash: string;
        challengeExpiresAt: string;
        registeredAt: string;
      }
    >
  | E<
      'PasskeyUsed',
      {
        passkeyId: string;
        loginId: string;
        via: 'second-step' | 'passwordless';
        signCount: number;
        backedUp: boolean;
        userVerified: boolean;
        challengeHash: string;
        challengeExpiresAt: string;
        usedAt: string;
      }
    >
  | E<'PasskeyRenamed', { passkeyId: string; name: string }>
  | E<'PasskeyRemoved', { passkeyId: string; by: 'owner' | 'support'; staffId?: string; reason?: string }>
  /** An assertion whose signature counter did not move past the stored one: refused (a cloned authenticator?). */
  | E<
      'PasskeySignCountRegressed',
      {
        passkeyId: string;
        storedCount: number;
        reportedCount: number;
        challengeHash: string;
        challengeExpiresAt: string;
        at: string;
      }
    >;

export type AccountEventType = AccountEvent['type'];

/** Events after which every session of the account must end. */
export const ENDS_ALL_SESSIONS: ReadonlySet<AccountEventType> = new Set<AccountEventType>([
  'PasswordChanged',
  'PasswordReset',
  'TemporaryPasswordIssued',
  'Locked',
  'Deactivated',
  'PersonalDataErased',
]);

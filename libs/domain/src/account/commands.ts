/**
 * Commands to the Account decider. Every command carries `now` (epoch ms). What
 * needs I/O or a slow hash is done before `decide` by the application layer and
 * arrives as a value: `passwordMatches` (argon2 verify against the state's hash,
 * or a dummy hash when there is none), `codeHash` (HMAC of a submitted code),
 * `matchedTimeStep` (which TOTP step a code matched, or null), `rosterMatched`.
 * New secrets arrive hashed (`passwordHash`) and, when they must be delivered,
 * sealed (`codeSealed`); a chosen password also arrives in clear in `password`,
 * only so that the rules can be checked here, and never enters an event.
 */
import type { IssuedBy, Organisation, Profile } from './events';

interface At {
  now: number;
}

export interface NewCredentials {
  username: string;
  password: string;
  passwordHash: string;
  securityQuestion: string;
  securityAnswerHash: string;
}

export type AccountCommand =
  | (At & {
      type: 'RequestActivationCode';
      accountId: string;
      memberId: string;
      rosterMatched: boolean;
      codeId: string;
      codeHash: string;
      codeSealed: string;
    })
  | (At & {
      type: 'RecordActivationCodeMailed';
      codeId: string;
      vendorReference: string;
      expectedDeliveryAt: number;
    })
  | (At &
      NewCredentials & {
        type: 'RegisterWithActivationCode';
        codeHash: string;
        profile: Profile;
        communication: { email: boolean; text: boolean };
        termsAccepted: boolean;
      })
  | (At &
      NewCredentials & {
        type: 'RegisterMember';
        accountId: string;
        rosterMatched: boolean;
        profile: Profile;
        communication: { email: boolean; text: boolean };
        termsAccepted: boolean;
      })
  | (At &
      NewCredentials & {
        type: 'RegisterNonmember';
        accountId: string;
        profile: Profile;
        communication: { email: boolean; text: boolean };
        termsAccepted: boolean;
      })
  | (At &
      NewCredentials & {
        /** Seed 004: "Register for Producer Portal access here." No roster match; the producer id is theirs. */
        type: 'RegisterProducer';
        accountId: string;
        profile: Profile;
        communication: { email: boolean; text: boolean };
        termsAccepted: boolean;
      })
  | (At &
      NewCredentials & {
        /** Seed 004: a provider office's online registration, by its first ID administrator. */
        type: 'RegisterOfficeAdministrator';
        accountId: string;
        office: Organisation & { kind: 'office' };
        profile: Profile;
        communication: { email: boolean; text: boolean };
        termsAccepted: boolean;
      })
  | (At & {
      /**
       * An account someone else creates: office staff by their ID administrator, employers and payers by
       * plan staff. It starts with a temporary password (hashed, and sealed for the email), changed at first login.
       */
      type: 'CreateAccount';
      accountId: string;
      kind: 'provider' | 'employer' | 'payer';
      via: 'office-administrator' | 'plan-staff';
      by: string;
      organisation: Organisation;
      profile: Profile;
      username: string;
      passwordHash: string;
      passwordSealed: string;
    })
  /** An account of the portal before usernames (seed 004): it logs in with its member id until it creates a username. */
  | (At & {
      type: 'ImportLegacyAccount';
      accountId: string;
      memberId: string;
      /** The old portal's password hash, argon2 (a weaker one is replaced at the first login with the new username). */
      passwordHash: string;
      profile: Profile;
    })
  | (At & { type: 'CreateUsername'; username: string; email: string })
  | (At & {
      type: 'LogIn';
      loginId: string;
      passwordMatches: boolean;
      /** Logging in with the member id instead of a username: only a legacy account may (seed 004). */
      viaMemberId?: boolean;
      /** A fresh emailed code, used when the account has no authenticator app. */
      otp: { otpId: string; codeHash: string; codeSealed: string };
      /** The password hashed with the current parameters, when the stored hash used weaker ones. */
      upgradedHash?: string;
    })
  | (At & {
      type: 'ResendOtp';
      loginId: string;
      otp: { otpId: string; codeHash: string; codeSealed: string };
    })
  | (At & { type: 'VerifyOtp'; loginId: string; codeHash: string; sessionId: string })
  | (At & {
      type: 'VerifyAuthenticatorCode';
      loginId: string;
      matchedTimeStep: number | null;
      sessionId: string;
    })
  | (At & { type: 'UseRecoveryCode'; loginId: string; codeHash: string; sessionId: string })
  /**
   * The third step of a login when the policy requires an authenticator app and the account has none:
   * the emailed code is verified, and the new app's first code adds it and signs in.
   */
  | (At & {
      type: 'EnrolAuthenticatorAtLogin';
      loginId: string;
      secretSealed: string;
      matchedTimeStep: number | null;
      sessionId: string;
    })
  | (At & {
      type: 'RequestPasswordReset';
      loginId: string;
      otp: { otpId: string; codeHash: string; codeSealed: string };
    })
  | (At & {
      type: 'AnswerSecurityQuestion';
      /**
       * The question step's: the API showed the question only to a person whose last name, date of birth and
       * username or member id matched (identityMatches), and its token names that step.
       */
      resetId: string;
      answerMatches: boolean;
      /** The owner's way back, used only if this answer deactivates the account: a fresh token, hashed and sealed. */
      reactivation: { tokenHash: string; tokenSealed: string };
    })
  /** The emailed link that undoes a deactivation by wrong security answers; `tokenHash` is the keyed hash of its token. */
  | (At & { type: 'Reactivate'; tokenHash: string })
  | (At & { type: 'CompletePasswordReset'; resetId: string; password: string; passwordHash: string })
  | (At & { type: 'ChangePassword'; currentPasswordMatches: boolean; password: string; passwordHash: string })
  | (At & { type: 'IssueTemporaryPassword'; passwordHash: string; passwordSealed: string } & IssuedBy)
  | (At & { type: 'Unlock' })
  | (At & { type: 'ConfirmAuthenticator'; secretSealed: string; matchedTimeStep: number | null })
  | (At & { type: 'RemoveAuthenticator'; passwordMatches: boolean })
  | (At & { type: 'IssueRecoveryCodes'; codeHashes: string[] })
  | (At & { type: 'SendUsernameReminder' })
  | (At & { type: 'SendAlreadyRegisteredNotice'; matched: 'email' | 'member' })
  | (At & { type: 'Deactivate'; reason: 'support' | 'owner' })
  // The signed-in owner's contact details and security question (self-service.ts).
  | (At & {
      type: 'RequestEmailChange';
      currentPasswordMatches: boolean;
      email: string;
      /** A fresh code for the new address: hashed to check, sealed for the worker that mails it. */
      code: { changeId: string; codeHash: string; codeSealed: string };
    })
  | (At & { type: 'ConfirmEmailChange'; codeHash: string })
  | (At & { type: 'ChangePhone'; phone: string })
  | (At & {
      type: 'ChangeSecurityQuestion';
      currentPasswordMatches: boolean;
      securityQuestion: string;
      securityAnswerHash: string;
    })
  | (At & { type: 'ErasePersonalData' })
  | PasskeyCommand;

/** A WebAuthn challenge as the decider sees it: its keyed hash and when it expires (epoch ms). */
export interface PasskeyChallenge {
  hash: string;
  expiresAt: number;
}

/**
 * Passkeys (passkeys.ts). The WebAuthn verification (origin, RP id, challenge, signature) is
 * done before `decide` and arrives as `verified` and the authenticator's values.
 */
export type PasskeyCommand =
  | (At & {
      type: 'RegisterPasskey';
      passkeyId: string;
      credentialId: string;
      publicKey: string;
      signCount: number;
      backupEligible: boolean;
      backedUp: boolean;
      transports: string[];
      name: string;
      userVerified: boolean;
      challenge: PasskeyChallenge;
      /** When the session's second factor was given (the session's start): the step-up. */
      secondFactorAt: number;
    })
  | (At & {
      type: 'UsePasskey';
      /** In place of the emailed code after the password, or alone (passwordless). */
      via: 'second-step' | 'passwordless';
      /** The login in progress (second step), or the challenge's hash (passwordless). */
      loginId: string;
      credentialId: string;
      verified: boolean;
      signCount: number;
      backedUp: boolean;
      userVerified: boolean;
      challenge: PasskeyChallenge;
      sessionId: string;
    })
  | (At & { type: 'RenamePasskey'; passkeyId: string; name: string })
  | (At & { type: 'RemovePasskey'; passkeyId: string; by: 'owner' })
  | (At & { type: 'RemovePasskey'; passkeyId: string; by: 'support'; staffId: string; reason: string });

export type AccountCommandType = AccountCommand['type'];

/** What the Account decider knows, folded from the stream. */
import type { AccountEvent, AccountKind, Organisation, Profile } from './events';

export type AccountStatus = 'new' | 'activation-pending' | 'active' | 'deactivated';

export interface PendingCode {
  id: string;
  hash: string;
  expiresAt: number;
  attempts: number;
}

export interface AccountState {
  status: AccountStatus;
  accountId?: string;
  kind?: AccountKind;
  /** The provider office, employer group or payer the account belongs to. */
  organisation?: Organisation;
  profile?: Profile;
  username?: string;
  emailVerified: boolean;
  passwordHash?: string;
  mustChangePassword: boolean;
  /** Signed in with a member id and still has to create a username and email (seed 004). */
  legacy: boolean;
  /** Shown to the owner only after the identity check; never to support. */
  securityQuestion?: string;
  securityAnswerHash?: string;
  consecutiveWrongAnswers: number;
  consecutiveFailures: number;
  lockedUntil?: number;
  activation?: PendingCode & { mailedAt?: number; expectedDeliveryAt?: number; used: boolean };
  /** A login or reset between its first step and its second factor. */
  pending?: {
    loginId: string;
    purpose: 'login' | 'reset';
    otp?: PendingCode;
    sends: number[];
    verified: boolean;
  };
  /** After a deactivation by wrong security answers: the emailed link's token hash, and until when it works. */
  reactivation?: { hash: string; until: number };
  /** A reset allowed by a correct security answer or a verified code, not yet used. */
  resetAllowed?: string;
  authenticator?: { secretSealed: string; lastStep: number };
  recoveryCodeHashes: (string | null)[];
  sessionsStarted: number;
  erased: boolean;
}

export function initialState(): AccountState {
  return {
    status: 'new',
    emailVerified: false,
    mustChangePassword: false,
    legacy: false,
    consecutiveWrongAnswers: 0,
    consecutiveFailures: 0,
    recoveryCodeHashes: [],
    sessionsStarted: 0,
    erased: false,
  };
}

const ms = (iso: string) => Date.parse(iso);

export function evolve(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'ActivationCodeIssued':
      return {
        ...state,
        status: state.status === 'new' ? 'activation-pending' : state.status,
        accountId: state.accountId ?? event.data.accountId,
        activation: {
          id: event.data.codeId,
          hash: event.data.codeHash,
          expiresAt: ms(event.data.expiresAt),
          attempts: 0,
          used: false,
        },
      };
    case 'ActivationCodeMailed':
      return state.activation?.id === event.data.codeId
        ? {
            ...state,
            activation: {
              ...state.activation,
              mailedAt: ms(event.data.mailedAt),
              expectedDeliveryAt: ms(event.data.expectedDeliveryAt),
            },
          }
        : state;
    case 'ActivationCodeFailed':
      return state.activation
        ? { ...state, activation: { ...state.activation, attempts: event.data.attempts } }
        : state;
    case 'Registered':
      return {
        ...state,
        status: 'active',
        accountId: event.data.accountId,
        kind: event.data.kind,
        organisation: event.data.organisation,
        profile: event.data.profile,
        passwordHash: event.data.passwordHash,
        securityQuestion: event.data.securityQuestion,
        securityAnswerHash: event.data.securityAnswerHash,
        activation: state.activation
          ? { ...state.activation, used: event.data.via === 'activation-code' }
          : undefined,
        consecutiveFailures: 0,
        consecutiveWrongAnswers: 0,
        lockedUntil: undefined,
        mustChangePassword: false,
        legacy: false,
      };
    case 'LegacyAccountImported':
      return {
        ...state,
        status: 'active',
        accountId: event.data.accountId,
        kind: 'member',
        profile: event.data.profile,
        passwordHash: event.data.passwordHash,
        legacy: true,
      };
    case 'AccountCreated':
      // The password and the must-change flag come with the TemporaryPasswordIssued that follows.
      return {
        ...state,
        status: 'active',
        accountId: event.data.accountId,
        kind: event.data.kind,
        organisation: event.data.organisation,
        profile: event.data.profile,
        legacy: false,
      };
    case 'UsernameCreated':
      return { ...state, username: event.data.username, legacy: false };
    case 'EmailChanged':
      return state.profile
        ? { ...state, profile: { ...state.profile, email: event.data.email }, emailVerified: false }
        : state;
    case 'EmailVerified':
      return { ...state, emailVerified: true };
    case 'PasswordAccepted':
      return {
        ...state,
        pending: { loginId: event.data.loginId, purpose: 'login', sends: [], verified: false },
      };
    case 'PasswordHashUpgraded':
      return { ...state, passwordHash: event.data.passwordHash };
    case 'PasswordResetRequested':
      return {
        ...state,
        pending: { loginId: event.data.loginId, purpose: 'reset', sends: [], verified: false },
      };
    case 'LoginFailed':
      return { ...state, consecutiveFailures: event.data.consecutive };
    case 'Locked':
      return { ...state, lockedUntil: ms(event.data.until), consecutiveFailures: 0, pending: undefined };
    case 'Unlocked':
      return { ...state, lockedUntil: undefined, consecutiveFailures: 0 };
    case 'OtpIssued': {
      if (state.pending?.loginId !== event.data.loginId) return state;
      const otp = {
        id: event.data.otpId,
        hash: event.data.codeHash,
        expiresAt: ms(event.data.expiresAt),
        attempts: 0,
      };
      return { ...state, pending: { ...state.pending, otp, sends: [...state.pending.sends, otp.expiresAt] } };
    }
    case 'OtpFailed':
      return state.pending?.otp?.id === event.data.otpId
        ? {
            ...state,
            pending: { ...state.pending, otp: { ...state.pending.otp, attempts: event.data.attempts } },
          }
        : state;
    case 'OtpVerified':
      return state.pending
        ? {
            ...state,
            pending: { ...state.pending, otp: undefined, verified: true },
            resetAllowed: state.pending.purpose === 'reset' ? state.pending.loginId : state.resetAllowed,
            emailVerified: true,
          }
        : state;
    case 'AuthenticatorCodeAccepted':
      return state.authenticator
        ? {
            ...state,
            authenticator: { ...state.authenticator, lastStep: event.data.timeStep },
            consecutiveFailures: 0,
          }
        : state;
    case 'RecoveryCodeUsed':
      return {
        ...state,
        recoveryCodeHashes: state.recoveryCodeHashes.map((h, i) => (i === event.data.index ? null : h)),
      };
    case 'LoginSucceeded':
      return {
        ...state,
        pending: undefined,
        consecutiveFailures: 0,
        sessionsStarted: state.sessionsStarted + 1,
      };
    case 'SecurityAnswerFailed':
      return { ...state, consecutiveWrongAnswers: event.data.consecutive };
    case 'SecurityAnswerAccepted':
      return { ...state, consecutiveWrongAnswers: 0, resetAllowed: event.data.resetId };
    case 'Deactivated':
      return {
        ...state,
        status: 'deactivated',
        pending: undefined,
        resetAllowed: undefined,
        reactivation:
          event.data.reactivationHash && event.data.reactivableUntil
            ? { hash: event.data.reactivationHash, until: ms(event.data.reactivableUntil) }
            : undefined,
      };
    case 'Reactivated':
      return { ...state, status: 'active', reactivation: undefined, consecutiveWrongAnswers: 0 };
    case 'PasswordChanged':
      return { ...state, passwordHash: event.data.passwordHash, mustChangePassword: false };
    case 'PasswordReset':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        mustChangePassword: false,
        resetAllowed: undefined,
        pending: undefined,
        consecutiveFailures: 0,
      };
    case 'TemporaryPasswordIssued':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        mustChangePassword: true,
        pending: undefined,
      };
    case 'AuthenticatorAdded':
      return {
        ...state,
        authenticator: { secretSealed: event.data.secretSealed, lastStep: event.data.confirmedStep },
      };
    case 'AuthenticatorRemoved':
      return { ...state, authenticator: undefined };
    case 'RecoveryCodesIssued':
      return { ...state, recoveryCodeHashes: [...event.data.codeHashes] };
    case 'UsernameReminderSent':
    case 'AlreadyRegisteredNoticeSent':
      return state;
    case 'PersonalDataErased':
      return { ...state, erased: true, profile: undefined, username: undefined, securityQuestion: undefined };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function isLocked(state: AccountState, now: number): boolean {
  return state.lockedUntil !== undefined && now < state.lockedUntil;
}

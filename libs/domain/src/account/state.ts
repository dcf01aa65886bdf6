/** What the Account decider knows, folded from the stream. */
import { MAX_WRONG_CODES_KEPT } from '../policy';
import type { AccountEvent, AccountKind, Organisation, Profile } from './events';
import { evolvePasskeys, type PasskeysState } from './passkey-state';

export type AccountStatus = 'new' | 'activation-pending' | 'active' | 'deactivated';

export interface PendingCode {
  id: string;
  hash: string;
  expiresAt: number;
  attempts: number;
}

/** A login or a reset between its first step and its second factor. */
export interface SecondStep {
  loginId: string;
  otp?: PendingCode;
  sends: number[];
  verified: boolean;
}

export interface AccountState extends PasskeysState {
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
  /**
   * A login and a reset in progress are kept apart: anyone who knows a username may start a
   * reset, and that must not end the owner's sign-in (nor a sign-in end a reset).
   */
  login?: SecondStep;
  reset?: SecondStep;
  /** When each wrong code of a login was tried (emailed, app, recovery), newest last; cleared by a lock. */
  wrongCodesAt: number[];
  /** The same for resets' codes, which never lock. */
  wrongResetCodesAt: number[];
  /** After a deactivation by wrong security answers: the emailed link's token hash, and until when it works. */
  reactivation?: { hash: string; until: number };
  /** A reset allowed by a correct security answer or a verified code, not yet used. */
  resetAllowed?: string;
  authenticator?: { secretSealed: string; lastStep: number };
  /** A change of email address waiting for the code sent to the new one; `sends`: each code's expiry, newest last. */
  emailChange?: PendingCode & { email: string; sends: number[] };
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
    wrongCodesAt: [],
    wrongResetCodesAt: [],
    recoveryCodeHashes: [],
    sessionsStarted: 0,
    erased: false,
    passkeys: [],
    passkeyChallengesUsed: [],
  };
}

const ms = (iso: string) => Date.parse(iso);
/** The last MAX_WRONG_CODES_KEPT times: enough for any policy (policyFrom refuses a larger count). */
const kept = (times: number[], at: string | undefined) =>
  at === undefined ? times : [...times, ms(at)].slice(-MAX_WRONG_CODES_KEPT);

/** The login or reset a token's `loginId` names, if one is in progress. */
export function secondStepOf(
  state: AccountState,
  loginId: string,
): { purpose: 'login' | 'reset'; step: SecondStep } | undefined {
  if (state.login?.loginId === loginId) return { purpose: 'login', step: state.login };
  if (state.reset?.loginId === loginId) return { purpose: 'reset', step: state.reset };
  return undefined;
}

/** `step` of `purpose` replaced (or removed when undefined). */
function withStep(
  state: AccountState,
  purpose: 'login' | 'reset',
  step: SecondStep | undefined,
): AccountState {
  return purpose === 'login' ? { ...state, login: step } : { ...state, reset: step };
}

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
        ? {
            ...state,
            profile: { ...state.profile, email: event.data.email },
            emailVerified: false,
            emailChange: undefined,
          }
        : state;
    case 'EmailVerified':
      return { ...state, emailVerified: true };
    case 'PasswordAccepted':
      return { ...state, login: { loginId: event.data.loginId, sends: [], verified: false } };
    case 'PasswordHashUpgraded':
      return { ...state, passwordHash: event.data.passwordHash };
    case 'PasswordResetRequested':
      return { ...state, reset: { loginId: event.data.loginId, sends: [], verified: false } };
    case 'LoginFailed':
      return {
        ...state,
        consecutiveFailures: event.data.consecutive,
        wrongCodesAt:
          event.data.reason === 'wrong-password'
            ? state.wrongCodesAt
            : kept(state.wrongCodesAt, event.data.at),
      };
    case 'Locked':
      // A reset may still start and finish while locked (seed 004): only the login ends.
      return {
        ...state,
        lockedUntil: ms(event.data.until),
        consecutiveFailures: 0,
        wrongCodesAt: [],
        login: undefined,
      };
    case 'Unlocked':
      return { ...state, lockedUntil: undefined, consecutiveFailures: 0 };
    case 'OtpIssued': {
      const found = secondStepOf(state, event.data.loginId);
      if (!found) return state;
      const otp = {
        id: event.data.otpId,
        hash: event.data.codeHash,
        expiresAt: ms(event.data.expiresAt),
        attempts: 0,
      };
      return withStep(state, found.purpose, {
        ...found.step,
        otp,
        sends: [...found.step.sends, otp.expiresAt],
      });
    }
    case 'OtpFailed': {
      const found = secondStepOf(state, event.data.loginId);
      if (!found) return state;
      const { purpose, step } = found;
      const counted =
        purpose === 'login'
          ? { ...state, wrongCodesAt: kept(state.wrongCodesAt, event.data.at) }
          : { ...state, wrongResetCodesAt: kept(state.wrongResetCodesAt, event.data.at) };
      return step.otp?.id === event.data.otpId
        ? withStep(counted, purpose, { ...step, otp: { ...step.otp, attempts: event.data.attempts } })
        : counted;
    }
    case 'OtpVerified': {
      const found = secondStepOf(state, event.data.loginId);
      if (!found) return state;
      return {
        ...withStep(state, found.purpose, { ...found.step, otp: undefined, verified: true }),
        resetAllowed: found.purpose === 'reset' ? found.step.loginId : state.resetAllowed,
        emailVerified: true,
      };
    }
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
        login: undefined,
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
        login: undefined,
        emailChange: undefined,
        reset: undefined,
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
        login: undefined,
        reset: undefined,
        consecutiveFailures: 0,
      };
    case 'TemporaryPasswordIssued':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        mustChangePassword: true,
        login: undefined,
        reset: undefined,
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
    case 'EmailChangeRequested': {
      const expiresAt = ms(event.data.expiresAt);
      return {
        ...state,
        emailChange: {
          id: event.data.changeId,
          email: event.data.email,
          hash: event.data.codeHash,
          expiresAt,
          attempts: 0,
          sends: [...(state.emailChange?.sends ?? []), expiresAt],
        },
      };
    }
    case 'EmailChangeFailed':
      return state.emailChange?.id === event.data.changeId
        ? { ...state, emailChange: { ...state.emailChange, attempts: event.data.attempts } }
        : state;
    case 'PhoneChanged':
      return state.profile ? { ...state, profile: { ...state.profile, phone: event.data.phone } } : state;
    case 'SecurityQuestionChanged':
      return {
        ...state,
        securityQuestion: event.data.securityQuestion,
        securityAnswerHash: event.data.securityAnswerHash,
        consecutiveWrongAnswers: 0,
      };
    case 'PersonalDataErased':
      return {
        ...state,
        erased: true,
        profile: undefined,
        username: undefined,
        securityQuestion: undefined,
        emailChange: undefined,
        passkeys: [],
      };
    case 'PasskeyRegistered':
    case 'PasskeyUsed':
    case 'PasskeyRenamed':
    case 'PasskeyRemoved':
    case 'PasskeySignCountRegressed':
      return evolvePasskeys(state, event);
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function isLocked(state: AccountState, now: number): boolean {
  return state.lockedUntil !== undefined && now < state.lockedUntil;
}

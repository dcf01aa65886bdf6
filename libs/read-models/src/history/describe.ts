/**
 * The history timeline's wording: every event an account's (or an office's)
 * timeline shows, in plain words. Pure: the timeline (timeline.ts) reads the
 * events from their streams and calls this at read time, so a change of wording
 * shows at once, with no rebuild. Texts name personal values as `{name}`
 * placeholders; `describe` says where each value is in the event's data, and the
 * timeline fills them in for authorised readers (or shows them hidden or erased).
 */
import type { AccountEvent } from '@portal/domain';
import type { ProjectedEvent } from '../model';
import { describeOfficeEvent } from '../offices/office-history';

export type Described = { text: string; personal?: Record<string, string> };

/** Any event of a timeline: an account's, an office's, or a staff member's read of an account. */
export function describeEntry(e: ProjectedEvent): Described {
  if (e.account) return describe(e.account.event, e.account.event.data as Record<string, unknown>);
  return e.raw.streamId.startsWith('office-') ? describeOfficeEvent(e) : describeStaffRead(e);
}

/** The accounts a staff access touched: the one read or acted on, or those a search listed. */
export function staffReadsOf(e: ProjectedEvent): string[] {
  if (e.raw.type !== 'StaffAccessed' || !e.raw.streamId.startsWith('staff-')) return [];
  const d = e.raw.data as { accountId?: unknown; accountIds?: unknown };
  if (typeof d.accountId === 'string') return [d.accountId];
  return Array.isArray(d.accountIds) ? d.accountIds.filter((a): a is string => typeof a === 'string') : [];
}

function describeStaffRead(e: ProjectedEvent): Described {
  const d = e.raw.data as { route?: unknown; reason?: unknown; accountId?: unknown; outcome?: unknown };
  const actor = e.raw.metadata.actor;
  const who = actor.kind === 'staff' ? `staff member ${actor.staffId}` : 'staff';
  const what =
    typeof d.accountId === 'string' ? (d.outcome === 'done' ? 'Acted on' : 'Viewed') : 'Listed in a search';
  const reason = typeof d.reason === 'string' ? `, reason given: “${d.reason}”` : '';
  return { text: `${what} by ${who} (${typeof d.route === 'string' ? d.route : 'support'})${reason}` };
}

const day = (iso: string) => iso.slice(0, 10);
const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const LOGIN_FAILURE: Record<string, string> = {
  'wrong-password': 'wrong password',
  // Only a recovery code fails a login this way: a wrong emailed code is OtpFailed.
  'wrong-code': 'wrong recovery code',
  'wrong-authenticator-code': 'wrong authenticator app code',
  'wrong-passkey': 'passkey refused',
};
const METHOD: Record<string, string> = {
  'email-code': 'an emailed code',
  authenticator: 'an authenticator app',
  'recovery-code': 'a recovery code',
  passkey: 'a passkey',
};
const DEACTIVATION: Record<string, string> = {
  'security-answers': '3 wrong security answers in a row',
  support: 'by support',
  owner: 'at the owner’s request',
};

/**
 * The event in plain words. Exhaustive: a new event type does not compile until it is
 * described here. `personal` holds the values `{name}` stands for, read from `values`
 * (the event's data, opened or still sealed): a value that is not there reads as erased.
 */
export function describe(event: AccountEvent, values: Record<string, unknown>): Described {
  const sealed = (path: string) => {
    const v = path
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], values);
    return typeof v === 'string' ? v : undefined;
  };
  const withPersonal = (text: string, fields: Record<string, string>): Described => {
    const personal: Record<string, string> = {};
    for (const [name, path] of Object.entries(fields)) {
      const v = sealed(path);
      if (v) personal[name] = v;
    }
    return Object.keys(personal).length ? { text, personal } : { text };
  };
  switch (event.type) {
    case 'ActivationCodeIssued':
      return withPersonal(
        `Activation code issued for member {memberId}, valid until ${day(event.data.expiresAt)}`,
        {
          memberId: 'memberId',
        },
      );
    case 'ActivationCodeMailed':
      return {
        text: `Activation letter mailed ${day(event.data.mailedAt)}, expected by ${day(event.data.expectedDeliveryAt)} (vendor reference ${event.data.vendorReference})`,
      };
    case 'ActivationCodeFailed':
      return { text: `Wrong activation code entered (${event.data.attempts} so far)` };
    case 'Registered':
      return withPersonal(
        `Registered as a ${event.data.kind} (${event.data.via.replace('-', ' ')}): {firstName} {lastName}, email {email}`,
        { firstName: 'profile.firstName', lastName: 'profile.lastName', email: 'profile.email' },
      );
    case 'LegacyAccountImported':
      return withPersonal('Imported from the legacy member-id login, member {memberId}', {
        memberId: 'memberId',
      });
    case 'AccountCreated':
      return withPersonal(
        `Created as a ${event.data.kind} account of ${event.data.organisation.kind} “${event.data.organisation.name}” by ${event.data.via === 'plan-staff' ? `staff member ${event.data.by}` : `the office's ID administrator (account ${event.data.by})`}: {firstName} {lastName}, email {email}`,
        { firstName: 'profile.firstName', lastName: 'profile.lastName', email: 'profile.email' },
      );
    case 'UsernameCreated':
      return withPersonal('Username set to {username}', { username: 'username' });
    case 'EmailChanged':
      return withPersonal('Email address changed to {email}', { email: 'email' });
    case 'EmailVerified':
      return withPersonal('Email address {email} verified', { email: 'email' });
    case 'PasswordAccepted':
      return { text: 'Password accepted; 2-step verification started' };
    case 'PasswordHashUpgraded':
      return {
        text: 'Password re-hashed with the current argon2 parameters (the password itself did not change)',
      };
    case 'PasswordResetRequested':
      return { text: 'Password reset started' };
    case 'LoginFailed':
      // A try while locked is refused whatever the password; it does not add to the count.
      return event.data.reason === 'locked'
        ? { text: 'Login refused: the account is locked' }
        : {
            text: `Login failed: ${LOGIN_FAILURE[event.data.reason] ?? event.data.reason} (${event.data.consecutive} in a row)`,
          };
    case 'Locked':
      return {
        text:
          event.data.wrongCodes !== undefined
            ? `Locked until ${minute(event.data.until)} after ${event.data.wrongCodes} wrong sign-in codes in a short time`
            : `Locked until ${minute(event.data.until)} after ${event.data.consecutiveFailures} failed logins in a row`,
      };
    case 'Unlocked':
      return { text: event.data.by === 'support' ? 'Unlocked by support' : 'Unlocked by a password reset' };
    case 'OtpIssued':
      return { text: `A 6-digit code was emailed, valid until ${minute(event.data.expiresAt)}` };
    case 'OtpFailed':
      return {
        text:
          event.data.otpId === 'authenticator'
            ? 'Wrong authenticator code on a password reset'
            : `Wrong emailed code (${event.data.attempts} tries on this code)`,
      };
    case 'OtpVerified':
      // A reset verified with the app records the app's code first (AuthenticatorCodeAccepted), then this.
      return {
        text:
          event.data.otpId === 'authenticator'
            ? 'Identity verified with the authenticator app: the password may be reset'
            : 'Emailed code verified',
      };
    case 'AuthenticatorCodeAccepted':
      return { text: 'Authenticator app code accepted' };
    case 'RecoveryCodeUsed':
      return { text: `Recovery code number ${event.data.index + 1} used` };
    case 'LoginSucceeded':
      return { text: `Signed in with ${METHOD[event.data.method] ?? event.data.method}` };
    case 'SecurityAnswerFailed':
      return { text: `Wrong security answer (${event.data.consecutive} in a row)` };
    case 'SecurityAnswerAccepted':
      return { text: 'Security answer accepted' };
    case 'Deactivated':
      return { text: `Deactivated: ${DEACTIVATION[event.data.reason] ?? event.data.reason}` };
    case 'Reactivated':
      return { text: 'Reactivated by the owner, with the emailed link' };
    case 'PasswordChanged':
      return { text: 'Password changed' };
    case 'PasswordReset':
      return {
        text: `Password reset after ${event.data.via === 'two-step' ? '2-step verification' : 'the security question'}`,
      };
    case 'TemporaryPasswordIssued':
      return {
        text:
          'staffId' in event.data
            ? `Temporary password sent to the member by staff member ${event.data.staffId}; it must be changed at the next login`
            : `Temporary password sent by the office's ID administrator (account ${event.data.administratorId}); it must be changed at the next login`,
      };
    case 'AuthenticatorAdded':
      return { text: 'Authenticator app added' };
    case 'AuthenticatorRemoved':
      return { text: 'Authenticator app removed' };
    case 'RecoveryCodesIssued':
      return { text: `${event.data.codeHashes.length} recovery codes issued` };
    case 'UsernameReminderSent':
      return { text: 'Username reminder emailed' };
    case 'AlreadyRegisteredNoticeSent':
      return {
        text:
          event.data.matched === 'email'
            ? "Someone tried to register a new account with this account's email address; the owner was emailed"
            : 'Someone asked to register this member again (registration or activation code); the owner was emailed',
      };
    case 'PersonalDataErased':
      return { text: 'Personal data erased' };
    case 'EmailChangeRequested':
      return withPersonal(
        `Email change to {email} asked for; a code was emailed there, valid until ${minute(event.data.expiresAt)}`,
        { email: 'email' },
      );
    case 'EmailChangeFailed':
      return { text: `Wrong email-change code (${event.data.attempts} tries on this code)` };
    case 'PhoneChanged':
      return withPersonal('Phone number changed to {phone}', { phone: 'phone' });
    case 'SecurityQuestionChanged':
      return { text: 'Security question and answer changed' };
    // Passkeys: the sign-in itself is the LoginSucceeded that follows a use ("Signed in with a passkey").
    case 'PasskeyRegistered':
      return withPersonal(
        `Passkey “{name}” added${event.data.backupEligible ? ' (synced passkey)' : ' (this device only)'}`,
        { name: 'name' },
      );
    case 'PasskeyUsed':
      return {
        text:
          event.data.via === 'passwordless'
            ? 'Passkey used to sign in without a password'
            : 'Passkey used in place of the emailed code',
      };
    case 'PasskeyRenamed':
      return withPersonal('Passkey renamed to “{name}”', { name: 'name' });
    case 'PasskeyRemoved':
      return event.data.by === 'support'
        ? withPersonal(
            `Passkey removed by staff member ${event.data.staffId ?? 'unknown'}, reason given: “{reason}”`,
            {
              reason: 'reason',
            },
          )
        : { text: 'Passkey removed by the owner' };
    case 'PasskeySignCountRegressed':
      return {
        text: `Passkey refused: its signature counter went back (${event.data.reportedCount} after ${event.data.storedCount}), a sign of a copied passkey`,
      };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

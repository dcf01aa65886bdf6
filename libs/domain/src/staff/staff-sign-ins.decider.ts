/**
 * A staff member's console sign-ins as a pure decider over the `staff-<staffId>:sign-ins`
 * stream: each successful sign-in and each sign-out is an event there, kept for the
 * auditors (the request's client IP, user agent and correlation id are in the metadata;
 * never the password, the code or the session token).
 *
 * A single sign-on (`method: 'sso'`) is recorded as it comes, with no time step.
 * A sign-in with password and authenticator code carries the TOTP time step its code
 * matched. A step at or before the last one used is refused (DESIGN.md: "±1 step, no reuse
 * of a step"), and the event is appended with the revision this decision read: of two
 * sign-ins racing with one code, on one API process or on two, one appends and the other
 * reads it and is refused. Time arrives on the command: no clock, no I/O here.
 *
 * Apart from the lifecycle stream `staff-<staffId>` on purpose: that one is read whole on
 * every staff request and must stay a handful of events; sign-ins come several a day.
 */
import { accept, type Decider, type Decision, reject } from '../decider';
import { StaffErrors } from './staff.decider';

/** How the staff member proved who they are: password and authenticator code, or single sign-on (OpenID Connect). */
export type StaffSignInMethod = 'password+totp' | 'sso';

export type StaffSignInRecord =
  | {
      type: 'StaffSignedIn';
      /** A single sign-on has no time step: the provider checked the person (who, and the roles, are on `staff-<id>`). */
      data:
        | { method: 'password+totp'; totpStep: number; signedInAt: string }
        | { method: 'sso'; signedInAt: string };
    }
  /** `sessionStartedAt`: when the session that ended began (its sign-in is the one just before). */
  | { type: 'StaffSignedOut'; data: { signedOutAt: string; sessionStartedAt: string } };

export type StaffSignInCommand =
  | { type: 'RecordStaffSignIn'; method: 'password+totp'; totpStep: number; at: Date }
  | { type: 'RecordStaffSignIn'; method: 'sso'; at: Date }
  | { type: 'RecordStaffSignOut'; sessionStartedAt: Date; at: Date };

export interface StaffSignInState {
  /** The last TOTP time step a sign-in used: a code of this step or an earlier one is spent. */
  lastTotpStep?: number;
}

function decide(command: StaffSignInCommand, state: StaffSignInState): Decision<StaffSignInRecord> {
  switch (command.type) {
    case 'RecordStaffSignIn': {
      // Nothing to spend: the provider's code, state and nonce were checked (once) by the caller.
      if (command.method === 'sso')
        return accept({
          type: 'StaffSignedIn',
          data: { method: 'sso', signedInAt: command.at.toISOString() },
        });
      if (!Number.isSafeInteger(command.totpStep) || command.totpStep < 0)
        return reject(StaffErrors.totpStepInvalid());
      if (state.lastTotpStep !== undefined && command.totpStep <= state.lastTotpStep)
        return reject(StaffErrors.totpStepUsed());
      return accept({
        type: 'StaffSignedIn',
        data: { method: command.method, totpStep: command.totpStep, signedInAt: command.at.toISOString() },
      });
    }
    case 'RecordStaffSignOut':
      return accept({
        type: 'StaffSignedOut',
        data: {
          signedOutAt: command.at.toISOString(),
          sessionStartedAt: command.sessionStartedAt.toISOString(),
        },
      });
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function evolve(state: StaffSignInState, event: StaffSignInRecord): StaffSignInState {
  switch (event.type) {
    case 'StaffSignedIn':
      return event.data.method === 'password+totp'
        ? { lastTotpStep: Math.max(state.lastTotpStep ?? -1, event.data.totpStep) }
        : state;
    case 'StaffSignedOut':
      return state;
    default: {
      // A type written by a newer version changes nothing.
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

export const staffSignInDecider: Decider<StaffSignInCommand, StaffSignInRecord, StaffSignInState> = {
  initialState: () => ({}),
  evolve,
  decide,
};

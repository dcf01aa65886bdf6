import {
  type StaffSignInCommand,
  type StaffSignInRecord,
  staffSignInDecider,
} from './staff-sign-ins.decider';

const at = new Date('2026-11-22T10:00:00.000Z');
const signIn = (totpStep: number): StaffSignInCommand => ({
  type: 'RecordStaffSignIn',
  method: 'password+totp',
  totpStep,
  at,
});
const signedIn = (totpStep: number): StaffSignInRecord => ({
  type: 'StaffSignedIn',
  data: { method: 'password+totp', totpStep, signedInAt: at.toISOString() },
});
const decide = (history: StaffSignInRecord[], command: StaffSignInCommand) =>
  staffSignInDecider.decide(
    command,
    history.reduce(staffSignInDecider.evolve, staffSignInDecider.initialState()),
  );

describe('staff sign-in decider', () => {
  it('records the first sign-in with its time step', () => {
    expect(decide([], signIn(1000))).toEqual({ events: [signedIn(1000)] });
  });

  it('takes a later step, and refuses the same step or an earlier one', () => {
    expect(decide([signedIn(1000)], signIn(1001))).toEqual({ events: [signedIn(1001)] });
    for (const step of [1000, 999, 0]) {
      const refused = decide([signedIn(1000)], signIn(step));
      expect(refused.events).toEqual([]);
      expect(refused.rejection?.code).toBe('STAFF_TOTP_STEP_USED');
    }
    // The latest step counts, whatever the order the events came in.
    expect(decide([signedIn(1002), signedIn(1001)], signIn(1002)).rejection?.code).toBe(
      'STAFF_TOTP_STEP_USED',
    );
  });

  it('refuses a step that is not a whole number', () => {
    for (const step of [-1, 1.5, Number.NaN])
      expect(decide([], signIn(step)).rejection?.code).toBe('STAFF_TOTP_STEP_INVALID');
  });

  it('records a single sign-on with no time step, which spends none and keeps the last one', () => {
    const sso: StaffSignInCommand = { type: 'RecordStaffSignIn', method: 'sso', at };
    const ssoSignedIn: StaffSignInRecord = {
      type: 'StaffSignedIn',
      data: { method: 'sso', signedInAt: at.toISOString() },
    };
    expect(decide([], sso)).toEqual({ events: [ssoSignedIn] });
    expect(decide([ssoSignedIn, ssoSignedIn], sso)).toEqual({ events: [ssoSignedIn] });
    expect(decide([signedIn(1000), ssoSignedIn], signIn(1000)).rejection?.code).toBe('STAFF_TOTP_STEP_USED');
    expect(decide([ssoSignedIn], signIn(0)).events).toEqual([signedIn(0)]);
  });

  it('records a sign-out, which spends no step', () => {
    const out = decide([signedIn(1000)], {
      type: 'RecordStaffSignOut',
      sessionStartedAt: at,
      at: new Date(at.getTime() + 60_000),
    });
    expect(out).toEqual({
      events: [
        {
          type: 'StaffSignedOut',
          data: { signedOutAt: '2026-11-22T10:01:00.000Z', sessionStartedAt: at.toISOString() },
        },
      ],
    });
    expect(decide([signedIn(1000), ...out.events], signIn(1001)).events).toEqual([signedIn(1001)]);
  });
});

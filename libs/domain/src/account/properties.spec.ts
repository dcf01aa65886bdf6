/**
 * Property tests: random sequences of commands, at random times, against the
 * decider, checking what must hold whatever happens.
 */
import fc from 'fast-check';
import { accountDecider } from './account.decider';
import type { AccountCommand } from './commands';
import type { AccountEvent } from './events';
import { type AccountState, isLocked } from './state';
import { DEFAULT_POLICY, policyFrom } from '../policy';
import { registeredEvents, T0 } from '../testing/given-when-then';

const decider = accountDecider(DEFAULT_POLICY);
const defaultDecider = decider;
const code = fc.constantFrom('a'.repeat(64), 'b'.repeat(64));

const logIn = fc.boolean().map(
  (ok) => (now: number, i: number) =>
    ({
      type: 'LogIn',
      loginId: `l${i}`,
      passwordMatches: ok,
      otp: { otpId: `o${i}`, codeHash: 'a'.repeat(64), codeSealed: 's' },
      now,
    }) as AccountCommand,
);

const command: fc.Arbitrary<(now: number, i: number) => AccountCommand> = fc.oneof(
  // Logins weigh most: a lock needs five failures in a row.
  { weight: 6, arbitrary: logIn },
  code.map(
    (h) => (now: number) =>
      ({ type: 'VerifyOtp', loginId: 'any', codeHash: h, sessionId: 's', now }) as AccountCommand,
  ),
  fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }).map(
    (step) => (now: number) =>
      ({
        type: 'VerifyAuthenticatorCode',
        loginId: 'any',
        matchedTimeStep: step,
        sessionId: 's',
        now,
      }) as AccountCommand,
  ),
  code.map(
    (h) => (now: number) =>
      ({ type: 'UseRecoveryCode', loginId: 'any', codeHash: h, sessionId: 's', now }) as AccountCommand,
  ),
  fc.boolean().map(
    (ok) => (now: number, i: number) =>
      ({
        type: 'AnswerSecurityQuestion',
        resetId: `r${i}`,
        answerMatches: ok,
        reactivation: { tokenHash: 'c'.repeat(64), tokenSealed: 's' },
        now,
      }) as AccountCommand,
  ),
  // The deactivation's link, used (or not) at any moment after.
  fc.constant((now: number) => ({ type: 'Reactivate', tokenHash: 'c'.repeat(64), now }) as AccountCommand),
  fc.constant(
    (now: number, i: number) =>
      ({
        type: 'ResendOtp',
        loginId: `l${i - 1}`,
        otp: { otpId: `x${i}`, codeHash: 'b'.repeat(64), codeSealed: 's' },
        now,
      }) as AccountCommand,
  ),
  fc.constant((now: number) => ({ type: 'Unlock', now }) as AccountCommand),
  fc
    .integer({ min: 50, max: 200 })
    .map(
      (step) => (now: number) =>
        ({ type: 'ConfirmAuthenticator', secretSealed: 's', matchedTimeStep: step, now }) as AccountCommand,
    ),
);

/** Commands with the minutes elapsed before each. */
// Mostly moments apart (so a lock is still running), sometimes long enough for it to end.
const gap = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
);
const scenario = fc.array(fc.tuple(command, gap), { maxLength: 60, size: 'max' });

/** Runs a scenario; commands that pass verification steps use the pending login id. */
function run(
  steps: [(now: number, i: number) => AccountCommand, number][],
  onDecision: (before: AccountState, c: AccountCommand, events: AccountEvent[]) => void,
  decider = defaultDecider,
) {
  let state = registeredEvents().reduce(decider.evolve, decider.initialState());
  const history: AccountEvent[] = [...registeredEvents()];
  let now = T0;
  steps.forEach(([make, minutes], i) => {
    now += minutes * 60_000;
    let c = make(now, i);
    if ('loginId' in c && c.loginId === 'any')
      c = { ...c, loginId: state.login?.loginId ?? state.reset?.loginId ?? 'none' };
    const d = decider.decide(c, state);
    onDecision(state, c, d.events);
    state = d.events.reduce(decider.evolve, state);
    history.push(...d.events);
  });
  return { state, history };
}

describe('Account properties', () => {
  it('no sequence of commands lets a locked or deactivated account obtain a session', () => {
    fc.assert(
      fc.property(scenario, (steps) => {
        run(steps, (before, c, events) => {
          if (events.some((e) => e.type === 'LoginSucceeded')) {
            expect(before.status).toBe('active');
            expect(isLocked(before, c.now)).toBe(false);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the consecutive-failure count never exceeds the threshold', () => {
    fc.assert(
      fc.property(scenario, (steps) => {
        run(steps, (before, _c, events) => {
          const after = events.reduce(decider.evolve, before);
          expect(after.consecutiveFailures).toBeLessThanOrEqual(DEFAULT_POLICY.lockout.threshold);
          for (const e of events)
            if (e.type === 'LoginFailed')
              expect(e.data.consecutive).toBeLessThanOrEqual(DEFAULT_POLICY.lockout.threshold);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('no window holds lockout.wrongCodes wrong codes of logins without a lock', () => {
    // A low bound, so that random scenarios reach it often.
    const policy = policyFrom({ lockout: { wrongCodes: 3 } });
    const strict = accountDecider(policy);
    fc.assert(
      fc.property(scenario, (steps) => {
        run(
          steps,
          (before, c, events) => {
            const after = events.reduce(strict.evolve, before);
            const recent = after.wrongCodesAt.filter((at) => at > c.now - policy.lockout.wrongCodesWindowMs);
            expect(recent.length).toBeLessThan(policy.lockout.wrongCodes);
          },
          strict,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('folding the same events always gives the same state', () => {
    fc.assert(
      fc.property(scenario, (steps) => {
        const { state, history } = run(steps, () => undefined);
        const refolded = history.reduce(decider.evolve, decider.initialState());
        expect(refolded).toEqual(state);
        expect(JSON.parse(JSON.stringify(history)).reduce(decider.evolve, decider.initialState())).toEqual(
          state,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('no event carries a plain password, code or answer: only hashes and sealed values', () => {
    fc.assert(
      fc.property(scenario, (steps) => {
        const { history } = run(steps, () => undefined);
        const text = JSON.stringify(history);
        expect(text).not.toMatch(/"(password|code|answer|secret)"\s*:/);
      }),
      { numRuns: 100 },
    );
  });
});

/** given(events).when(command).then(events | error), with no infrastructure. */
import { accountDecider } from '../account/account.decider';
import type { AccountCommand } from '../account/commands';
import type { AccountEvent } from '../account/events';
import type { AccountState } from '../account/state';
import type { DomainError } from '../decider';
import { type AccountPolicy, DEFAULT_POLICY } from '../policy';

export function given(events: AccountEvent[], policy: AccountPolicy = DEFAULT_POLICY) {
  const decider = accountDecider(policy);
  const state = events.reduce(decider.evolve, decider.initialState());
  return {
    state,
    when(command: AccountCommand) {
      const decision = decider.decide(command, state);
      return {
        decision,
        then(expected: AccountEvent[]) {
          expect(decision.rejection).toBeUndefined();
          expect(decision.events).toEqual(expected);
        },
        thenError(code: string, events: AccountEvent[] = [], fields?: Record<string, unknown>) {
          expect((decision.rejection as DomainError | undefined)?.code).toBe(code);
          expect(decision.events).toEqual(events);
          if (fields) expect(decision.rejection?.fields).toEqual(fields);
        },
        state: (): AccountState => [...decision.events].reduce(decider.evolve, state),
      };
    },
  };
}

/** Fixed instants for readable tests: T(minutes, seconds) after 2026-11-22T10:00:00Z. */
export const T0 = Date.parse('2026-11-22T10:00:00.000Z');
export const T = (minutes: number, seconds = 0) => T0 + minutes * 60_000 + seconds * 1000;
export const iso = (ms: number) => new Date(ms).toISOString();

export const profile = {
  firstName: 'Pat',
  lastName: 'Example',
  dateOfBirth: '1980-04-01',
  email: 'pat@example.com',
  phone: '+15555550100',
  memberId: 'DEMO0000001',
};

export const registeredEvents = (extra: Partial<{ securityAnswerHash: string }> = {}): AccountEvent[] => [
  {
    type: 'Registered',
    data: {
      accountId: 'acc-1',
      kind: 'member',
      via: 'roster-match',
      profile,
      passwordHash: '$argon2id$stored',
      securityQuestion: 'First pet?',
      securityAnswerHash: extra.securityAnswerHash ?? '$argon2id$answer',
      communication: { email: true, text: false },
      termsAcceptedAt: iso(T0),
    },
  },
  { type: 'UsernameCreated', data: { username: 'patexample' } },
];

export const otp = (n = 1) => ({
  otpId: `otp-${n}`,
  codeHash: `hash-${n}`.padEnd(64, '0'),
  codeSealed: `sealed-${n}`,
});

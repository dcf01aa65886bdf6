import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseState, stringifyState } from '@portal/command';
import { type AccountCommand, accountDecider, type AccountState, DEFAULT_POLICY } from '@portal/domain';
import { otp, registeredEvents, T0 } from '../../domain/src/testing/given-when-then';
import { ACCOUNT_SNAPSHOT_VERSION } from './account-snapshots';

/**
 * The sources a snapshot's state depends on, pinned with the ACCOUNT_SNAPSHOT_VERSION they
 * were last reviewed under. When this fails: if the change alters what `evolve` folds, the
 * state's shape or an upcaster, bump ACCOUNT_SNAPSHOT_VERSION (old snapshots are then
 * ignored and rewritten); either way, pin the new hashes with the version.
 */
const PINNED = {
  version: 3,
  sources: {
    // The schema versions the upcasters lift to.
    'libs/domain/src/account/catalogue.ts':
      '3a7705a49fdf841c0b02aacab83f25b7ab4d15828f4d4f7b6a7f4141611c8c4e',
    'libs/domain/src/account/state.ts': '20ae0c863c9cf990bd41e14c2e0fcbd3edb6e95c519ab13ff13a328ca2ce3e13',
    // Passkeys' part of the state and of evolve.
    'libs/domain/src/account/passkey-state.ts':
      'c4f449b45dd143b059701f7680c10266bff9947a8b789230ff8111abd3faa28e',
    'libs/domain/src/account/upcasters.ts':
      '69dffcbb10091ef35e4a21f9167be0fcf1902289d5ef7f3fd0323022354995f8',
  },
};

describe('account snapshot version', () => {
  it('is bumped with every change to evolve, the account state or the upcasters', () => {
    const root = join(__dirname, '..', '..', '..');
    const current = Object.fromEntries(
      Object.keys(PINNED.sources).map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(join(root, file)))
          .digest('hex'),
      ]),
    );
    expect({ version: ACCOUNT_SNAPSHOT_VERSION, sources: current }).toEqual(PINNED);
  });
});

describe('an account state survives its snapshot text unchanged', () => {
  const decider = accountDecider(DEFAULT_POLICY);
  const command = fc.oneof(
    { weight: 5, arbitrary: fc.boolean().map((ok) => ['login', ok] as const) },
    fc.constant(['verify'] as const),
    fc.boolean().map((ok) => ['answer', ok] as const),
    fc.constant(['resend'] as const),
    fc.constant(['unlock'] as const),
    fc.integer({ min: 50, max: 200 }).map((step) => ['authenticator', step] as const),
    fc.constant(['reactivate'] as const),
    fc.constant(['erase'] as const),
  );

  function build(
    c: readonly [string, ...unknown[]],
    now: number,
    i: number,
    state: AccountState,
  ): AccountCommand {
    switch (c[0]) {
      case 'login':
        return { type: 'LogIn', loginId: `l${i}`, passwordMatches: c[1] as boolean, otp: otp(i), now };
      case 'verify':
        return {
          type: 'VerifyOtp',
          loginId: state.login?.loginId ?? 'none',
          codeHash: otp(i - 1).codeHash,
          sessionId: `s${i}`,
          now,
        };
      case 'answer':
        return {
          type: 'AnswerSecurityQuestion',
          resetId: `r${i}`,
          answerMatches: c[1] as boolean,
          reactivation: { tokenHash: 'c'.repeat(64), tokenSealed: 's' },
          now,
        };
      case 'resend':
        return { type: 'ResendOtp', loginId: state.login?.loginId ?? 'none', otp: otp(100 + i), now };
      case 'unlock':
        return { type: 'Unlock', now };
      case 'authenticator':
        return { type: 'ConfirmAuthenticator', secretSealed: 's', matchedTimeStep: c[1] as number, now };
      case 'reactivate':
        return { type: 'Reactivate', tokenHash: 'c'.repeat(64), now };
      default:
        return { type: 'ErasePersonalData', now };
    }
  }

  it('at every step of random histories folded by the domain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, fc.integer({ min: 0, max: 40 })), { maxLength: 40 }),
        (steps) => {
          let state = registeredEvents().reduce(decider.evolve, decider.initialState());
          let now = T0;
          expect(parseState(stringifyState(state))).toStrictEqual(state);
          steps.forEach(([c, minutes], i) => {
            now += minutes * 60_000;
            const decision = decider.decide(build(c, now, i, state), state);
            state = decision.events.reduce(decider.evolve, state);
            expect(parseState(stringifyState(state))).toStrictEqual(state);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

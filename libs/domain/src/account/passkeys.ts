/**
 * Passkeys (WebAuthn; seed 004's "phone biometrics as the additional layer of security"):
 * added from a signed-in session after a fresh second factor, used in place of the emailed
 * code after the password or, where the policy allows, alone; renamed and removed by the
 * owner, removed by support. Every sign-in with one enforces the lock and the deactivation
 * and counts its failures toward the lock as a wrong code does (DESIGN: "every login path").
 * The WebAuthn checks (origin, RP id, signature) are done before `decide` and arrive as
 * `verified`; the rules on the challenge, the credential and the signature counter are here.
 */
import { accept, type DomainError, reject } from '../decider';
import { AccountErrors } from '../errors';
import type { AccountPolicy } from '../policy';
import type { PasskeyChallenge } from './commands';
import type { AccountEvent } from './events';
import { failure } from './lockout';
import type { PasskeysState } from './passkey-state';
import { type AccountDecision, type CommandOf, iso, refuseUnlessActive } from './shared';
import { type AccountState, isLocked } from './state';

/** A passkey is added only within this long of the second factor that began the session. */
export const PASSKEY_STEP_UP_MS = 10 * 60_000;
/** At most this many passkeys per account. */
export const MAX_PASSKEYS = 10;
export const PASSKEY_NAME_MAX = 64;

/** Expired, or answered already. */
function challengeSpent(state: PasskeysState, challenge: PasskeyChallenge, now: number): boolean {
  return now >= challenge.expiresAt || state.passkeyChallengesUsed.some((c) => c.hash === challenge.hash);
}

function checkName(name: string): AccountDecision | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > PASSKEY_NAME_MAX)
    return reject(
      AccountErrors.validationFailed({
        name: `Give the passkey a name of 1 to ${PASSKEY_NAME_MAX} characters.`,
      }),
    );
  return undefined;
}

export function registerPasskey(command: CommandOf<'RegisterPasskey'>, state: AccountState): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (isLocked(state, command.now)) return reject(AccountErrors.accountLocked(state.lockedUntil ?? 0));
  if (command.now - command.secondFactorAt > PASSKEY_STEP_UP_MS)
    return reject(AccountErrors.stepUpRequired());
  if (challengeSpent(state, command.challenge, command.now))
    return reject(AccountErrors.passkeyChallengeInvalid());
  const badName = checkName(command.name);
  if (badName) return badName;
  if (state.passkeys.some((p) => p.credentialId === command.credentialId))
    return reject(AccountErrors.passkeyAlreadyRegistered());
  if (state.passkeys.length >= MAX_PASSKEYS)
    return reject(
      AccountErrors.validationFailed({ name: `An account holds at most ${MAX_PASSKEYS} passkeys.` }),
    );
  return accept({
    type: 'PasskeyRegistered',
    data: {
      passkeyId: command.passkeyId,
      credentialId: command.credentialId,
      publicKey: command.publicKey,
      signCount: command.signCount,
      backupEligible: command.backupEligible,
      backedUp: command.backedUp,
      transports: [...command.transports],
      name: command.name.trim(),
      userVerified: command.userVerified,
      challengeHash: command.challenge.hash,
      challengeExpiresAt: iso(command.challenge.expiresAt),
      registeredAt: iso(command.now),
    },
  });
}

/**
 * Signing in with a passkey, as the second step of a login or alone. Refused on a deactivated,
 * locked or erased account (erasure: decide.ts). A failed assertion, an unknown credential after
 * the password, a missing user verification where it is required, and a signature counter that
 * did not move on are failures counted toward the lock. A spent challenge is refused uncounted:
 * it proves nothing either way, and the signature under it was already counted or accepted.
 */
export function usePasskey(
  command: CommandOf<'UsePasskey'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const secondStep = command.via === 'second-step';
  if (state.status === 'deactivated') return reject(AccountErrors.accountDeactivated());
  if (state.status !== 'active') return reject(AccountErrors.invalidCredentials());
  if (secondStep && state.login?.loginId !== command.loginId) return reject(AccountErrors.loginNotStarted());
  if (isLocked(state, command.now)) {
    const locked = AccountErrors.accountLocked(state.lockedUntil ?? 0);
    // Passwordless is step 1 of a login: recorded as the password step records it (Keycloak CVE-2024-4629).
    return secondStep
      ? reject(locked)
      : reject(locked, {
          type: 'LoginFailed',
          data: { reason: 'locked', consecutive: state.consecutiveFailures },
        });
  }
  if (challengeSpent(state, command.challenge, command.now))
    return reject(AccountErrors.passkeyChallengeInvalid());
  const refused = (rejection: DomainError) => failure(state, command.now, 'wrong-passkey', policy, rejection);
  const passkey = state.passkeys.find((p) => p.credentialId === command.credentialId);
  if (!passkey)
    // Passwordless: nothing yet says the caller is anyone, so a credential the account does not hold costs it nothing.
    return secondStep ? refused(AccountErrors.passkeyUnknown()) : reject(AccountErrors.passkeyUnknown());
  if (!command.verified) return refused(AccountErrors.passkeyRefused());
  // Alone, the passkey is both factors: only with the authenticator's own check (biometrics, PIN).
  if (!secondStep && !command.userVerified) return refused(AccountErrors.passkeyUserVerificationRequired());
  // WebAuthn §6.1.1: a counter that does not move past the stored one (when either is not 0) may be a clone.
  if ((command.signCount > 0 || passkey.signCount > 0) && command.signCount <= passkey.signCount) {
    const counted = refused(AccountErrors.passkeySignCountRegressed());
    const regressed: AccountEvent = {
      type: 'PasskeySignCountRegressed',
      data: {
        passkeyId: passkey.passkeyId,
        storedCount: passkey.signCount,
        reportedCount: command.signCount,
        challengeHash: command.challenge.hash,
        challengeExpiresAt: iso(command.challenge.expiresAt),
        at: iso(command.now),
      },
    };
    return { ...counted, events: [regressed, ...counted.events] };
  }
  return accept<AccountEvent>(
    {
      type: 'PasskeyUsed',
      data: {
        passkeyId: passkey.passkeyId,
        loginId: command.loginId,
        via: command.via,
        signCount: command.signCount,
        backedUp: command.backedUp,
        userVerified: command.userVerified,
        challengeHash: command.challenge.hash,
        challengeExpiresAt: iso(command.challenge.expiresAt),
        usedAt: iso(command.now),
      },
    },
    {
      type: 'LoginSucceeded',
      data: { loginId: command.loginId, sessionId: command.sessionId, method: 'passkey' },
    },
  );
}

export function renamePasskey(command: CommandOf<'RenamePasskey'>, state: AccountState): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (!state.passkeys.some((p) => p.passkeyId === command.passkeyId))
    return reject(AccountErrors.passkeyNotFound());
  const badName = checkName(command.name);
  if (badName) return badName;
  return accept({
    type: 'PasskeyRenamed',
    data: { passkeyId: command.passkeyId, name: command.name.trim() },
  });
}

/** By the owner (signed in), or by support with a reason (on any account not erased: a lost phone of a locked account). */
export function removePasskey(command: CommandOf<'RemovePasskey'>, state: AccountState): AccountDecision {
  if (command.by === 'owner') {
    const inactive = refuseUnlessActive(state);
    if (inactive) return inactive;
  } else if (state.status === 'new') return reject(AccountErrors.accountNotFound());
  if (!state.passkeys.some((p) => p.passkeyId === command.passkeyId))
    return reject(AccountErrors.passkeyNotFound());
  return accept({
    type: 'PasskeyRemoved',
    data:
      command.by === 'owner'
        ? { passkeyId: command.passkeyId, by: 'owner' }
        : { passkeyId: command.passkeyId, by: 'support', staffId: command.staffId, reason: command.reason },
  });
}

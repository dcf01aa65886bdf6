/** What the Account state keeps of its passkeys, and how passkey events fold into it (passkeys.ts decides). */
import type { PasskeyEvent } from './events';

export interface PasskeyCredential {
  passkeyId: string;
  /** base64url, as the authenticator gave it. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  signCount: number;
  backupEligible: boolean;
  backedUp: boolean;
  transports: string[];
  name: string;
  registeredAt: number;
  lastUsedAt?: number;
}

/** A challenge already answered, kept until it expires (a replay of it is refused). */
export interface UsedChallenge {
  hash: string;
  until: number;
}

/** More than any real use leaves unexpired at once: the list cannot grow without end. */
const USED_CHALLENGES_KEPT = 50;

export interface PasskeysState {
  passkeys: PasskeyCredential[];
  passkeyChallengesUsed: UsedChallenge[];
}

const ms = (iso: string) => Date.parse(iso);

function used(list: UsedChallenge[], hash: string, until: string, at: string): UsedChallenge[] {
  const now = ms(at);
  return [...list.filter((c) => c.until > now), { hash, until: ms(until) }].slice(-USED_CHALLENGES_KEPT);
}

export function evolvePasskeys<S extends PasskeysState>(state: S, event: PasskeyEvent): S {
  switch (event.type) {
    case 'PasskeyRegistered': {
      const d = event.data;
      return {
        ...state,
        passkeys: [
          ...state.passkeys,
          {
            passkeyId: d.passkeyId,
            credentialId: d.credentialId,
            publicKey: d.publicKey,
            signCount: d.signCount,
            backupEligible: d.backupEligible,
            backedUp: d.backedUp,
            transports: [...d.transports],
            name: d.name,
            registeredAt: ms(d.registeredAt),
          },
        ],
        passkeyChallengesUsed: used(
          state.passkeyChallengesUsed,
          d.challengeHash,
          d.challengeExpiresAt,
          d.registeredAt,
        ),
      };
    }
    case 'PasskeyUsed': {
      const d = event.data;
      return {
        ...state,
        passkeys: state.passkeys.map((p) =>
          p.passkeyId === d.passkeyId
            ? { ...p, signCount: d.signCount, backedUp: d.backedUp, lastUsedAt: ms(d.usedAt) }
            : p,
        ),
        passkeyChallengesUsed: used(
          state.passkeyChallengesUsed,
          d.challengeHash,
          d.challengeExpiresAt,
          d.usedAt,
        ),
      };
    }
    case 'PasskeySignCountRegressed': {
      const d = event.data;
      return {
        ...state,
        passkeyChallengesUsed: used(state.passkeyChallengesUsed, d.challengeHash, d.challengeExpiresAt, d.at),
      };
    }
    case 'PasskeyRenamed':
      return {
        ...state,
        passkeys: state.passkeys.map((p) =>
          p.passkeyId === event.data.passkeyId ? { ...p, name: event.data.name } : p,
        ),
      };
    case 'PasskeyRemoved':
      return { ...state, passkeys: state.passkeys.filter((p) => p.passkeyId !== event.data.passkeyId) };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

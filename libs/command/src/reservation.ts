/**
 * Unique values (usernames, emails, member ids) are claimed in their own streams,
 * `username-<key>`, `email-<key>`, `member-<key>`, where key is an HMAC of the
 * normalised value (libs/vault's `hmacKey`), so stream names reveal nothing.
 * A claim appends with the revision it read ('no_stream' or the last release), so
 * of two racing claims one wins and the other, re-deciding, finds the value taken.
 *
 * A claim is made before the account it is for (no store here writes two streams at
 * once), so a process that dies in between leaves a claim that no account stands
 * behind. Such a claim is not an owner: the caller's `standing` check says whether
 * the holder (an account, or an office for `npi`) really holds the value, and a claim
 * that no holder stands behind is taken over once it is older than CLAIM_TTL_MS, by
 * anyone, through the same expected-revision race. Before then it answers as a taken
 * value does. A claim carries the fingerprint of the request that made it (`claim`,
 * an HMAC of all the values the request reserves), so the same request sent again
 * can find the account id it reserved them for and complete it.
 */
import { AccountErrors, accept, type Decider, type DomainError, OfficeErrors, reject } from '@portal/domain';
import { type CommandContext, handleCommand, load, type PipelineDeps, plainCodec } from './handle-command';
import type { EventStore } from '@portal/event-store';
import type { KeyedMutex } from './keyed-mutex';

/** `npi`: a provider office's NPI, held by the office (its id), so an office registers once. */
export type ReservationKind = 'username' | 'email' | 'member' | 'npi';

/**
 * How long a claim that no account (or office) stands behind keeps the value from others: longer than a
 * registration takes from its first claim to its account (argon2 and a few appends, seconds under load),
 * short enough that a person whose registration was cut off is not kept out for long.
 */
export const CLAIM_TTL_MS = 2 * 60_000;

export type ReservationEvent =
  | {
      type: 'ReservationClaimed';
      /** `at` (ms) and `claim` are absent from claims recorded before they existed: such a claim counts as old. */
      data: { accountId: string; at?: number; claim?: string };
    }
  | { type: 'ReservationReleased'; data: { accountId: string } };

export type ReservationCommand =
  | {
      type: 'Claim';
      kind: ReservationKind;
      accountId: string;
      now: number;
      /** The fingerprint of the request making the claim (see the header). */
      claim?: string;
      /** Whether the current holder, when another, really holds the value (its account or office exists and has it). */
      holderStands?: boolean;
    }
  | { type: 'Release'; kind: ReservationKind; accountId: string };

export interface ReservationState {
  holder: string | undefined;
  /** When the holder's claim was made (ms; 0 when not recorded). */
  claimedAt: number;
  claim: string | undefined;
}

const TAKEN: Record<ReservationKind, () => DomainError> = {
  username: AccountErrors.usernameTaken,
  email: AccountErrors.emailTaken,
  npi: OfficeErrors.npiTaken,
  member: AccountErrors.memberAlreadyRegistered,
};

export const reservationDecider: Decider<ReservationCommand, ReservationEvent, ReservationState> = {
  initialState: () => ({ holder: undefined, claimedAt: 0, claim: undefined }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReservationClaimed':
        return { holder: event.data.accountId, claimedAt: event.data.at ?? 0, claim: event.data.claim };
      case 'ReservationReleased':
        return state.holder === event.data.accountId
          ? { holder: undefined, claimedAt: 0, claim: undefined }
          : state;
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'Claim': {
        if (state.holder === command.accountId) return accept();
        // Taken: by a holder that stands behind it, for good; by a claim nobody stands behind, until it is old.
        // Both answer alike, so a young abandoned claim tells nothing a real account would not.
        if (
          state.holder !== undefined &&
          (command.holderStands === true || command.now - state.claimedAt < CLAIM_TTL_MS)
        ) {
          return reject(TAKEN[command.kind]());
        }
        return accept({
          type: 'ReservationClaimed',
          data: {
            accountId: command.accountId,
            at: command.now,
            ...(command.claim ? { claim: command.claim } : {}),
          },
        });
      }
      case 'Release':
        return state.holder === command.accountId
          ? accept({ type: 'ReservationReleased', data: { accountId: command.accountId } })
          : accept();
      default: {
        const unhandled: never = command;
        return unhandled;
      }
    }
  },
};

export function reservationStreamId(kind: ReservationKind, key: string): string {
  if (!/^[0-9a-f]{16,}$/.test(key))
    throw new Error('A reservation key must be a hex HMAC, never the value itself');
  return `${kind}-${key}`;
}

/**
 * Whether `holder` really holds the value keyed `key`: its account (or, for `npi`, its office) exists and
 * has it. Asked only when another claims a value someone holds.
 */
export type Standing = (kind: ReservationKind, key: string, holder: string) => Promise<boolean>;

export interface ReservationDeps {
  store: EventStore;
  mutex?: KeyedMutex;
  /** Without it every holder stands: a claim is then freed only by its release. */
  standing?: Standing;
}

export interface ClaimOptions {
  /** The claim's time (ms): the command's, never the store's. */
  now: number;
  /** The fingerprint of the request (see the header). */
  claim?: string;
}

/**
 * `Claim`: takes `key` for the account; throws USERNAME_TAKEN / EMAIL_TAKEN /
 * MEMBER_ALREADY_REGISTERED if another holds it (see the header for a claim nobody
 * stands behind). `Release`: frees it if this account holds it; otherwise does
 * nothing. Resolves true when it changed the reservation (false: the account already
 * held it, or did not hold it), so a caller gives back only what it took itself.
 */
export async function reserve(
  deps: ReservationDeps,
  type: ReservationCommand['type'],
  kind: ReservationKind,
  key: string,
  accountId: string,
  ctx: CommandContext,
  options: Partial<ClaimOptions> = {},
): Promise<boolean> {
  const now = options.now ?? ctx.occurredAt.getTime();
  const input =
    type === 'Release'
      ? { type, kind, accountId }
      : async (state: ReservationState): Promise<ReservationCommand> => ({
          type,
          kind,
          accountId,
          now,
          ...(options.claim ? { claim: options.claim } : {}),
          // Asked only of a claim old enough for the answer to matter: a young one is taken either way, and
          // answers in the same time whoever stands behind it.
          holderStands:
            state.holder !== undefined && state.holder !== accountId && now - state.claimedAt >= CLAIM_TTL_MS
              ? deps.standing
                ? await deps.standing(kind, key, state.holder)
                : true
              : false,
        });
  const { events } = await handleCommand(
    pipeline(deps),
    reservationStreamId(kind, key),
    reservationDecider,
    input,
    ctx,
  );
  return events.length > 0;
}

/** Who holds `key`, if anyone (a claim nobody stands behind included: see `reservationOf`). */
export async function holderOf(
  deps: ReservationDeps,
  kind: ReservationKind,
  key: string,
): Promise<string | undefined> {
  return (await reservationOf(deps, kind, key)).holder;
}

/** The reservation of `key` as it stands: holder, when claimed, and the fingerprint of the claiming request. */
export async function reservationOf(
  deps: ReservationDeps,
  kind: ReservationKind,
  key: string,
): Promise<ReservationState> {
  return (await load(pipeline(deps), reservationStreamId(kind, key), reservationDecider)).state;
}

function pipeline(deps: ReservationDeps): PipelineDeps<ReservationEvent> {
  return { store: deps.store, mutex: deps.mutex, codec: plainCodec<ReservationEvent>() };
}

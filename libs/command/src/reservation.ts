/**
 * Unique values (usernames, emails, member ids) are claimed in their own streams,
 * `username-<key>`, `email-<key>`, `member-<key>`, where key is an HMAC of the
 * normalised value (libs/vault's `hmacKey`), so stream names reveal nothing.
 * A claim appends with the revision it read ('no_stream' or the last release), so
 * of two racing claims one wins and the other, re-deciding, finds the value taken.
 */
import { accept, type Decider, DomainError, reject } from '@portal/domain';
import { type CommandContext, handleCommand, load, type PipelineDeps, plainCodec } from './handle-command';
import type { EventStore } from '@portal/event-store';
import type { KeyedMutex } from './keyed-mutex';

/** `npi`: a provider office's NPI, held by the office (its id), so an office registers once. */
export type ReservationKind = 'username' | 'email' | 'member' | 'npi';

export type ReservationEvent =
  | { type: 'ReservationClaimed'; data: { accountId: string } }
  | { type: 'ReservationReleased'; data: { accountId: string } };

export type ReservationCommand =
  | { type: 'Claim'; kind: ReservationKind; accountId: string }
  | { type: 'Release'; kind: ReservationKind; accountId: string };

export interface ReservationState {
  holder: string | undefined;
}

const TAKEN: Record<ReservationKind, { code: string; field: string; message: string }> = {
  username: { code: 'USERNAME_TAKEN', field: 'username', message: 'That username is already taken.' },
  email: { code: 'EMAIL_TAKEN', field: 'email', message: 'That email address is used by another account.' },
  npi: {
    code: 'OFFICE_ALREADY_REGISTERED',
    field: 'npi',
    message: 'An office with this NPI is already registered.',
  },
  member: {
    code: 'MEMBER_ALREADY_REGISTERED',
    field: 'memberId',
    message: 'An account is already registered for this member.',
  },
};

export const reservationDecider: Decider<ReservationCommand, ReservationEvent, ReservationState> = {
  initialState: () => ({ holder: undefined }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReservationClaimed':
        return { holder: event.data.accountId };
      case 'ReservationReleased':
        return state.holder === event.data.accountId ? { holder: undefined } : state;
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
        if (state.holder !== undefined) {
          const t = TAKEN[command.kind];
          return reject(new DomainError(t.code, t.message, { [t.field]: t.message }));
        }
        return accept({ type: 'ReservationClaimed', data: { accountId: command.accountId } });
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

export interface ReservationDeps {
  store: EventStore;
  mutex?: KeyedMutex;
}

/**
 * `Claim`: takes `key` for the account; throws USERNAME_TAKEN / EMAIL_TAKEN /
 * MEMBER_ALREADY_REGISTERED if another holds it. `Release`: frees it if this
 * account holds it; otherwise does nothing. Resolves true when it changed the
 * reservation (false: the account already held it, or did not hold it), so a caller
 * gives back only what it took itself.
 */
export async function reserve(
  deps: ReservationDeps,
  type: ReservationCommand['type'],
  kind: ReservationKind,
  key: string,
  accountId: string,
  ctx: CommandContext,
): Promise<boolean> {
  const { events } = await handleCommand(
    pipeline(deps),
    reservationStreamId(kind, key),
    reservationDecider,
    { type, kind, accountId },
    ctx,
  );
  return events.length > 0;
}

/** Who holds `key`, if anyone. */
export async function holderOf(
  deps: ReservationDeps,
  kind: ReservationKind,
  key: string,
): Promise<string | undefined> {
  const { state } = await load(pipeline(deps), reservationStreamId(kind, key), reservationDecider);
  return state.holder;
}

function pipeline(deps: ReservationDeps): PipelineDeps<ReservationEvent> {
  return { store: deps.store, mutex: deps.mutex, codec: plainCodec<ReservationEvent>() };
}

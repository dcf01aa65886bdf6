/**
 * The read models this service keeps, and how events reach them: the projections
 * in order, and the decoder that opens account events through the vault (the
 * search terms need the values; the documents keep only sealed copies).
 */
import type { StreamCodec } from '@portal/command';
import type { AccountEvent, AccountEventType } from '@portal/domain';
import { accountsProjection } from './accounts/accounts.projection';
import { activationsProjection } from './activations/activations.projection';
import { historyRefsProjection } from './history/history-refs.projection';
import { officesProjection } from './offices/offices.projection';
import type { Projection } from './model';
import type { Decode } from './projector';
import type { SearchKeys } from './search-keys';

export function readModelProjections(keys: SearchKeys): Projection[] {
  return [
    accountsProjection(keys),
    historyRefsProjection,
    activationsProjection,
    officesProjection,
  ] as Projection[];
}

/**
 * The personal fields the projections need in clear: the values they make search
 * terms of (accounts.projection.ts). Every other personal field (first name, security
 * question, producer id, the email of EmailVerified) reaches them still sealed, which
 * is all they keep of it: decoding opens ~3 fewer values per account, and an
 * EmailVerified needs no key at all. A projection that comes to need another value in
 * clear must add it here.
 */
export const PROJECTED_PERSONAL_FIELDS: { readonly [T in AccountEventType]?: readonly string[] } = {
  ActivationCodeIssued: ['memberId'],
  Registered: [
    'profile.lastName',
    'profile.dateOfBirth',
    'profile.email',
    'profile.phone',
    'profile.memberId',
  ],
  LegacyAccountImported: [
    'memberId',
    'profile.lastName',
    'profile.dateOfBirth',
    'profile.email',
    'profile.phone',
    'profile.memberId',
  ],
  AccountCreated: [
    'profile.lastName',
    'profile.dateOfBirth',
    'profile.email',
    'profile.phone',
    'profile.memberId',
  ],
  UsernameCreated: ['username'],
  EmailChanged: ['email'],
};

const ACCOUNT = 'account-';

export function decoderFor(codec: StreamCodec<AccountEvent>): Decode {
  return async (raw) =>
    raw.streamId.startsWith(ACCOUNT)
      ? { raw, account: { accountId: raw.streamId.slice(ACCOUNT.length), event: await codec.decode(raw) } }
      : { raw };
}

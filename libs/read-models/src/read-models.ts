/**
 * The read models this service keeps, and how events reach them: the projections
 * in order, and the decoder that opens account events through the vault (the
 * search terms need the values; the documents keep only sealed copies). Which
 * personal fields they need in clear is the domain's event catalogue's
 * (PROJECTED_PERSONAL_FIELDS).
 */
import type { StreamCodec } from '@portal/command';
import type { AccountEvent } from '@portal/domain';
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

const ACCOUNT = 'account-';

export function decoderFor(codec: StreamCodec<AccountEvent>): Decode {
  return async (raw) =>
    raw.streamId.startsWith(ACCOUNT)
      ? { raw, account: { accountId: raw.streamId.slice(ACCOUNT.length), event: await codec.decode(raw) } }
      : { raw };
}

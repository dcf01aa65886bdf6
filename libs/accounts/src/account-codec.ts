/**
 * How Account events are stored: personal fields sealed with the account's own
 * key (libs/vault), the current schema version recorded, old versions upcast on
 * the way back.
 */
import type { StreamCodec } from '@portal/command';
import {
  type AccountEvent,
  type AccountEventType,
  PERSONAL_DATA_FIELDS,
  schemaVersionOf,
  upcast,
} from '@portal/domain';
import type { JsonObject, RecordedEvent } from '@portal/event-store';
import { type FieldMap, PersonalDataCodec, type Vault } from '@portal/vault';

const PREFIX = 'account-';

export function accountIdOf(streamId: string): string {
  if (!streamId.startsWith(PREFIX)) throw new Error(`Not an account stream: ${streamId}`);
  return streamId.slice(PREFIX.length);
}

/**
 * `opened`: the personal fields `decode` opens (default: every one). A reader that
 * needs fewer (the projector) passes a subset of PERSONAL_DATA_FIELDS; the other
 * personal fields then reach it still sealed. `encode` always seals every personal field.
 */
export function accountCodec(
  vault: Vault,
  opened: FieldMap = PERSONAL_DATA_FIELDS,
): StreamCodec<AccountEvent> {
  const personal = new PersonalDataCodec(vault, PERSONAL_DATA_FIELDS);
  const reader = opened === PERSONAL_DATA_FIELDS ? personal : new PersonalDataCodec(vault, opened);
  return {
    async encode(streamId, event) {
      const data = await personal.encode(accountIdOf(streamId), event.type, event.data as JsonObject);
      return { type: event.type, data, schemaVersion: schemaVersionOf(event.type) };
    },
    async decode(recorded: RecordedEvent) {
      const data = await reader.decode(accountIdOf(recorded.streamId), recorded.type, recorded.data);
      return upcast(recorded.type as AccountEventType, recorded.metadata.schemaVersion, data);
    },
  };
}

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
import { PersonalDataCodec, type Vault } from '@portal/vault';

const PREFIX = 'account-';

export function accountIdOf(streamId: string): string {
  if (!streamId.startsWith(PREFIX)) throw new Error(`Not an account stream: ${streamId}`);
  return streamId.slice(PREFIX.length);
}

export function accountCodec(vault: Vault): StreamCodec<AccountEvent> {
  const personal = new PersonalDataCodec(vault, PERSONAL_DATA_FIELDS);
  return {
    async encode(streamId, event) {
      const data = await personal.encode(accountIdOf(streamId), event.type, event.data as JsonObject);
      return { type: event.type, data, schemaVersion: schemaVersionOf(event.type) };
    },
    async decode(recorded: RecordedEvent) {
      const data = await personal.decode(accountIdOf(recorded.streamId), recorded.type, recorded.data);
      return upcast(recorded.type as AccountEventType, recorded.metadata.schemaVersion, data);
    },
  };
}

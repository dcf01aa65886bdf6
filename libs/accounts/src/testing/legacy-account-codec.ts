/**
 * The Account codec as it stored events before envelopes: each personal field
 * sealed alone, schema version 1 for the types that have personal fields. For
 * fixtures of events already stored in that format; it decodes as the service does.
 */
import type { StreamCodec } from '@portal/command';
import {
  type AccountEvent,
  type AccountEventType,
  PERSONAL_DATA_FIELDS,
  schemaVersionOf,
} from '@portal/domain';
import type { JsonObject } from '@portal/event-store';
import { PersonalDataCodec, type Vault } from '@portal/vault';
import { accountCodec, accountIdOf } from '../account-codec';

export function legacyAccountCodec(vault: Vault): StreamCodec<AccountEvent> {
  const oneByOne = new PersonalDataCodec(vault, PERSONAL_DATA_FIELDS, { envelope: false });
  const current = accountCodec(vault);
  return {
    async encode(streamId, event) {
      const data = await oneByOne.encode(accountIdOf(streamId), event.type, event.data as JsonObject);
      const type = event.type as AccountEventType;
      return { type, data, schemaVersion: PERSONAL_DATA_FIELDS[type] ? 1 : schemaVersionOf(type) };
    },
    decode: (recorded) => current.decode(recorded),
  };
}

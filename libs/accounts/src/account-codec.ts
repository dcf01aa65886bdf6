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
 * `encode` seals every personal field of an event together, in one envelope (the
 * `sealed` field, each field's place marked; schema version 2 of those types);
 * `decode` reads that and the older events whose fields were sealed one by one.
 *
 * `opened`: the personal fields `decode` opens (default: every one). A reader that
 * needs fewer (the projector) passes a subset of PERSONAL_DATA_FIELDS; the other
 * personal fields then reach it still sealed (in an envelope event: marked, the
 * envelope kept). An envelope is opened once for all the listed fields (one AES-GCM
 * open either way), and an event type with no listed field costs no key at all.
 */
export function accountCodec(
  vault: Vault,
  opened: FieldMap = PERSONAL_DATA_FIELDS,
): StreamCodec<AccountEvent> {
  const personal = new PersonalDataCodec(vault, PERSONAL_DATA_FIELDS);
  if (opened !== PERSONAL_DATA_FIELDS) assertPersonalSubset(opened);
  const reader =
    opened === PERSONAL_DATA_FIELDS
      ? personal
      : new PersonalDataCodec(vault, PERSONAL_DATA_FIELDS, { opened });
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

/** Only personal fields: anything else in a reader's list would be "opened" as if it were sealed. */
function assertPersonalSubset(opened: FieldMap): void {
  for (const [type, fields] of Object.entries(opened)) {
    const personal = PERSONAL_DATA_FIELDS[type as AccountEventType] ?? [];
    for (const f of fields ?? [])
      if (!personal.includes(f)) throw new Error(`${type}.${f} is not a personal field`);
  }
}

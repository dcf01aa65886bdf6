/**
 * How Office events are stored: the office's tax id sealed with the office's own
 * key in the vault (it can be a sole practitioner's SSN); everything else as it is.
 */
import type { StreamCodec } from '@portal/command';
import { OFFICE_SEALED_FIELDS, type OfficeEvent } from '@portal/domain';
import type { JsonObject, RecordedEvent } from '@portal/event-store';
import { PersonalDataCodec, type Vault } from '@portal/vault';

const PREFIX = 'office-';

export function officeIdOf(streamId: string): string {
  if (!streamId.startsWith(PREFIX)) throw new Error(`Not an office stream: ${streamId}`);
  return streamId.slice(PREFIX.length);
}

export function officeCodec(vault: Vault): StreamCodec<OfficeEvent> {
  // One sealed field per event: sealed alone, it is already one open per event.
  const sealed = new PersonalDataCodec(vault, OFFICE_SEALED_FIELDS, { envelope: false });
  return {
    async encode(streamId, event) {
      const data = await sealed.encode(officeIdOf(streamId), event.type, event.data as JsonObject);
      return { type: event.type, data, schemaVersion: 1 };
    },
    async decode(recorded: RecordedEvent) {
      const data = await sealed.decode(officeIdOf(recorded.streamId), recorded.type, recorded.data);
      return { type: recorded.type, data } as OfficeEvent;
    },
  };
}

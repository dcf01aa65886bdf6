/**
 * Picks each port's adapter from the configuration. The only place that knows
 * which adapters exist; everything else sees the ports.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStoreConfig } from '@portal/config';
import { type EventStore, EventStoreDbEventStore, SqliteEventStore } from '@portal/event-store';

export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'sqlite':
      mkdirSync(dirname(config.file), { recursive: true });
      return SqliteEventStore.open(config.file);
    case 'eventstoredb':
      return EventStoreDbEventStore.connect(config.url);
  }
}

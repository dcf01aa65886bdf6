/**
 * Picks each port's adapter from the configuration. The only place that knows
 * which adapters exist; everything else sees the ports.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStoreConfig } from '@portal/config';
import { type EventStore, SqliteEventStore } from '@portal/event-store';
import type { Logger } from '@portal/observability';

export function createEventStore(config: EventStoreConfig, logger: Logger): EventStore {
  switch (config.kind) {
    case 'sqlite':
      mkdirSync(dirname(config.file), { recursive: true });
      return SqliteEventStore.open(config.file);
    case 'eventstoredb':
      logger.info('event store: EventStoreDB');
      throw new Error('pending');
  }
}

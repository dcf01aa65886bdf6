/** Builders for tests and benchmarks: realistic events without a domain behind them. */
import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '../event-store.port';

export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { kind: 'system', component: 'event-store-contract' },
    occurredAt: '2025-03-01T10:00:00.000Z',
    schemaVersion: 1,
    ...overrides,
  };
}

export function testEvent(
  type = 'ThingHappened',
  data: JsonObject = {},
  metadata?: Partial<EventMetadata>,
): NewEvent {
  return { id: randomUUID(), type, data, metadata: testMetadata(metadata) };
}

/** `count` events numbered from `from` in `data.n`, so order and identity can be checked. */
export function numberedEvents(count: number, from = 0, type = 'Numbered'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => testEvent(type, { n: from + i }));
}

/** A stream name no other test (or earlier run against a persistent server) has used. */
export function uniqueStream(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

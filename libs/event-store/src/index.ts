/**
 * @portal/event-store: the event store port and its two adapters (embedded SQLite,
 * KurrentDB, formerly EventStoreDB). Owns how events are stored, read and subscribed to;
 * knows nothing of the domain. May import only: no other lib; Node built-ins,
 * better-sqlite3 and @kurrent/kurrentdb-client.
 * The contract suites (events, snapshots) live in `src/testing/` and is imported by tests with a relative path
 * (the build leaves `testing/` out of dist).
 */
export * from './event-store.port';
export * from './snapshot-store.port';
export { AppendTooLargeError, EventIdConflictError, MAX_APPEND_BYTES } from './validation';
export { newEventId } from './event-id';
export {
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteEventStoreDiagnostics,
} from './sqlite/sqlite-event-store';
export {
  KurrentDbEventStore,
  type KurrentDbEventStoreOptions,
  type ReconnectPolicy,
} from './kurrentdb/kurrentdb-event-store';
export type {
  KurrentClient,
  KurrentSubscription,
  KurrentRecordedEvent,
  KurrentResolvedEvent,
  KurrentAppendResult,
  KurrentPosition,
} from './kurrentdb/kurrentdb-client';
export {
  WalCheckpointer,
  type WalCheckpointerOptions,
  type WalCheckpointerStats,
} from './sqlite/wal-checkpointer';

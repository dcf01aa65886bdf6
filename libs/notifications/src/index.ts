/**
 * @portal/notifications: how codes, usernames and notices reach people. The
 * delivery reactor (events → jobs), the worker's handlers (jobs → email and
 * letters), the email and letter ports with their adapters, the templates, and the
 * checkpoint store subscribers share. May import only @portal/accounts, @portal/command,
 * @portal/domain, @portal/event-store, @portal/jobs, @portal/observability, @portal/roster and
 * @portal/vault (README; `.dependency-cruiser.cjs` enforces it).
 */
export * from './business-days';
export * from './checkpoints';
export * from './deliveries';
export * from './delivery-worker';
export * from './letters';
export * from './mailer';
export * from './reactor';
export * from './templates';

/**
 * @portal/audit: what an auditor does with the event store (DESIGN.md, "Audit"):
 * export streams as NDJSON, verify hash chains, and rebuild an account's state as
 * of a time or revision. Functions over the ports, no framework: the CLI
 * (apps/api/src/cli/audit-cli.ts) and the HTTP audit routes are thin shells over them.
 * May import only @portal/event-store, @portal/command, @portal/domain, @portal/accounts
 * and @portal/vault.
 */
export * from './account-view';
export * from './errors';
export * from './export';
export * from './json';
export { DEFAULT_PAGE_SIZE } from './paging';
export * from './state-as-of';
export * from './verify';

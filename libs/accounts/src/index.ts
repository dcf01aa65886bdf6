/**
 * @portal/accounts: the application layer around the Account decider (lookups by keyed
 * hash, the vault, the one command pipeline) and the session store port with its two
 * adapters (SQLite file, MongoDB `sessions` collection). May import only
 * @portal/command, @portal/domain, @portal/event-store, @portal/roster, @portal/security and
 * @portal/vault (`.dependency-cruiser.cjs` enforces it), better-sqlite3 and mongodb. The contract suite and the faked collection live in
 * `src/testing/` and are imported by tests with a relative path.
 */
export * from './account-codec';
export * from './account-snapshots';
export * from './accounts';
export * from './session-store.port';
export * from './session-store';
export * from './mongodb-session-store';

/**
 * @portal/command: the one command pipeline (`handleCommand`: read, decide, append with
 * optimistic concurrency, retry), the hash chain every event carries, snapshots, canonical JSON
 * and the keyed mutex. May import only @portal/domain and @portal/event-store
 * (`.dependency-cruiser.cjs` enforces it).
 */
export * from './canonical-json';
export * from './handle-command';
export * from './hash-chain';
export * from './keyed-mutex';
export * from './reservation';
export * from './snapshots';
export * from './state-json';

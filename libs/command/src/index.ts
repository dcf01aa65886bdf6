export * from './canonical-json';
export * from './handle-command';
export * from './hash-chain';
export * from './keyed-mutex';
export * from './reservation';
export * from './snapshots';
export * from './state-json';

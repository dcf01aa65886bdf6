export * from './account-codec';
export * from './accounts';
export * from './session-store.port';
export * from './session-store';

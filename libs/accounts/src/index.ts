export * from './account-codec';
export * from './accounts';
export * from './session-store';

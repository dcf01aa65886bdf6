export * from './config';
export * from './files';
export * from './policy-settings';
export * from './passkey-settings';

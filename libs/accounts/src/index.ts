export * from './account-codec';
export * from './accounts';
export * from './outbox-mailer';
export * from './session-store';

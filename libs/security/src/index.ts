export * from './password-hasher';
export * from './secrets';
export * from './semaphore';
export * from './totp';

export * from './data-key-store';
export * from './master-keys';
export * from './mongodb-data-key-store';
export * from './personal-data-codec';
export * from './sqlite-data-key-store';
export * from './vault';

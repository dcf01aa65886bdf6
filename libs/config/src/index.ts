export * from './config';
export * from './files';

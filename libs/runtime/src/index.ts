export * from './core.module';
export * from './http/create-http-app';
export * from './http/errors';
export * from './http/ops.controller';
export * from './nest-logger';
export * from './readiness';
export * from './start';
export * from './tokens';

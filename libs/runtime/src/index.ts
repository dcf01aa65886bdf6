/**
 * @portal/runtime: what the three apps share to run: the Nest core module wiring the adapters
 * from the configuration, the Fastify HTTP app, the error filter, ops routes, readiness and the
 * CLI helpers. The only lib that may import Nest (`@nestjs/*`); may import every lib but
 * @portal/audit, @portal/client, @portal/command, @portal/offices and @portal/staff
 * (`.dependency-cruiser.cjs` enforces it).
 */
export * from './core.module';
export * from './http/create-http-app';
export * from './http/lean-validation-pipe';
export * from './http/validation-context';
export * from './http/errors';
export * from './http/ops.controller';
export * from './nest-logger';
export * from './readiness';
export * from './start';
export * from './tokens';
export * from './adapters';
export * from './read-models';
export * from './cli';
export * from './http/metrics-listener';

/**
 * @portal/observability: the structured logger (pino) and the Prometheus metrics. May import
 * only: no other lib (`.dependency-cruiser.cjs` enforces it); pino and prom-client.
 */
export * from './logger';
export * from './metrics';

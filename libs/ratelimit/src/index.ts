/**
 * @portal/ratelimit: fixed-window rate limits, in the process or in Redis. May import only: no
 * other lib (`.dependency-cruiser.cjs` enforces it); ioredis.
 */
export * from './rate-limiter';

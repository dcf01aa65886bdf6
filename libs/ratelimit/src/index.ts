/** @portal/ratelimit: fixed-window rate limits, in the process or in Redis. */
export * from './rate-limiter';

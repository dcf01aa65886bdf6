import fc from 'fast-check';
import { DEFAULT_RETRY_POLICY, resolveJobQueueOptions, retryDelay, type RetryPolicy } from './options';

describe('retryDelay', () => {
  const policy: RetryPolicy = { attempts: 8, baseDelayMs: 1000, maxDelayMs: 20_000 };

  it('doubles the step with each failure, from half to all of it depending on the jitter', () => {
    const lowest = () => 0;
    const highest = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, policy, lowest))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, policy, highest))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('caps the step at maxDelayMs, however many failures', () => {
    expect(retryDelay(6, policy, () => 1)).toBe(20_000);
    expect(retryDelay(5000, policy, () => 1)).toBe(20_000);
    expect(retryDelay(5000, policy, () => 0)).toBe(10_000);
  });

  it('stays within [step/2, step] for any failure count and random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, baseDelayMs, extra, draw) => {
          const p = { attempts: 8, baseDelayMs, maxDelayMs: baseDelayMs + extra };
          const step = Math.min(p.maxDelayMs, baseDelayMs * 2 ** (failures - 1));
          const delay = retryDelay(failures, p, () => draw);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(Math.max(1, Math.floor(step / 2)));
          expect(delay).toBeLessThanOrEqual(Math.max(1, Math.ceil(step)));
        },
      ),
    );
  });

  it('spreads the retries of jobs that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(3, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

describe('resolveJobQueueOptions', () => {
  it('fills in the defaults: 8 attempts, 7 days of retention', () => {
    const resolved = resolveJobQueueOptions();
    expect(resolved.retry).toEqual(DEFAULT_RETRY_POLICY);
    expect(resolved.retry.attempts).toBe(8);
    expect(resolved.completedRetentionMs).toBe(7 * 24 * 60 * 60 * 1000);
  });

  it('takes part of a retry policy and keeps the rest', () => {
    expect(resolveJobQueueOptions({ retry: { attempts: 3 } }).retry).toEqual({
      ...DEFAULT_RETRY_POLICY,
      attempts: 3,
    });
  });

  it('names the setting that is wrong', () => {
    expect(() => resolveJobQueueOptions({ retry: { attempts: 0 } })).toThrow(/retry\.attempts/);
    expect(() => resolveJobQueueOptions({ retry: { baseDelayMs: 1.5 } })).toThrow(/retry\.baseDelayMs/);
    expect(() => resolveJobQueueOptions({ retry: { baseDelayMs: 100, maxDelayMs: 10 } })).toThrow(
      /retry\.maxDelayMs/,
    );
    expect(() => resolveJobQueueOptions({ completedRetentionMs: 0 })).toThrow(/completedRetentionMs/);
    expect(() => resolveJobQueueOptions({ closeTimeoutMs: -1 })).toThrow(/closeTimeoutMs/);
  });
});

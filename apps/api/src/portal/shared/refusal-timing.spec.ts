import { RefusalTiming } from './refusal-timing';

describe('RefusalTiming', () => {
  afterEach(() => jest.useRealTimers());

  it('is 0 before any refusal, then the median of the recorded ones', () => {
    const timing = new RefusalTiming(5);
    expect(timing.typicalMs()).toBe(0);
    for (const ms of [9, 1, 5]) timing.record(ms);
    expect(timing.typicalMs()).toBe(5);
  });

  it('keeps only the latest window of refusals', () => {
    const timing = new RefusalTiming(3);
    for (const ms of [50, 50, 50, 2, 3, 4]) timing.record(ms);
    expect(timing.typicalMs()).toBe(3);
  });

  it('ignores values that are not durations, and never waits longer than its cap', () => {
    const timing = new RefusalTiming(5, 20);
    for (const ms of [NaN, -1, Infinity]) timing.record(ms);
    expect(timing.typicalMs()).toBe(0);
    for (const ms of [500, 600, 700]) timing.record(ms);
    expect(timing.typicalMs()).toBe(20);
  });

  it('waits out only what the unknown refusal has not already spent', async () => {
    jest.useFakeTimers();
    const timing = new RefusalTiming();
    timing.record(8);
    let done = false;
    const padded = timing.padUnknown(3).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(4);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await padded;
    expect(done).toBe(true);
    // Already as slow as a known refusal: no wait at all.
    let immediate = false;
    await timing.padUnknown(8).then(() => (immediate = true));
    expect(immediate).toBe(true);
  });

  it('allows for how late its timer typically fires', async () => {
    jest.useFakeTimers();
    // A clock on which every timer fires 3 ms late.
    let clock = 0;
    const timing = new RefusalTiming(101, 100, () => clock);
    timing.record(20);
    const first = timing.padUnknown(5);
    clock += 15 + 3; // read when the 15 ms timer fires
    await jest.advanceTimersByTimeAsync(15);
    await first;
    let done = false;
    const second = timing.padUnknown(5).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(11);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await second;
    expect(done).toBe(true);
  });
});

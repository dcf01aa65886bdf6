import { newEventId, RANDOM_POOL_BYTES } from './event-id';

describe('newEventId', () => {
  it('is a version 7, RFC 9562 variant UUID carrying the millisecond timestamp', () => {
    const at = Date.UTC(2025, 5, 1, 12, 0, 0, 123);
    const id = newEventId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time and does not repeat', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => newEventId(1_700_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    const byTime = ids.map((id) => id.slice(0, 13));
    expect([...byTime].sort()).toEqual(byTime);
  });

  it('draws fresh random bits for every id, across refills of its random pool', () => {
    // Ten pools' worth of ids in one millisecond: only the random bits tell them apart.
    const count = 10 * Math.floor(RANDOM_POOL_BYTES / 10) + 7;
    const ids = Array.from({ length: count }, () => newEventId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(count);
    for (const id of ids) expect(id).toMatch(/^018bcfe5-6800-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Every one of the 74 random bits takes both values over the run (a stuck byte, a pool
    // read twice or never refilled would show as a bit that never changes or as repeats).
    const bits = (id: string) => BigInt(`0x${id.replace(/-/g, '').slice(12)}`);
    const mask = ids.reduce((m, id) => m | bits(id), 0n);
    const zeros = ids.reduce((m, id) => m | ~bits(id), 0n) & ((1n << 80n) - 1n);
    const random = 0x0fff3fffffffffffffffn; // the 80 bits after the timestamp, less version and variant
    expect(mask & random).toBe(random);
    expect(zeros & random).toBe(random);
  });
});

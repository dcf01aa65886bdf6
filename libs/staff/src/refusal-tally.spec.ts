import { OTHER_ROUTES, OTHER_SOURCES, RefusalTally } from './refusal-tally';

describe('RefusalTally', () => {
  const route = 'GET /v1/support/accounts';
  let now = Date.parse('2026-12-07T10:00:30Z');
  const tally = (options = {}) => new RefusalTally({ now: () => now, ...options });

  it('counts per source and minute, and hands over only minutes that have ended', () => {
    const t = tally();
    for (let i = 0; i < 3; i++) t.add('203.0.113.7', { route, why: 'unknown' });
    t.add('203.0.113.7', { route, why: 'wrong-secret', staffId: 'sue.support' });
    t.add('198.51.100.2', { route: 'GET /v1/audit/verify', why: 'missing' });
    expect(t.take()).toEqual([]);
    expect(t.pending).toBe(5);
    now += 60_000;
    t.add('203.0.113.7', { route, why: 'unknown' });
    expect(t.take()).toEqual([
      {
        source: '203.0.113.7',
        from: '2026-12-07T10:00:00.000Z',
        to: '2026-12-07T10:01:00.000Z',
        count: 4,
        why: { unknown: 3, 'wrong-secret': 1 },
        routes: { [route]: 4 },
        staffIds: ['sue.support'],
      },
      {
        source: '198.51.100.2',
        from: '2026-12-07T10:00:00.000Z',
        to: '2026-12-07T10:01:00.000Z',
        count: 1,
        why: { missing: 1 },
        routes: { 'GET /v1/audit/verify': 1 },
      },
    ]);
    expect(t.pending).toBe(1);
    expect(t.take(true)).toHaveLength(1);
    expect(t.pending).toBe(0);
  });

  it('keeps memory bounded: addresses past the cap share one entry that says how many there were, routes past theirs one route', () => {
    const t = tally({ maxSources: 3, maxRoutes: 2 });
    for (let i = 0; i < 10; i++) t.add(`192.0.2.${i}`, { route: `GET /r${i % 4}`, why: 'missing' });
    t.add('192.0.2.9', { route: 'GET /r1', why: 'malformed' });
    const counts = t.take(true);
    expect(counts.map((c) => c.source)).toEqual(['192.0.2.0', '192.0.2.1', '192.0.2.2', OTHER_SOURCES]);
    const other = counts[3];
    expect(other).toMatchObject({ count: 8, sources: 7, why: { missing: 7, malformed: 1 } });
    expect(Object.keys(other.routes).length).toBeLessThanOrEqual(3);
    expect(other.routes[OTHER_ROUTES]).toBeGreaterThan(0);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(11);
  });
});

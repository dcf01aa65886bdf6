import { newEventId } from './event-id';

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
});

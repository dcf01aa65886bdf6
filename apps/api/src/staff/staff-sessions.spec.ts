import { cookieOf, sessionCookie, StaffSessions } from './staff-sessions';

describe('StaffSessions', () => {
  let now = 0;
  const sessions = () => new StaffSessions({ idleSeconds: 60, absoluteSeconds: 300 }, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('keeps a session in use, and ends it after the idle timeout', () => {
    const s = sessions();
    const token = s.start('sam.support');
    now += 59_000;
    expect(s.use(token)).toMatchObject({ ok: true, session: { staffId: 'sam.support' } });
    now += 59_000;
    expect(s.use(token).ok).toBe(true);
    now += 60_000;
    expect(s.use(token)).toEqual({ ok: false, why: 'expired' });
    expect(s.use(token)).toEqual({ ok: false, why: 'unknown' });
  });

  it('ends a session at the absolute timeout however busy it is, and on sign-out', () => {
    const s = sessions();
    const token = s.start('sam.support');
    for (let i = 0; i < 9; i++) {
      now += 30_000;
      expect(s.use(token).ok).toBe(true);
    }
    now += 30_000;
    expect(s.use(token)).toEqual({ ok: false, why: 'expired' });
    const other = s.start('sam.support');
    expect(s.end(other)).toBe(true);
    expect(s.use(other)).toEqual({ ok: false, why: 'unknown' });
    expect(s.use('made-up')).toEqual({ ok: false, why: 'unknown' });
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict and Secure, but for plain HTTP on a loopback address', () => {
    expect(sessionCookie('t', { protocol: 'https', hostname: 'staff.example.org' })).toBe(
      'staff_session=t; Path=/v1; HttpOnly; SameSite=Strict; Secure',
    );
    expect(sessionCookie('t', { protocol: 'http', hostname: 'staff.example.org' })).toMatch(/; Secure$/);
    expect(sessionCookie('t', { protocol: 'http', hostname: '127.0.0.1:3000' })).not.toMatch(/Secure/);
    expect(sessionCookie('', { protocol: 'http', hostname: 'localhost' }, 0)).toMatch(/Max-Age=0/);
  });

  it('is read from the Cookie header among others', () => {
    expect(cookieOf('a=1; staff_session=abc; b=2', 'staff_session')).toBe('abc');
    expect(cookieOf('staff_sessionx=1', 'staff_session')).toBeUndefined();
    expect(cookieOf(undefined, 'staff_session')).toBeUndefined();
  });
});

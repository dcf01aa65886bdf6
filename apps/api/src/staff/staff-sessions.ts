/**
 * Console sessions for staff who signed in with password and authenticator code.
 *
 * The cookie carries 256 random bits; this process keeps only their SHA-256, with the
 * staff id, when the session began and when it was last used. A session ends after
 * `idleSeconds` without a request, `absoluteSeconds` after sign-in, on sign-out, or
 * when the process stops (sessions are not shared between API instances: behind a
 * load balancer, route a console user to one instance, or sign in again).
 * The roles are not kept: the guard reads the staff member's stream on every request,
 * so a disable or a role change applies to open sessions at once.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'staff_session';

export interface StaffSession {
  staffId: string;
  startedAt: number;
  lastSeenAt: number;
}

export type SessionLookup = { ok: true; session: StaffSession } | { ok: false; why: 'unknown' | 'expired' };

/** Sessions kept at most: a flood of sign-ins cannot grow the map without bound. */
const MAX_SESSIONS = 10_000;

export class StaffSessions {
  private readonly sessions = new Map<string, StaffSession>();

  constructor(
    private readonly limits: { idleSeconds: number; absoluteSeconds: number },
    private readonly clock: () => number = Date.now,
  ) {}

  get idleSeconds(): number {
    return this.limits.idleSeconds;
  }

  /** A new session; the token is the cookie's value, kept nowhere. */
  start(staffId: string): string {
    const now = this.clock();
    if (this.sessions.size >= MAX_SESSIONS) this.sweep(now);
    if (this.sessions.size >= MAX_SESSIONS) {
      // Still full of live sessions: the oldest one makes room.
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(digest(token), { staffId, startedAt: now, lastSeenAt: now });
    return token;
  }

  /** The session for `token`, its idle clock restarted; an ended one is forgotten. */
  use(token: string): SessionLookup {
    const key = digest(token);
    const session = this.sessions.get(key);
    if (!session) return { ok: false, why: 'unknown' };
    const now = this.clock();
    if (this.expired(session, now)) {
      this.sessions.delete(key);
      return { ok: false, why: 'expired' };
    }
    session.lastSeenAt = now;
    return { ok: true, session };
  }

  end(token: string): boolean {
    return this.sessions.delete(digest(token));
  }

  private expired(s: StaffSession, now: number): boolean {
    return (
      now - s.lastSeenAt >= this.limits.idleSeconds * 1000 ||
      now - s.startedAt >= this.limits.absoluteSeconds * 1000
    );
  }

  private sweep(now: number): void {
    for (const [key, s] of this.sessions) if (this.expired(s, now)) this.sessions.delete(key);
  }
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The named cookie's value from a Cookie header, or undefined. */
export function cookieOf(header: string | string[] | undefined, name: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface CookieRequest {
  protocol?: string;
  hostname?: string;
  host?: string;
}

/**
 * A browser-session cookie (no Max-Age: gone when the browser closes; the server ends it
 * sooner). `Secure` unless the request came over plain HTTP to a loopback address (a developer's
 * machine, the tests): there the browser would drop a Secure cookie. Behind a proxy listed in
 * TRUST_PROXY, the protocol is the one the proxy names.
 */
export function sessionCookie(token: string, req: CookieRequest, maxAgeSeconds?: number): string {
  const host = (req.hostname ?? req.host ?? '').replace(/:\d+$/, '');
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  const secure = !(req.protocol === 'http' && loopback);
  return (
    `${SESSION_COOKIE}=${token}; Path=/v1; HttpOnly; SameSite=Strict` +
    (maxAgeSeconds !== undefined ? `; Max-Age=${maxAgeSeconds}` : '') +
    (secure ? '; Secure' : '')
  );
}

export function clearedSessionCookie(req: CookieRequest): string {
  return sessionCookie('', req, 0);
}

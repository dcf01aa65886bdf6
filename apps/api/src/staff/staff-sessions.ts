/**
 * Console sessions for staff who signed in (password and authenticator code, or single sign-on).
 *
 * Kept in the members' session store port (libs/accounts/src/session-store.port.ts), in a
 * store of their own with the staff timeouts: the `staff_sessions` collection when MONGO_URL
 * is set, else DATA_DIR/staff-sessions.sqlite (createStaffSessionStore in libs/runtime). So
 * every API instance behind a load balancer, and every process on the machine, sees the same
 * sessions, and a restart signs nobody out. The port's `accountId` holds the staff id;
 * `mustChangePassword` is always false (staff passwords are set from the CLI).
 *
 * The cookie carries 256 random bits; the store keeps only their SHA-256 (a 256-bit random
 * value cannot be guessed from its hash, so no key is needed), with the staff id, when the
 * session began and when it was last used. A session ends after `idleSeconds` without a
 * request, `absoluteSeconds` after sign-in, on sign-out, and when the staff member is
 * disabled (the CLI's `disable` ends them all; the guard refuses them anyway).
 * The roles are not kept: the guard reads the staff member's stream on every request,
 * so a disable or a role change applies to open sessions at once.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SessionStore } from '@portal/accounts';

export const SESSION_COOKIE = 'staff_session';

export interface StaffSession {
  staffId: string;
  sessionId: string;
  startedAt: number;
  lastSeenAt: number;
}

/**
 * `ended`: unknown, signed out, or past a timeout (the store does not say which: an ended
 * session is found by nothing, as one that never was).
 */
export type SessionLookup = { ok: true; session: StaffSession } | { ok: false; why: 'ended' };

export class StaffSessions {
  constructor(
    private readonly store: SessionStore,
    private readonly clock: () => number = Date.now,
  ) {}

  get idleSeconds(): number {
    return Math.floor(this.store.timeouts.idleMs / 1000);
  }

  get absoluteSeconds(): number {
    return Math.floor(this.store.timeouts.absoluteMs / 1000);
  }

  /** A new session; the token is the cookie's value, kept nowhere. */
  async start(staffId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.store.create(digest(token), {
      sessionId: randomUUID(),
      accountId: staffId,
      createdAt: this.clock(),
      mustChangePassword: false,
    });
    return token;
  }

  /** The live session for `token`, its idle clock restarted (in the store, for every instance). */
  async use(token: string): Promise<SessionLookup> {
    if (token === '') return { ok: false, why: 'ended' };
    const found = await this.store.touch(digest(token), this.clock());
    if (!found) return { ok: false, why: 'ended' };
    return {
      ok: true,
      session: {
        staffId: found.accountId,
        sessionId: found.sessionId,
        startedAt: found.createdAt,
        lastSeenAt: found.lastSeenAt,
      },
    };
  }

  /** Ends the session; the one that was live (for the record of the sign-out), or undefined. */
  async end(token: string): Promise<StaffSession | undefined> {
    if (token === '') return undefined;
    const found = await this.use(token);
    await this.store.revoke(digest(token), this.clock());
    return found.ok ? found.session : undefined;
  }

  /** Ends every session of the staff member (a disable); how many were not revoked before (expired ones too). */
  endAllFor(staffId: string): Promise<number> {
    return this.store.revokeAllFor(staffId, this.clock());
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

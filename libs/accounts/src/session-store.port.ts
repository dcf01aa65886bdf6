/**
 * The session store port. A signed-in session is found by a keyed hash of its
 * opaque token (the token itself is never stored). A session ends at its idle or
 * absolute timeout, on logout, and for every session of an account when the
 * account's password changes or it is locked, reset or deactivated.
 *
 * Every API instance must see the same sessions, so production keeps them in
 * MongoDB (`MongoSessionStore`); `npm start` keeps them in a SQLite file
 * (`SqliteSessionStore`). Both pass `testing/session-store.contract.ts`.
 */

export interface Session {
  sessionId: string;
  accountId: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds of the last `touch` that found the session live (`createdAt` at first). */
  lastSeenAt: number;
  mustChangePassword: boolean;
}

export type NewSession = Omit<Session, 'lastSeenAt'>;

export interface SessionTimeouts {
  /** A session not touched for this long has ended. */
  idleMs: number;
  /** A session this old has ended, however recently it was touched. */
  absoluteMs: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

export interface SessionStore {
  /** The timeouts this store ends sessions at: a new session's answer tells the browser both. */
  readonly timeouts: SessionTimeouts;
  /** Stores a new session; `SessionExistsError` if its token hash or session id is taken. */
  create(tokenHash: string, session: NewSession): Promise<void>;
  /**
   * The live session for this token with its idle clock restarted at `now`, or undefined
   * when there is none: unknown, revoked, idle for `idleMs` or more, or `absoluteMs` old or
   * more. One atomic step, so a session that has ended cannot be revived by a racing touch.
   */
  touch(tokenHash: string, now: number): Promise<Session | undefined>;
  /** Ends one session; revoking an unknown or already revoked session changes nothing. */
  revoke(tokenHash: string, now: number): Promise<void>;
  /** Ends every session of the account; how many were not revoked before. */
  revokeAllFor(accountId: string, now: number): Promise<number>;
  /** A round trip to the storage, for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A session with this token hash or session id is stored already. Never quotes either. */
export class SessionExistsError extends Error {
  readonly code = 'SESSION_EXISTS';
  constructor() {
    super('A session with this token hash or session id already exists');
    this.name = 'SessionExistsError';
  }
}

/** A caller passed a value the store cannot keep. Names the argument, never its value (it may be a token hash). */
export class SessionInputError extends Error {
  readonly code = 'SESSION_INPUT_INVALID';
  constructor(
    readonly field: string,
    expected: string,
  ) {
    super(`Session store: ${field} must be ${expected}`);
    this.name = 'SessionInputError';
  }
}

export function checkText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new SessionInputError(field, 'a non-empty string');
  return value;
}

/** Times are whole epoch milliseconds: SQLite keeps them as INTEGER, MongoDB as dates. */
export function checkTime(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new SessionInputError(field, 'whole epoch milliseconds');
  return value;
}

export function checkNewSession(tokenHash: unknown, session: NewSession): void {
  checkText(tokenHash, 'tokenHash');
  checkText(session?.sessionId, 'sessionId');
  checkText(session.accountId, 'accountId');
  checkTime(session.createdAt, 'createdAt');
  if (typeof session.mustChangePassword !== 'boolean')
    throw new SessionInputError('mustChangePassword', 'a boolean');
}

export function checkTimeouts(timeouts: SessionTimeouts): SessionTimeouts {
  for (const field of ['idleMs', 'absoluteMs'] as const) {
    const value = timeouts[field];
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new SessionInputError(`timeouts.${field}`, 'a positive whole number of milliseconds');
  }
  return timeouts;
}

/**
 * Every HTTP call the console makes, and the staff credential it makes them with. Nothing
 * else in the console calls fetch: moving to the generated typed client (openapi-fetch) or to
 * a cookie session replaces this file, not the screens.
 *
 * Only documented /v1 staff routes, on the console's own origin. People sign in with staff id,
 * password and authenticator code (POST /v1/staff/session): the session is then an HttpOnly
 * cookie this code never sees, and every call carries `X-Requested-With` (which the API
 * requires with the cookie on unsafe methods). The CLI's bearer credential may still be pasted
 * (automation, break-glass): it is kept in sessionStorage, for this tab only, and sign-out
 * removes it. What is kept of a cookie session is only who is signed in.
 */

const CREDENTIAL_KEY = 'portal.console.staff-credential';
const SESSION_KEY = 'portal.console.staff-session';
const REQUESTED_WITH = { 'X-Requested-With': 'portal-console' };
const REASON_HEADER = 'X-Access-Reason';

// ---- the shapes the routes answer (to be replaced by the generated OpenAPI types) ----

export interface Page<T> {
  items: T[];
  next?: string;
}

export type AccountStatus = 'activation-pending' | 'active' | 'deactivated' | 'erased';

export interface AccountSummary {
  accountId: string;
  status: AccountStatus;
  locked: boolean;
  personal: Record<string, unknown>;
}

export interface OfficeBlock {
  officeId: string;
  name: string;
  status: string;
  functions?: string[];
  [key: string]: unknown;
}

export interface AccountDetail extends AccountSummary {
  kind?: string;
  organisation?: { kind?: string; id?: string; name?: string; [key: string]: unknown };
  registered: boolean;
  registeredAt?: string;
  registeredVia?: string;
  lockedUntil?: string;
  consecutiveFailures: number;
  deactivated?: { at: string; reason: string };
  activation?: {
    codeId: string;
    issuedAt: string;
    expiresAt: string;
    mailedAt?: string;
    expectedDeliveryAt?: string;
    vendorReference?: string;
    used: boolean;
    expired: boolean;
  };
  authenticatorEnrolled: boolean;
  lastLogin?: { at: string; method: string };
  mustChangePassword: boolean;
  emailVerified: boolean;
  erased: boolean;
  office?: OfficeBlock;
}

export type Actor =
  | { kind: 'self'; accountId?: string }
  | { kind: 'staff'; staffId: string; role?: string }
  | { kind: 'system'; component: string }
  | { kind: 'anonymous' };

export interface HistoryEntry {
  at: string;
  type: string;
  text: string;
  actor: Actor;
  ip?: string;
  streamId: string;
  revision: string;
  eventId: string;
}

export type ActivationState = 'awaiting-letter' | 'mailed';

export interface ActivationInFlight {
  accountId: string;
  codeId: string;
  state: ActivationState;
  issuedAt: string;
  expiresAt: string;
  mailedAt?: string;
  expectedDeliveryAt?: string;
  expired: boolean;
}

export const QUEUES = ['email', 'letter'] as const;
export type Queue = (typeof QUEUES)[number];

export interface DeadJob {
  queue: Queue;
  id: string;
  attemptsMade: number;
  lastError: string;
  failedAt: number;
}

export interface DeadLetters {
  queue: Queue;
  count: number;
  items: DeadJob[];
}

export interface OfficeView {
  officeId: string;
  name: string;
  npi: string;
  taxId: unknown;
  status: 'pending' | 'active' | string;
  registeredAt: string;
  firstAdministrator: string;
  approved?: { at: string; by: string; [key: string]: unknown };
  users: { accountId: string; functions: string[]; addedAt: string; addedBy: string }[];
  administrators: string[];
}

/** A broken link of a hash chain: the stream, the revision and event where it breaks, and how. */
export interface ChainBreak {
  streamId: string;
  revision?: string;
  eventId?: string;
  reason?: string;
  [key: string]: unknown;
}

export interface VerifyReport {
  intact: boolean;
  streams?: number;
  events?: number;
  breaks: ChainBreak[];
  firstBreak?: ChainBreak;
  [key: string]: unknown;
}

/** A progress line of GET /v1/audit/verify/progress (no total: the store has no count of its events). */
export interface VerifyProgress {
  events: number;
  streams: number;
  breaks: number;
  firstBreak?: ChainBreak;
}

/** Who asked for a deactivation: the member, or support's own decision (misuse, a duplicate account). */
export type DeactivationBy = 'owner' | 'support';

/** An office in GET /v1/support/offices (no tax id; its users counted). */
export interface OfficeSummary {
  officeId: string;
  name: string;
  npi: string;
  status: 'pending' | 'active';
  registeredAt: string;
  firstAdministrator: string;
  approved?: { at: string; by: string };
  users: number;
}

export interface StateAsOf {
  accountId: string;
  revision: string | number;
  asOf: string;
  lastEvent: { id: string; type: string; occurredAt: string };
  state: Record<string, unknown>;
  chainBreak?: { streamId: string; revision?: string; reason?: string };
}

export interface Comparison {
  id: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'abandoned';
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  events: number;
  result?: Record<string, unknown>;
  error?: string;
}

/** The search keys of GET /v1/support/accounts, one at a time (last name goes with a date of birth). */
export type SearchQuery =
  | { username: string }
  | { email: string }
  | { memberId: string }
  | { phone: string }
  | { lastName: string; dateOfBirth: string }
  | { lastNamePrefix: string };

// ---- errors ----

/** An answer other than 2xx, in the service's error shape `{ error: { code, message, fields? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** 403: signed in, but the role does not allow this route. */
  get refused(): boolean {
    return this.status === 403;
  }
}

// ---- the credential ----

type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

let credential: string | undefined = storage()?.getItem(CREDENTIAL_KEY) ?? undefined;
/** Who signed in with the form (the cookie itself is HttpOnly). */
let session: { staffId: string; roles: string[] } | undefined = (() => {
  try {
    const raw = storage()?.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as { staffId: string; roles: string[] }) : undefined;
  } catch {
    return undefined;
  }
})();

// Back from single sign-on: whoever this tab remembered gives way to whoever the new cookie names
// (the sign-in screen asks GET /v1/staff/session).
if (new URLSearchParams(window.location.search).get('sso') === 'signed-in') {
  credential = undefined;
  session = undefined;
  storage()?.removeItem(CREDENTIAL_KEY);
  storage()?.removeItem(SESSION_KEY);
}

export function isSignedIn(): boolean {
  return credential !== undefined || session !== undefined;
}

/** Who is signed in: from the session, or the id part of `stf_<staffId>_<secret>` (never the secret). */
export function staffId(): string | undefined {
  if (session) return session.staffId;
  // The secret is 43 base64url characters; both parts may hold `_`, so the split is by length.
  return credential ? /^stf_(.+)_[A-Za-z0-9_-]{43}$/.exec(credential)?.[1] : undefined;
}

/** Keeps a CLI credential for this tab; the first call to a route tells whether it is valid. */
export function signIn(token: string): void {
  const value = token.trim();
  if (!/^stf_\S+_[A-Za-z0-9_-]{43}$/.test(value))
    throw new ApiError(0, 'CREDENTIAL_MALFORMED', 'A staff credential looks like stf_<id>_<secret>.');
  credential = value;
  storage()?.setItem(CREDENTIAL_KEY, value);
  listeners.forEach((l) => l());
}

/** Signs in with staff id, password and authenticator code; the service sets the session cookie. */
export async function signInWithPassword(id: string, password: string, code: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(new URL('/v1/staff/session', window.location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...REQUESTED_WITH },
      body: JSON.stringify({ staffId: id.trim(), password, code: code.replace(/\s/g, '') }),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The service did not answer. Check the connection and try again.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } })?.error;
    throw new ApiError(
      res.status,
      error?.code ?? `HTTP_${res.status}`,
      res.status === 401
        ? 'Staff id, password or authenticator code not accepted. Check all three and try again.'
        : (error?.message ?? `The service answered ${res.status}.`),
    );
  }
  const who = body as { staffId: string; roles: string[] };
  session = { staffId: who.staffId, roles: who.roles };
  storage()?.setItem(SESSION_KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

/** Whether the service offers single sign-on (GET /v1/staff/sso); false when it cannot tell. */
export async function ssoEnabled(): Promise<boolean> {
  try {
    const res = await fetch(new URL('/v1/staff/sso', window.location.origin), {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
    });
    return res.ok && ((await res.json()) as { enabled?: unknown }).enabled === true;
  } catch {
    return false;
  }
}

/** Where the sign-in button sends the browser: the service redirects it on to the provider. */
export const SSO_START = '/v1/staff/sso/start';

/**
 * After single sign-on the service has set the session cookie and sent the browser here; it
 * never saw an answer naming who signed in, so it asks (GET /v1/staff/session).
 */
export async function resumeSsoSession(): Promise<void> {
  let res: Response;
  try {
    res = await fetch(new URL('/v1/staff/session', window.location.origin), {
      headers: { Accept: 'application/json', ...REQUESTED_WITH },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The service did not answer. Check the connection and try again.');
  }
  if (!res.ok)
    throw new ApiError(res.status, `HTTP_${res.status}`, 'Single sign-on did not complete. Try again.');
  const who = (await res.json()) as { staffId: string; roles: string[] };
  session = { staffId: who.staffId, roles: who.roles };
  storage()?.setItem(SESSION_KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function signOut(): void {
  if (session)
    // Ends the session on the service (the cookie goes with it); the console forgets it at once either way.
    void fetch(new URL('/v1/staff/session', window.location.origin), {
      method: 'DELETE',
      headers: REQUESTED_WITH,
      credentials: 'same-origin',
    }).catch(() => undefined);
  forget();
}

function forget(): void {
  credential = undefined;
  session = undefined;
  storage()?.removeItem(CREDENTIAL_KEY);
  storage()?.removeItem(SESSION_KEY);
  listeners.forEach((l) => l());
}

/** Called on sign-in and sign-out (also when a 401 ends the session). */
export function onCredentialChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ---- transport ----

interface CallOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  reason?: string;
  /** A JSON body. */
  body?: unknown;
  /** The body as text (NDJSON), not parsed. */
  text?: boolean;
  signal?: AbortSignal;
}

/** Sends the request; an answer other than 2xx is thrown as an ApiError (a 401 also signs out). */
async function send(path: string, options: CallOptions): Promise<Response> {
  if (!credential && !session) throw new ApiError(401, 'STAFF_UNAUTHENTICATED', 'Sign in to continue.');
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(options.query ?? {}))
    if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const headers: Record<string, string> = {
    ...(credential ? { Authorization: `Bearer ${credential}` } : REQUESTED_WITH),
    Accept: options.text ? 'application/x-ndjson' : 'application/json',
  };
  if (options.reason !== undefined) headers[REASON_HEADER] = options.reason;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      credentials: credential ? 'omit' : 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'The service did not answer. Check the connection and try again.');
  }
  if (res.ok) return res;
  const correlationId = res.headers.get('x-correlation-id') ?? undefined;
  const body = parseJson(await res.text().catch(() => ''));
  const error = (body as { error?: { code?: string; message?: string; fields?: Record<string, string> } })
    ?.error;
  const failure = new ApiError(
    res.status,
    error?.code ?? `HTTP_${res.status}`,
    error?.message ?? `The service answered ${res.status}.`,
    error?.fields,
    correlationId,
  );
  // A credential refused (unknown, rotated, disabled) or a session ended (idle, too long): sign in again.
  if (res.status === 401) forget();
  throw failure;
}

async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const res = await send(path, options);
  const raw = await res.text().catch(() => '');
  return (options.text ? raw : parseJson(raw)) as T;
}

/**
 * An NDJSON answer read as it arrives: `onLine` gets each object as its line ends. Resolves
 * when the answer ends; a connection lost midway is a NETWORK ApiError.
 */
async function lines(path: string, options: CallOptions, onLine: (value: unknown) => void): Promise<void> {
  const res = await send(path, { ...options, text: true });
  if (!res.body) throw new ApiError(0, 'NETWORK', 'The answer had no body.');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += value;
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, end).trim();
        pending = pending.slice(end + 1);
        if (line) onLine(JSON.parse(line) as unknown);
      }
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'The connection ended before the answer did. Try again.');
  }
  if (pending.trim()) onLine(JSON.parse(pending) as unknown);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

// ---- the routes ----

export const api = {
  search: (query: SearchQuery, reason: string, after?: string) =>
    call<Page<AccountSummary>>('/v1/support/accounts', { query: { ...query, after, limit: 20 }, reason }),

  account: (accountId: string, reason: string) =>
    call<AccountDetail>(`/v1/support/accounts/${encodeURIComponent(accountId)}`, { reason }),

  history: (accountId: string, reason: string, after?: string) =>
    call<Page<HistoryEntry>>(`/v1/support/accounts/${encodeURIComponent(accountId)}/history`, {
      query: { after, limit: 50 },
      reason,
    }),

  unlock: (accountId: string, reason: string) =>
    call<{ unlocked: boolean }>(`/v1/support/accounts/${encodeURIComponent(accountId)}/unlock`, {
      method: 'POST',
      reason,
    }),

  temporaryPassword: (accountId: string, reason: string) =>
    call<{ sent: boolean }>(`/v1/support/accounts/${encodeURIComponent(accountId)}/temporary-password`, {
      method: 'POST',
      reason,
    }),

  usernameReminder: (accountId: string, reason: string) =>
    call<{ sent: boolean }>(`/v1/support/accounts/${encodeURIComponent(accountId)}/username-reminder`, {
      method: 'POST',
      reason,
    }),

  deactivate: (accountId: string, by: DeactivationBy, reason: string) =>
    call<{ deactivated: boolean }>(`/v1/support/accounts/${encodeURIComponent(accountId)}/deactivate`, {
      method: 'POST',
      body: { reason: by },
      reason,
    }),

  activations: (state: ActivationState, reason: string, after?: string) =>
    call<Page<ActivationInFlight>>('/v1/support/activations', { query: { state, after, limit: 50 }, reason }),

  deadLetters: (queue: Queue) =>
    call<DeadLetters>(`/v1/support/dead-letters/${queue}`, { query: { limit: 100 } }),

  retryDeadLetter: (queue: Queue, jobId: string) =>
    call<{ queued: boolean }>(`/v1/support/dead-letters/${queue}/${encodeURIComponent(jobId)}/retry`, {
      method: 'POST',
    }),

  offices: (status: 'pending' | 'active', reason: string, after?: string) =>
    call<Page<OfficeSummary>>('/v1/support/offices', { query: { status, after, limit: 50 }, reason }),

  office: (officeId: string, reason: string) =>
    call<OfficeView>(`/v1/support/offices/${encodeURIComponent(officeId)}`, { reason }),

  approveOffice: (officeId: string, reason: string) =>
    call<{ officeId: string; status: string }>(`/v1/offices/${encodeURIComponent(officeId)}/approve`, {
      method: 'POST',
      reason,
    }),

  /**
   * The verification with its progress (NDJSON): `onProgress` for each progress line; resolves
   * with the result line, or throws the error line (a failure after the answer started).
   */
  verifyChainsWithProgress: async (
    reason: string,
    onProgress: (progress: VerifyProgress) => void,
    signal?: AbortSignal,
  ): Promise<VerifyReport> => {
    let result: VerifyReport | undefined;
    let failure: ApiError | undefined;
    await lines('/v1/audit/verify/progress', { reason, signal }, (value) => {
      const line = value as {
        progress?: VerifyProgress;
        result?: VerifyReport;
        error?: { code: string; message: string };
      };
      if (line.progress) onProgress(line.progress);
      else if (line.result) result = line.result;
      else if (line.error) failure = new ApiError(200, line.error.code, line.error.message);
    });
    if (failure) throw failure;
    if (!result) throw new ApiError(0, 'NETWORK', 'The answer ended before the result. Try again.');
    return result;
  },

  /** NDJSON as stored: one stream, or every event. */
  exportEvents: (reason: string, streamId?: string) =>
    call<string>('/v1/audit/events', { query: { streamId }, reason, text: true }),

  stateAsOf: (accountId: string, at: string, reason: string) =>
    call<StateAsOf>(`/v1/audit/accounts/${encodeURIComponent(accountId)}/state`, { query: { at }, reason }),

  requestComparison: (reason: string) =>
    call<{ started: boolean; id?: string; status?: string }>('/v1/audit/read-models/compare', {
      method: 'POST',
      reason,
    }),

  comparison: (id: string, reason: string) =>
    call<Comparison>(`/v1/audit/read-models/compare/${encodeURIComponent(id)}`, { reason }),
};

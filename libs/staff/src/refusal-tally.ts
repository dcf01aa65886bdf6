/**
 * Counts refused staff credentials (401s) per source address and minute, in memory,
 * so that a flood of bad credentials costs one event per source and minute instead
 * of one per request. Memory is bounded: at most `maxSources` addresses per minute
 * get their own count; every further address is counted in one `other` entry (with
 * how many addresses it folds), and each entry names at most `maxRoutes` routes and
 * `maxStaffIds` staff ids.
 */
import type { SignInFailure } from './staff-sign-in';

/** What was wrong with a refused staff credential. */
export type AuthenticationFailure =
  'missing' | 'malformed' | 'unknown' | 'wrong-secret' | 'disabled' | 'revoked' | 'expired';

/** Why a request was refused: its credential's fault, or its address was over the limit (not checked). */
export type RefusalWhy =
  | AuthenticationFailure
  | 'rate-limited'
  /** Console sign-in (staff-sign-in.ts) and its cookie session. */
  | SignInFailure
  | 'session-ended'
  | 'no-csrf-header'
  /** Single sign-on: no mapped role in the claim, a flow that does not check out (state, code, id token), or an id that is not this identity's / disabled. */
  | SsoFailure;

/** Why a single sign-on callback was refused (the provider's own errors are `sso-failed`). */
export type SsoFailure = 'sso-no-role' | 'sso-failed' | 'sso-conflict';

/** The source of the entry that counts every address beyond `maxSources` in a minute. */
export const OTHER_SOURCES = 'other';
/** The route of the count of every route beyond `maxRoutes` in an entry. */
export const OTHER_ROUTES = 'other';

/** One source's refusals in one minute: the data of a `StaffAuthenticationFailures` event. */
export type RefusalCount = {
  /** The client address, or `other`. */
  source: string;
  /** The minute: [from, to). */
  from: string;
  to: string;
  count: number;
  why: Partial<Record<RefusalWhy, number>>;
  /** Route pattern → refusals. */
  routes: Record<string, number>;
  /** Existing staff members whose credential was refused (wrong secret, disabled). */
  staffIds?: string[];
  /** For `other`: how many addresses it counts. */
  sources?: number;
};

export interface RefusalTallyOptions {
  windowMs?: number;
  maxSources?: number;
  maxRoutes?: number;
  maxStaffIds?: number;
  now?: () => number;
}

interface Entry {
  count: number;
  why: Partial<Record<RefusalWhy, number>>;
  routes: Map<string, number>;
  staffIds: Set<string>;
  sources: Set<string>;
}

export class RefusalTally {
  private readonly windows = new Map<number, Map<string, Entry>>();
  private readonly windowMs: number;
  private readonly maxSources: number;
  private readonly maxRoutes: number;
  private readonly maxStaffIds: number;
  private readonly now: () => number;

  constructor(options: RefusalTallyOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxSources = options.maxSources ?? 1000;
    this.maxRoutes = options.maxRoutes ?? 20;
    this.maxStaffIds = options.maxStaffIds ?? 20;
    this.now = options.now ?? Date.now;
  }

  add(source: string, refusal: { route: string; why: RefusalWhy; staffId?: string }): void {
    const start = Math.floor(this.now() / this.windowMs) * this.windowMs;
    let window = this.windows.get(start);
    if (!window) this.windows.set(start, (window = new Map()));
    // Sources are IP addresses, so none is spelled `other`.
    let key = source;
    let entry = window.get(key);
    if (!entry && window.size >= this.maxSources) {
      key = OTHER_SOURCES;
      entry = window.get(key);
    }
    if (!entry) {
      entry = { count: 0, why: {}, routes: new Map(), staffIds: new Set(), sources: new Set() };
      window.set(key, entry);
    }
    entry.count++;
    entry.why[refusal.why] = (entry.why[refusal.why] ?? 0) + 1;
    const route =
      entry.routes.has(refusal.route) || entry.routes.size < this.maxRoutes ? refusal.route : OTHER_ROUTES;
    entry.routes.set(route, (entry.routes.get(route) ?? 0) + 1);
    if (refusal.staffId !== undefined && entry.staffIds.size < this.maxStaffIds)
      entry.staffIds.add(refusal.staffId);
    // Only the overflow entry keeps the addresses it stands for, and only to count them (up to a million).
    if (key === OTHER_SOURCES && entry.sources.size < 1_000_000) entry.sources.add(source);
  }

  /** Removes and returns the counts of every minute that has ended, or of every minute with `all` (shutdown). */
  take(all = false): RefusalCount[] {
    const current = Math.floor(this.now() / this.windowMs) * this.windowMs;
    const out: RefusalCount[] = [];
    for (const [start, window] of [...this.windows].sort((a, b) => a[0] - b[0])) {
      if (!all && start >= current) continue;
      this.windows.delete(start);
      for (const [key, e] of window) {
        out.push({
          source: key,
          from: new Date(start).toISOString(),
          to: new Date(start + this.windowMs).toISOString(),
          count: e.count,
          why: { ...e.why },
          routes: Object.fromEntries(e.routes),
          ...(e.staffIds.size > 0 ? { staffIds: [...e.staffIds].sort() } : {}),
          ...(key === OTHER_SOURCES ? { sources: e.sources.size } : {}),
        });
      }
    }
    return out;
  }

  /** Refusals counted and not yet taken. */
  get pending(): number {
    let n = 0;
    for (const window of this.windows.values()) for (const e of window.values()) n += e.count;
    return n;
  }
}

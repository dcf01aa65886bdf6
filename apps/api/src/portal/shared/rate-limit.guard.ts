/**
 * Rate limits on every route that checks a credential or sends a message
 * (`@RateLimited('credential' | 'message')`): per client IP, and per account as
 * named by the request (username, email, member id, the account sealed in a
 * login or reset token, or the session token). The account key is taken from
 * what the caller sent, before any lookup, so an unknown username is limited
 * exactly like a known one and the 429 reveals nothing. Keys are keyed hashes:
 * no username or email reaches Redis. A refusal is 429 RATE_LIMITED with
 * `Retry-After` in seconds.
 *
 * When the limiter cannot answer (Redis down), the request goes through and the
 * outage is logged and counted: the lockout, kept in the event store, still
 * protects every account, and refusing every login would be worse.
 */
import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Accounts } from '@portal/accounts';
import type { AppConfig } from '@portal/config';
import { loginNameKey, normaliseLookup } from '@portal/domain';
import type { Logger, Metrics } from '@portal/observability';
import type { RateLimiter, RateLimitRule } from '@portal/ratelimit';
import { ACCOUNTS, APP_CONFIG, LOGGER, METRICS, RATE_LIMITER } from '@portal/runtime';
import { ANY_LOGIN_TOKEN, openLoginToken } from './login-token';

/**
 * `security-answer`: the answer that can deactivate an account (seed 004: 3 wrong in a row)
 * gets tighter limits than a password: per address per hour, and per account per day, each
 * RATE_LIMIT_MESSAGES_PER_HOUR (`0` turns them off), so that one address cannot deactivate
 * many accounts, nor one account be deactivated again and again after each reactivation.
 */
export type RateLimitKind = 'credential' | 'message' | 'security-answer';
const KIND = Symbol('rate-limit-kind');

/** Marks a route as rate limited: per IP, and per account named in the request. */
export function RateLimited(kind: RateLimitKind) {
  return applyDecorators(
    SetMetadata(KIND, kind),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description:
        'Too many requests from this address or for this account: 429 RATE_LIMITED, with Retry-After.',
    }),
  );
}

interface LimitedRequest {
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  routeOptions?: { url?: string };
}

/**
 * The account a request is about, as the caller named it (not looked up). A member id
 * comes first: on create-username the username is the new one the caller picks, and
 * a fresh bucket per guess would let the password be tried without limit. Names go
 * through the lookups' own normalisation (libs/domain `loginNameKey`, `normaliseLookup`),
 * so every spelling the lookup takes for one account shares its bucket: `DEMO 0000002`
 * and `demo-0000002` (a member id typed as a login name), `ｐａｔｅｘａｍｐｌｅ` and
 * `patexample`.
 */
export function accountKeyOf(req: LimitedRequest, accounts: Accounts): string | undefined {
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  for (const field of ['memberId', 'username', 'email'] as const) {
    const v = body[field];
    if (typeof v !== 'string' || v.trim() === '') continue;
    // Bounded before normalising: NFKC of an unbounded string is unbounded work.
    const typed = v.slice(0, 320);
    return field === 'email' ? `email:${normaliseLookup('email', typed)}` : `name:${loginNameKey(typed)}`;
  }
  for (const field of ['loginToken', 'resetToken'] as const) {
    const v = body[field];
    // Counted for the account sealed inside only once the token opens (login-token.ts): a token made up to
    // name someone's account opens to nothing, so it spends the address's limit and no account's.
    if (typeof v === 'string') {
      const opened = openLoginToken(accounts, v.slice(0, 200), ANY_LOGIN_TOKEN);
      return opened ? `account:${opened.accountId}` : undefined;
    }
  }
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer '))
    return `session:${auth.slice(7).trim().slice(0, 128)}`;
  return undefined;
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  private outage = false;
  private readonly refused;
  private readonly unavailable;

  constructor(
    private readonly reflector: Reflector,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) metrics: Metrics,
  ) {
    this.refused = metrics.counter(
      'rate_limited_total',
      'Requests refused with 429, by route kind and limit',
      ['kind', 'limit'],
    );
    this.unavailable = metrics.counter(
      'rate_limiter_unavailable_total',
      'Requests let through because the rate limiter could not answer',
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.get<RateLimitKind | undefined>(KIND, context.getHandler());
    if (!kind) return true;
    const req = context.switchToHttp().getRequest<LimitedRequest>();
    const limits = this.config.rateLimits;
    const security = kind === 'security-answer';
    const checks: [string, string, RateLimitRule][] = [
      security
        ? ['ip', `security:ip:${req.ip}`, { limit: limits.messagesPerAccountPerHour, windowMs: 3_600_000 }]
        : ['ip', `${kind}:ip:${req.ip}`, { limit: limits.perIpPerMinute, windowMs: 60_000 }],
    ];
    // An account rule that is off needs no account key (opening a login token and two HMACs per request).
    const accountRuleOn =
      (kind === 'credential' ? limits.perAccountPerMinute : limits.messagesPerAccountPerHour) > 0;
    const account = accountRuleOn ? accountKeyOf(req, this.accounts) : undefined;
    if (account) {
      const hashed = this.accounts.keyedHash('ratelimit', account);
      checks.push(
        security
          ? [
              'account',
              `security:acct:${hashed}`,
              { limit: limits.messagesPerAccountPerHour, windowMs: 24 * 3_600_000 },
            ]
          : kind === 'credential'
            ? [
                'account',
                `credential:acct:${hashed}`,
                { limit: limits.perAccountPerMinute, windowMs: 60_000 },
              ]
            : [
                'account',
                `message:acct:${hashed}`,
                { limit: limits.messagesPerAccountPerHour, windowMs: 3_600_000 },
              ],
      );
    }
    for (const [limit, key, rule] of checks) {
      if (rule.limit === 0) continue;
      let result;
      try {
        result = await this.limiter.hit(key, rule);
      } catch (error) {
        this.unavailable.inc();
        if (!this.outage)
          this.logger.error(
            { error: (error as Error).message },
            'rate limiter unavailable: requests go through unlimited',
          );
        this.outage = true;
        return true;
      }
      if (this.outage) this.logger.warn('rate limiter answers again');
      this.outage = false;
      if (!result.allowed) {
        this.refused.inc({ kind, limit });
        const seconds = Math.max(1, Math.ceil(result.resetMs / 1000));
        context
          .switchToHttp()
          .getResponse<{ header(n: string, v: string): void }>()
          .header('Retry-After', String(seconds));
        throw new HttpException(
          `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
          429,
        );
      }
    }
    return true;
  }
}

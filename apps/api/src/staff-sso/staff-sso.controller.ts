import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Logger } from '@portal/observability';
import { LOGGER } from '@portal/runtime';
import type { StaffRequest } from '../staff';
import { requestContextOf } from '../staff/staff-request';
import { StaffGuard } from '../staff/staff.guard';
import { type CookieRequest, cookieOf, sessionCookie } from '../staff/staff-sessions';
import { SSO_FLOW_SECONDS, type SsoClient } from './sso-client';
import { FinishSsoCommand, StartSsoCommand } from './staff-sso.commands';
import { SSO_CLIENT } from './staff-sso.handlers';

type Reply = { header(name: string, value: string): void; code(status: number): void };
type SsoRequest = StaffRequest & CookieRequest & { url?: string };

/** The sealed flow (state, nonce, PKCE verifier) between the start and the callback. */
export const SSO_FLOW_COOKIE = 'staff_sso';
const CALLBACK = 'GET /v1/staff/sso/callback';

/** Where the browser lands: the console, told by `sso=` what happened (never why in detail). */
export type SsoOutcome = 'signed-in' | 'refused' | 'no-role' | 'unavailable' | 'off';
const consoleAt = (outcome: SsoOutcome) => `/console/?sso=${outcome}`;

/**
 * Console single sign-on through the OpenID Connect provider of OIDC_ISSUER (sso-client.ts).
 * `GET /v1/staff/sso` tells the console whether it is on. `start` redirects to the provider;
 * `callback` is where the provider sends the browser back: on success the staff member
 * `sso-<hash of issuer and subject>` is recorded as signed in (`StaffSignedIn { method: 'sso' }` on
 * `staff-<id>:sign-ins`; on its own stream `StaffSsoSignedIn` the first time, later a
 * `StaffRolesChanged` when its claim maps to other roles), a console session begins (the `staff_session` cookie, as after a
 * password sign-in) and the browser goes to the console. A refusal (no mapped role, a flow that
 * does not check out, a disabled member) is counted like a refused credential (staff-refusals)
 * and sends the browser to the console's sign-in with `?sso=no-role` or `?sso=refused`.
 * Every answer of start and callback is a 302 to a fixed place: there is no return URL to abuse.
 */
@ApiTags('staff')
@Controller('v1/staff/sso')
export class StaffSsoController {
  constructor(
    private readonly commands: CommandBus,
    private readonly guard: StaffGuard,
    @Inject(SSO_CLIENT) private readonly client: SsoClient | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether the console offers single sign-on' })
  status(): { enabled: boolean } {
    return { enabled: this.client !== null };
  }

  @Get('start')
  @ApiOperation({ summary: 'Begin single sign-on: redirects to the provider (sets the flow cookie)' })
  @ApiTooManyRequestsResponse({ description: 'Too many refusals from this address: 429 RATE_LIMITED.' })
  async start(@Req() req: SsoRequest, @Res({ passthrough: true }) reply: Reply): Promise<string> {
    if (!this.client) return redirect(reply, consoleAt('off'));
    this.guard.refuseIfBlocked(req, reply, 'GET /v1/staff/sso/start');
    let started: { url: string; flow: string };
    try {
      started = await this.commands.execute(new StartSsoCommand());
    } catch (error) {
      this.logger.error({ errorName: (error as Error).name }, 'single sign-on provider unavailable');
      return redirect(reply, consoleAt('unavailable'));
    }
    reply.header('Set-Cookie', flowCookie(started.flow, req, SSO_FLOW_SECONDS));
    reply.header('Cache-Control', 'no-store');
    return redirect(reply, started.url);
  }

  @Get('callback')
  @ApiOperation({ summary: 'Where the provider sends the browser back: signs in, redirects to the console' })
  @ApiTooManyRequestsResponse({ description: 'Too many refusals from this address: 429 RATE_LIMITED.' })
  async callback(@Req() req: SsoRequest, @Res({ passthrough: true }) reply: Reply): Promise<string> {
    if (!this.client) return redirect(reply, consoleAt('off'));
    this.guard.refuseIfBlocked(req, reply, CALLBACK);
    const url = req.url ?? '';
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const result = await this.commands.execute(
      new FinishSsoCommand(
        query,
        cookieOf(req.headers.cookie, SSO_FLOW_COOKIE),
        requestContextOf(req, { kind: 'anonymous' }),
      ),
    );
    // A flow is good for one try, whatever its outcome.
    reply.header('Set-Cookie', flowCookie('', req, 0));
    reply.header('Cache-Control', 'no-store');
    if (!result.ok) {
      if (result.error) this.logger.info({ why: result.why, error: result.error }, 'single sign-on refused');
      try {
        await this.guard.refuse(req, reply, { route: CALLBACK, why: result.why, staffId: result.staffId });
      } catch (refusal) {
        // Over the limit of refusals from this address: the 429 stands.
        if ((refusal as { getStatus?: () => number }).getStatus?.() === 429) throw refusal;
      }
      return redirect(reply, consoleAt(result.why === 'sso-no-role' ? 'no-role' : 'refused'));
    }
    reply.header('Set-Cookie', sessionCookie(result.token, req));
    return redirect(reply, consoleAt('signed-in'));
  }
}

function redirect(reply: Reply, location: string): string {
  reply.code(302);
  reply.header('Location', location);
  return '';
}

/**
 * The flow cookie: HttpOnly, only sent to /v1/staff/sso, and SameSite=Lax, since the provider's
 * redirect back is a cross-site navigation that a Strict cookie would not come with.
 */
function flowCookie(value: string, req: CookieRequest, maxAgeSeconds: number): string {
  return sessionCookie(value, req, maxAgeSeconds)
    .replace(/^staff_session=/, `${SSO_FLOW_COOKIE}=`)
    .replace('Path=/v1;', 'Path=/v1/staff/sso;')
    .replace('SameSite=Strict', 'SameSite=Lax');
}

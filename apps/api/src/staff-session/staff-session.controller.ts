import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { AppConfig } from '@portal/config';
import { APP_CONFIG } from '@portal/runtime';
import type { StaffRequest } from '../staff';
import { requestContextOf } from '../staff/staff-request';
import { StaffGuard, StaffOnly } from '../staff/staff.guard';
import {
  clearedSessionCookie,
  type CookieRequest,
  cookieOf,
  SESSION_COOKIE,
  sessionCookie,
} from '../staff/staff-sessions';
import { StaffUnauthenticatedError } from '../staff/staff.errors';
import { EndStaffSessionCommand, StartStaffSessionCommand } from './staff-session.commands';

export class StaffSignInRequest {
  @ApiProperty({ example: 'sam.support' })
  @IsString()
  @MaxLength(64)
  staffId!: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: '492039', description: 'The 6 digits the authenticator app shows now.' })
  @IsString()
  @MaxLength(16)
  code!: string;
}

type Reply = { header(name: string, value: string): void };
type SessionRequest = StaffRequest & CookieRequest;

const ROUTE = 'POST /v1/staff/session';

/**
 * Console sign-in for people: staff id, password and authenticator code (enrolled with
 * `npm run staff -- set-password | totp`). A wrong part, whichever, is the one 401
 * STAFF_UNAUTHENTICATED, counted against the address like a refused bearer credential
 * (429 once over the limit). Both routes need `X-Requested-With` (a cross-site form
 * cannot send it). The session is an HttpOnly SameSite=Strict cookie (Secure except over
 * plain HTTP on a loopback address) that ends after STAFF_SESSION_IDLE_SECONDS idle or
 * STAFF_SESSION_ABSOLUTE_SECONDS in all, kept in the shared staff session store (any API
 * instance serves it; a restart keeps it). A successful sign-in is recorded as
 * `StaffSignedIn` on `staff-<staffId>:sign-ins` (client IP and user agent in its metadata),
 * a sign-out as `StaffSignedOut`; bearer credentials stay for automation.
 */
@ApiTags('staff')
@Controller('v1/staff/session')
export class StaffSessionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly guard: StaffGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to the staff console (sets the session cookie)' })
  @ApiTooManyRequestsResponse({ description: 'Too many refusals from this address: 429 RATE_LIMITED.' })
  async signIn(
    @Body() body: StaffSignInRequest,
    @Req() req: SessionRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    this.guard.refuseIfBlocked(req, reply, ROUTE);
    if (!req.headers['x-requested-with'])
      return this.guard.refuse(req, reply, { route: ROUTE, why: 'no-csrf-header' });
    const result = await this.commands.execute(
      new StartStaffSessionCommand(
        body.staffId,
        body.password,
        body.code,
        requestContextOf(req, { kind: 'anonymous' }),
      ),
    );
    if (!result.ok || result.token === undefined)
      return this.guard.refuse(req, reply, {
        route: ROUTE,
        why: result.ok ? 'unknown' : result.why,
        staffId: result.ok ? undefined : result.staffId,
      });
    reply.header('Set-Cookie', sessionCookie(result.token, req));
    reply.header('Cache-Control', 'no-store');
    const { idleSeconds, absoluteSeconds } = this.config.staffSessions;
    return { staffId: result.staffId, roles: result.roles, idleSeconds, absoluteSeconds };
  }

  /** Who the session (or bearer credential) is: the console asks after a single sign-on, whose answer it never saw. */
  @Get()
  @StaffOnly('support', 'auditor', 'admin')
  @ApiOperation({ summary: 'The signed-in staff member and roles' })
  current(@Req() req: SessionRequest, @Res({ passthrough: true }) reply: Reply) {
    reply.header('Cache-Control', 'no-store');
    const { idleSeconds, absoluteSeconds } = this.config.staffSessions;
    return { staffId: req.staff!.staffId, roles: req.staff!.roles, idleSeconds, absoluteSeconds };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of the staff console (ends the session, clears the cookie)' })
  async signOut(@Req() req: SessionRequest, @Res({ passthrough: true }) reply: Reply): Promise<void> {
    if (!req.headers['x-requested-with']) throw new StaffUnauthenticatedError();
    await this.commands.execute(
      new EndStaffSessionCommand(
        cookieOf(req.headers.cookie, SESSION_COOKIE),
        requestContextOf(req, { kind: 'anonymous' }),
      ),
    );
    reply.header('Set-Cookie', clearedSessionCookie(req));
  }
}

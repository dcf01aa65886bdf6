import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import type { SessionGranted } from '../shared/session-grant';
import { type AuthenticatorEnrolmentRequired, VerifyCodeCommand } from './verify-code.command';
import { VerifyCodeRequest } from './verify-code.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/login')
export class VerifyCodeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('verify-code')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Step 2 of log on: the 6-digit emailed code. Answers an opaque session token (send it as a Bearer token); ' +
      'where an authenticator app is required (AUTHENTICATOR_REQUIRED) and none is set up, answers instead ' +
      '`authenticatorRequired: true` with a new app to enrol (secret, otpauth URI, QR code and enrolment token), ' +
      'confirmed at POST /v1/login/enrol-authenticator, which signs in.',
  })
  verify(
    @Body() body: VerifyCodeRequest,
    @Req() req: PortalRequest,
  ): Promise<SessionGranted | AuthenticatorEnrolmentRequired> {
    return this.commands.execute(new VerifyCodeCommand(body.loginToken, body.code, contextOf(req)));
  }
}

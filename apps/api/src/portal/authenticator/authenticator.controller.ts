import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn, type SignedInRequest } from '../shared/session.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import type { SessionGranted } from '../shared/session-grant';
import {
  type AuthenticatorEnrolment,
  ConfirmAuthenticatorCommand,
  EnrolAuthenticatorAtLoginCommand,
  RemoveAuthenticatorCommand,
  StartAuthenticatorEnrolmentCommand,
  VerifyAuthenticatorCommand,
} from './authenticator.commands';
import {
  ConfirmAuthenticatorRequest,
  EnrolAuthenticatorAtLoginRequest,
  RemoveAuthenticatorRequest,
  VerifyAuthenticatorRequest,
} from './authenticator.request';
import { RateLimited } from '../shared/rate-limit.guard';

type Signed = SignedInRequest & PortalRequest;

@ApiTags('portal')
@SignedIn()
@Controller('v1/me/authenticator')
export class AuthenticatorController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start adding an authenticator app: a new secret as an otpauth URI and a QR code.',
  })
  start(@Req() req: Signed): Promise<AuthenticatorEnrolment> {
    const accountId = req.session!.accountId;
    return this.commands.execute(
      new StartAuthenticatorEnrolmentCommand(accountId, contextOf(req, accountId)),
    );
  }

  @Post('confirm')
  @RateLimited('credential')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Finish adding the app with its current code. From then on the app is the second step of log on.',
  })
  async confirm(@Body() body: ConfirmAuthenticatorRequest, @Req() req: Signed): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(
      new ConfirmAuthenticatorCommand(accountId, body.enrolmentToken, body.code, contextOf(req, accountId)),
    );
  }

  @Post('remove')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the app (password required); log on goes back to emailed codes.' })
  async remove(@Body() body: RemoveAuthenticatorRequest, @Req() req: Signed): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(
      new RemoveAuthenticatorCommand(accountId, body.password, contextOf(req, accountId)),
    );
  }
}

@ApiTags('portal')
@Controller('v1/login')
export class VerifyAuthenticatorController {
  constructor(private readonly commands: CommandBus) {}

  @Post('verify-authenticator')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Step 2 of log on with an authenticator app. A code is good once; wrong codes count toward the lock.',
  })
  verify(@Body() body: VerifyAuthenticatorRequest, @Req() req: PortalRequest): Promise<SessionGranted> {
    return this.commands.execute(new VerifyAuthenticatorCommand(body.loginToken, body.code, contextOf(req)));
  }

  @Post('enrol-authenticator')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Step 3 of log on where an authenticator app is required (AUTHENTICATOR_REQUIRED) and none is set up: ' +
      "the enrolment that verify-code answered, and the new app's first code. Adds the app and signs in.",
  })
  enrol(@Body() body: EnrolAuthenticatorAtLoginRequest, @Req() req: PortalRequest): Promise<SessionGranted> {
    return this.commands.execute(
      new EnrolAuthenticatorAtLoginCommand(body.loginToken, body.enrolmentToken, body.code, contextOf(req)),
    );
  }
}

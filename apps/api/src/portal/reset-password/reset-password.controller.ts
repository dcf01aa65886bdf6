import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import {
  AnswerSecurityQuestionCommand,
  AskSecurityQuestionCommand,
  CompleteResetCommand,
  type ResetStarted,
  type SecurityQuestionAsked,
  StartResetCommand,
  VerifyResetCodeCommand,
} from './reset-password.commands';
import {
  CompleteResetRequest,
  IdentityRequest,
  SecurityAnswerRequest,
  StartResetRequest,
  VerifyResetCodeRequest,
} from './reset-password.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/password-resets')
export class ResetPasswordController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RateLimited('message')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Forgot password, with a username: emails a 6-digit code (none with an authenticator app: its code is the second step). The answer is the same for an unknown username.',
  })
  start(@Body() body: StartResetRequest, @Req() req: PortalRequest): Promise<ResetStarted> {
    return this.commands.execute(new StartResetCommand(body.username, contextOf(req)));
  }

  @Post('verify-code')
  @RateLimited('credential')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "The emailed code (or, with an authenticator app set up, the app's code) proves the owner; then a new password may be set.",
  })
  async verify(@Body() body: VerifyResetCodeRequest, @Req() req: PortalRequest): Promise<void> {
    await this.commands.execute(new VerifyResetCodeCommand(body.resetToken, body.code, contextOf(req)));
  }

  @Post('complete')
  @RateLimited('credential')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets the new password (under the policy). Ends every session and any lock.' })
  async complete(@Body() body: CompleteResetRequest, @Req() req: PortalRequest): Promise<void> {
    await this.commands.execute(new CompleteResetCommand(body.resetToken, body.newPassword, contextOf(req)));
  }

  @Post('security-question')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Forgot password without 2-step verification: last name, date of birth and a username or member id; answers the security question. ' +
      "422 IDENTITY_MISMATCH (no field named) when they don't match.",
  })
  ask(@Body() body: IdentityRequest, @Req() req: PortalRequest): Promise<SecurityQuestionAsked> {
    return this.commands.execute(new AskSecurityQuestionCommand(identityOf(body), contextOf(req)));
  }

  @Post('security-answer')
  @RateLimited('security-answer')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'The answer (case sensitive), with the token of the question step alone (the identity is not sent again). Each wrong answer is emailed to the owner; the 3rd in a row deactivates the account, ' +
      'and the email about it carries a link that undoes it (POST /v1/reactivations). Limited per address per hour and per account per day.',
  })
  async answer(@Body() body: SecurityAnswerRequest, @Req() req: PortalRequest): Promise<void> {
    await this.commands.execute(
      new AnswerSecurityQuestionCommand(body.resetToken, body.answer, contextOf(req)),
    );
  }
}

function identityOf(b: IdentityRequest) {
  return { lastName: b.lastName, dateOfBirth: b.dateOfBirth, username: b.username, memberId: b.memberId };
}

import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { SignedIn, type SignedInRequest } from '../shared/session.guard';
import {
  ChangePhoneCommand,
  ChangeSecurityQuestionCommand,
  ConfirmEmailChangeCommand,
  RequestEmailChangeCommand,
} from './contact-details.commands';
import {
  ChangeEmailRequest,
  ChangePhoneRequest,
  ChangeSecurityQuestionRequest,
  ConfirmEmailChangeRequest,
} from './contact-details.request';

type Signed = SignedInRequest & PortalRequest;

/** The signed-in account changes its email address, phone number, security question and answer. */
@ApiTags('portal')
@SignedIn()
@Controller('v1/me')
export class ContactDetailsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('email')
  @RateLimited('message')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Change the email address (current password required): a code goes to the new address, and the change takes effect only when it is confirmed.',
  })
  requestEmailChange(@Body() body: ChangeEmailRequest, @Req() req: Signed): Promise<{ sent: true }> {
    const accountId = req.session!.accountId;
    return this.commands.execute(
      new RequestEmailChangeCommand(accountId, body.currentPassword, body.email, contextOf(req, accountId)),
    );
  }

  @Post('email/confirm')
  @RateLimited('credential')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Confirm the new email address with the code sent to it; the old address is told of the change.',
  })
  async confirmEmailChange(@Body() body: ConfirmEmailChangeRequest, @Req() req: Signed): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(
      new ConfirmEmailChangeCommand(accountId, body.code, contextOf(req, accountId)),
    );
  }

  @Post('phone')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the phone number (shown by GET /v1/me).' })
  async changePhone(@Body() body: ChangePhoneRequest, @Req() req: Signed): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(new ChangePhoneCommand(accountId, body.phone, contextOf(req, accountId)));
  }

  @Post('security-question')
  @RateLimited('credential')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the security question and its answer (current password required).' })
  async changeSecurityQuestion(
    @Body() body: ChangeSecurityQuestionRequest,
    @Req() req: Signed,
  ): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(
      new ChangeSecurityQuestionCommand(
        accountId,
        body.currentPassword,
        body.securityQuestion,
        body.securityAnswer,
        contextOf(req, accountId),
      ),
    );
  }
}

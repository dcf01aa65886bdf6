import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { AllowedBeforePasswordChange, SignedIn, type SignedInRequest } from '../shared/session.guard';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordRequest } from './change-password.request';

/** The signed-in account changes its password. */
@ApiTags('portal')
@SignedIn()
@Controller('v1/me')
export class ChangePasswordController {
  constructor(private readonly commands: CommandBus) {}

  @Post('password')
  @AllowedBeforePasswordChange()
  @RateLimited('credential')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Change the password (current one required). Ends every session of the account, this one included.',
  })
  async changePassword(
    @Body() body: ChangePasswordRequest,
    @Req() req: SignedInRequest & PortalRequest,
  ): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(
      new ChangePasswordCommand(accountId, body.currentPassword, body.newPassword, contextOf(req, accountId)),
    );
  }
}

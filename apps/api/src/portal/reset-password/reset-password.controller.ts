import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../request-context';
import { CompleteResetCommand, StartResetCommand, VerifyResetCodeCommand } from './reset-password.commands';
import { CompleteResetRequest, StartResetRequest, VerifyResetCodeRequest } from './reset-password.request';

@ApiTags('portal')
@Controller('v1/password-resets')
export class ResetPasswordController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Forgot password, with a username: emails a 6-digit code. The answer is the same for an unknown username.',
  })
  start(@Body() body: StartResetRequest, @Req() req: PortalRequest): Promise<{ resetToken: string }> {
    return this.commands.execute(new StartResetCommand(body.username, contextOf(req)));
  }

  @Post('verify-code')
  @HttpCode(204)
  @ApiOperation({ summary: 'The emailed code proves the owner; then a new password may be set.' })
  async verify(@Body() body: VerifyResetCodeRequest, @Req() req: PortalRequest): Promise<void> {
    await this.commands.execute(new VerifyResetCodeCommand(body.resetToken, body.code, contextOf(req)));
  }

  @Post('complete')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets the new password (under the policy). Ends every session and any lock.' })
  async complete(@Body() body: CompleteResetRequest, @Req() req: PortalRequest): Promise<void> {
    await this.commands.execute(new CompleteResetCommand(body.resetToken, body.newPassword, contextOf(req)));
  }
}

import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { ForgotUsernameCommand } from './forgot-username.command';
import { ForgotUsernameRequest } from './forgot-username.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/username-reminders')
export class ForgotUsernameController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RateLimited('message')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Forgot username: emails it if an account has this address. The answer is the same either way.',
  })
  async remind(@Body() body: ForgotUsernameRequest, @Req() req: PortalRequest): Promise<{ accepted: true }> {
    await this.commands.execute(new ForgotUsernameCommand(body.email, contextOf(req)));
    return { accepted: true };
  }
}

import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { ResendCodeCommand } from './resend-code.command';
import { ResendCodeRequest } from './resend-code.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/login')
export class ResendCodeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('resend-code')
  @RateLimited('message')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Emails a new 6-digit code for a login in progress; the earlier code stops working. Limited (429).',
  })
  async resend(@Body() body: ResendCodeRequest, @Req() req: PortalRequest): Promise<{ sent: true }> {
    await this.commands.execute(new ResendCodeCommand(body.loginToken, contextOf(req)));
    return { sent: true };
  }
}

import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { RequestActivationCodeCommand } from './request-activation-code.command';
import { RequestActivationCodeRequest } from './request-activation-code.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/activation-codes')
export class RequestActivationCodeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RateLimited('message')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask for an activation code by mail: it goes to the home address on the roster and arrives within 5 business days. ' +
      '422 ROSTER_MISMATCH (no field named) when the details do not match the roster.',
  })
  async request(
    @Body() body: RequestActivationCodeRequest,
    @Req() req: PortalRequest,
  ): Promise<{ accepted: true }> {
    await this.commands.execute(new RequestActivationCodeCommand(body, contextOf(req)));
    return { accepted: true };
  }
}

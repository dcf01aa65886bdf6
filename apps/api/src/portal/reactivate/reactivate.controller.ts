import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { ReactivateCommand } from './reactivate.command';
import { ReactivateRequest } from './reactivate.request';

@ApiTags('portal')
@Controller('v1/reactivations')
export class ReactivateController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Undoes a deactivation by wrong security answers with the token of the emailed link (once, within its lifetime). ' +
      '422 REACTIVATION_INVALID or REACTIVATION_EXPIRED; 409 REACTIVATION_NOT_POSSIBLE when the username, email or member id was registered again since.',
  })
  async reactivate(
    @Body() body: ReactivateRequest,
    @Req() req: PortalRequest,
  ): Promise<{ reactivated: true }> {
    await this.commands.execute(new ReactivateCommand(body.token, contextOf(req)));
    return { reactivated: true };
  }
}

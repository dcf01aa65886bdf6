import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { RegisterProducerCommand } from './register-producer.command';
import { RegisterProducerRequest } from './register-producer.request';

@ApiTags('portal')
@Controller('v1/registrations')
export class RegisterProducerController {
  constructor(private readonly commands: CommandBus) {}

  @Post('producer')
  @RateLimited('credential')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register a producer (agent or agency) for the Producer Portal: no roster match; the agency or producer id is kept sealed. Field errors come back all at once. An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN.',
  })
  async register(
    @Body() body: RegisterProducerRequest,
    @Req() req: PortalRequest,
  ): Promise<{ registered: true }> {
    await this.commands.execute(new RegisterProducerCommand(body, contextOf(req)));
    return { registered: true };
  }
}

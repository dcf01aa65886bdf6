import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { RegisterWithCodeCommand } from './register-with-code.command';
import { RegisterWithCodeRequest } from './register-with-code.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/registrations')
export class RegisterWithCodeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('activation-code')
  @RateLimited('credential')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register with the activation code from the letter: choose a username, password and security question. An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN.',
  })
  async register(
    @Body() body: RegisterWithCodeRequest,
    @Req() req: PortalRequest,
  ): Promise<{ registered: true }> {
    await this.commands.execute(new RegisterWithCodeCommand(body, contextOf(req)));
    return { registered: true };
  }
}

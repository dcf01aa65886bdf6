import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { RegisterNonmemberCommand } from './register-nonmember.command';
import { RegisterNonmemberRequest } from '../shared/registration.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/registrations')
export class RegisterNonmemberController {
  constructor(private readonly commands: CommandBus) {}

  @Post('nonmember')
  @RateLimited('credential')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register a nonmember patient account (no roster data). Field errors come back all at once. An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN.',
  })
  async register(
    @Body() body: RegisterNonmemberRequest,
    @Req() req: PortalRequest,
  ): Promise<{ registered: true }> {
    await this.commands.execute(new RegisterNonmemberCommand(body, contextOf(req)));
    return { registered: true };
  }
}

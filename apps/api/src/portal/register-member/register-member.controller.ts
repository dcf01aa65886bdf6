import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { RegisterMemberCommand } from './register-member.command';
import { RegisterMemberRequest } from './register-member.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/registrations')
export class RegisterMemberController {
  constructor(private readonly commands: CommandBus) {}

  @Post('member')
  @RateLimited('credential')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register a member: name, date of birth and member id must match the roster (422 ROSTER_MISMATCH, naming no field, when they do not). An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN.',
  })
  async registerMember(
    @Body() body: RegisterMemberRequest,
    @Req() req: PortalRequest,
  ): Promise<{ registered: true }> {
    await this.commands.execute(new RegisterMemberCommand(body, contextOf(req)));
    return { registered: true };
  }
}

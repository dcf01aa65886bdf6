import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { CreateUsernameCommand } from './create-username.command';
import { CreateUsernameRequest } from './create-username.request';

@ApiTags('portal')
@Controller('v1/login')
export class CreateUsernameController {
  constructor(private readonly commands: CommandBus) {}

  @Post('create-username')
  @RateLimited('credential')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Seed 004, existing users: an account from before usernames (its log on answered 403 USERNAME_REQUIRED) ' +
      'proves itself with its member id and password again, and creates its username and email. ' +
      'It then logs on with the new username, password and 2-step verification. A wrong member id or password ' +
      'answers 401 INVALID_CREDENTIALS and counts as a failed log on; a username another account has, ' +
      '409 USERNAME_TAKEN. An email another account has is answered as registration answers it (201, the ' +
      "same body), records nothing, and emails that account's owner that they already have an account.",
  })
  create(@Body() body: CreateUsernameRequest, @Req() req: PortalRequest): Promise<{ username: string }> {
    return this.commands.execute(
      new CreateUsernameCommand(body.memberId, body.password, body.username, body.email, contextOf(req)),
    );
  }
}

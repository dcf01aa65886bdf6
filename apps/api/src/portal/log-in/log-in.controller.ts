import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { LogInCommand, type LogInResult } from './log-in.command';
import { LogInRequest } from './log-in.request';
import { RateLimited } from '../shared/rate-limit.guard';

@ApiTags('portal')
@Controller('v1/login')
export class LogInController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Step 1 of log on: username and password. Starts 2-step verification (a 6-digit code is emailed unless an authenticator app is set up). ' +
      'Unknown, locked and wrong-password answers are the same 401 INVALID_CREDENTIALS. ' +
      'An account from before usernames logs in with its member id as `username`: the right password then answers ' +
      '403 USERNAME_REQUIRED, and the account creates one at POST /v1/login/create-username (seed 004). ' +
      'Where AUTHENTICATOR_REQUIRED is on, an account without an authenticator app gets the emailed code, then enrols an app (see verify-code).',
  })
  logIn(@Body() body: LogInRequest, @Req() req: PortalRequest): Promise<LogInResult> {
    return this.commands.execute(new LogInCommand(body.username, body.password, contextOf(req)));
  }
}

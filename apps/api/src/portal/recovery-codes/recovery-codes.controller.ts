import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import type { SessionGranted } from '../shared/session-grant';
import { SignedIn, type SignedInRequest } from '../shared/session.guard';
import {
  IssueRecoveryCodesCommand,
  type RecoveryCodesIssued,
  UseRecoveryCodeCommand,
} from './recovery-codes.commands';
import { UseRecoveryCodeRequest } from './recovery-codes.request';

@ApiTags('portal')
@SignedIn()
@Controller('v1/me/recovery-codes')
export class RecoveryCodesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ten one-time recovery codes for a lost authenticator app. Shown only now; earlier codes stop working.',
  })
  issue(@Req() req: SignedInRequest & PortalRequest): Promise<RecoveryCodesIssued> {
    const accountId = req.session!.accountId;
    return this.commands.execute(new IssueRecoveryCodesCommand(accountId, contextOf(req, accountId)));
  }
}

@ApiTags('portal')
@Controller('v1/login')
export class UseRecoveryCodeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('verify-recovery-code')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Step 2 of log on with a recovery code instead of the app. Each code works once.',
  })
  use(@Body() body: UseRecoveryCodeRequest, @Req() req: PortalRequest): Promise<SessionGranted> {
    return this.commands.execute(new UseRecoveryCodeCommand(body.loginToken, body.code, contextOf(req)));
  }
}

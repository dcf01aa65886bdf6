import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RecordsAccess, staffContextOf, StaffOnly, type StaffRequest, theAccount } from '../../staff';
import {
  DeactivateAccountCommand,
  IssueTemporaryPasswordCommand,
  SendUsernameReminderCommand,
  UnlockAccountCommand,
} from './support-actions.commands';

/** An action on an existing account is recorded as done; on an account that does not exist, as not found. */
const ACTION = RecordsAccess({
  answered: (_answer, req) => ({ ...theAccount(req), outcome: 'done' }),
  notFound: theAccount,
});

export class DeactivateRequest {
  @ApiProperty({
    enum: ['owner', 'support'],
    description:
      '`owner`: the member asked for it; `support`: support decided it (misuse, a duplicate account).',
    example: 'owner',
  })
  @IsIn(['owner', 'support'], { message: 'reason must be owner (the member asked) or support' })
  reason!: 'owner' | 'support';
}

/**
 * What support does to an account: unlock it, send the member a temporary
 * password (which staff never see: it is sealed into the event and mailed by the
 * worker), send the username again, or deactivate it. Each is a command on the account's stream
 * with the staff member as actor, and a recorded access with the reason given.
 */
@ApiTags('support')
@StaffOnly('support', 'admin')
@Controller('v1/support/accounts/:accountId')
export class SupportActionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('unlock')
  @HttpCode(200)
  @ACTION
  @ApiOperation({ summary: 'Unlock a locked account (409 NOT_LOCKED when it is not locked)' })
  async unlock(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() req: StaffRequest) {
    await this.commands.execute(new UnlockAccountCommand(accountId, staffContextOf(req)));
    return { unlocked: true };
  }

  @Post('temporary-password')
  @HttpCode(202)
  @ACTION
  @ApiOperation({
    summary:
      'Email the member a temporary password, to be changed at the next login. Staff never see it; every session of the account ends.',
  })
  async temporaryPassword(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Req() req: StaffRequest,
  ) {
    await this.commands.execute(
      new IssueTemporaryPasswordCommand(accountId, req.staff!.staffId, staffContextOf(req)),
    );
    return { sent: true };
  }

  @Post('username-reminder')
  @HttpCode(202)
  @ACTION
  @ApiOperation({
    summary: 'Email the member their username again (only an active account with a username gets one)',
  })
  usernameReminder(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() req: StaffRequest) {
    return this.commands.execute(new SendUsernameReminderCommand(accountId, staffContextOf(req)));
  }

  @Post('deactivate')
  @HttpCode(200)
  @ACTION
  @ApiOperation({
    summary:
      'Deactivate the account with a reason: its sessions end, its username, email and member id are freed, and the member is emailed. `deactivated` is false when it was not active.',
  })
  deactivate(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Body() body: DeactivateRequest,
    @Req() req: StaffRequest,
  ): Promise<{ deactivated: boolean }> {
    return this.commands.execute(new DeactivateAccountCommand(accountId, body.reason, staffContextOf(req)));
  }
}

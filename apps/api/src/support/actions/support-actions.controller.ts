import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordsAccess, staffContextOf, StaffOnly, type StaffRequest, theAccount } from '../../staff';
import {
  IssueTemporaryPasswordCommand,
  SendUsernameReminderCommand,
  UnlockAccountCommand,
} from './support-actions.commands';

/** An action on an existing account is recorded as done; on an account that does not exist, as not found. */
const ACTION = RecordsAccess({
  answered: (_answer, req) => ({ ...theAccount(req), outcome: 'done' }),
  notFound: theAccount,
});

/**
 * What support does to an account: unlock it, send the member a temporary
 * password (which staff never see: it is sealed into the event and mailed by the
 * worker), or send the username again. Each is a command on the account's stream
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
}

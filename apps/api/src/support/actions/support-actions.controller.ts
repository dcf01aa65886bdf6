import { Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { temporaryPassword } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import {
  ACCESS_REASON_HEADER,
  AccessLog,
  reasonOf,
  staffAccessOf,
  staffContextOf,
  StaffOnly,
  type StaffRequest,
} from '../../staff';
import { AccountNotFoundError } from '../account/account.controller';

/**
 * What support does to an account: unlock it, send the member a temporary
 * password (which staff never see: it is sealed into the event and mailed by the
 * worker), or send the username again. Each is a command on the account's stream
 * with the staff member as actor, and a recorded access with the reason given.
 */
@ApiTags('support')
@ApiHeader({ name: ACCESS_REASON_HEADER, required: true, description: 'Why (recorded).' })
@StaffOnly('support', 'admin')
@Controller('v1/support/accounts/:accountId')
export class SupportActionsController {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    private readonly accessLog: AccessLog,
  ) {}

  @Post('unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unlock a locked account (409 NOT_LOCKED when it is not locked)' })
  async unlock(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() req: StaffRequest) {
    const ctx = await this.begin(accountId, req);
    await this.accounts.run(accountId, { type: 'Unlock', now: ctx.occurredAt.getTime() }, ctx);
    await this.done(accountId, req, ctx);
    return { unlocked: true };
  }

  @Post('temporary-password')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Email the member a temporary password, to be changed at the next login. Staff never see it; every session of the account ends.',
  })
  async temporaryPassword(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Req() req: StaffRequest,
  ) {
    const ctx = await this.begin(accountId, req);
    const password = temporaryPassword();
    const [passwordHash, passwordSealed] = await Promise.all([
      this.accounts.hashPassword(password),
      this.accounts.seal(accountId, password),
    ]);
    await this.accounts.run(
      accountId,
      {
        type: 'IssueTemporaryPassword',
        staffId: req.staff!.staffId,
        passwordHash,
        passwordSealed,
        now: ctx.occurredAt.getTime(),
      },
      ctx,
    );
    await this.done(accountId, req, ctx);
    return { sent: true };
  }

  @Post('username-reminder')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Email the member their username again (only an active account with a username gets one)',
  })
  async usernameReminder(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Req() req: StaffRequest,
  ) {
    const ctx = await this.begin(accountId, req);
    const { events } = await this.accounts.run(
      accountId,
      { type: 'SendUsernameReminder', now: ctx.occurredAt.getTime() },
      ctx,
    );
    await this.done(accountId, req, ctx);
    return { sent: events.length > 0 };
  }

  /** The reason first (400 before anything happens), and an account that exists. */
  private async begin(accountId: string, req: StaffRequest): Promise<CommandContext> {
    reasonOf(req);
    const ctx = staffContextOf(req);
    const state = await this.accounts.state(accountId);
    if (state.status === 'new') {
      await this.accessLog.recordAccess(ctx, staffAccessOf(req, { accountId, outcome: 'not-found' }));
      throw new AccountNotFoundError();
    }
    return ctx;
  }

  private done(accountId: string, req: StaffRequest, ctx: CommandContext): Promise<void> {
    return this.accessLog.recordAccess(ctx, staffAccessOf(req, { accountId, outcome: 'done' }));
  }
}

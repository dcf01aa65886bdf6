/**
 * Support removes a passkey (a lost or stolen phone) with a reason, which is sealed into the
 * event with the account's key and shown in the history; the access is recorded as every
 * support action is. The account page lists the passkeys (count, added, last used).
 */
import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { AccountErrors } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { RecordsAccess, staffContextOf, StaffOnly, type StaffRequest, theAccount } from '../../staff';

export class SupportRemovePasskeyRequest {
  @ApiProperty({
    description: 'Why (kept, sealed, in the account’s history)',
    example: 'Lost phone, ticket 4711',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class SupportRemovePasskeyCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly passkeyId: string,
    readonly staffId: string,
    readonly reason: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SupportRemovePasskeyCommand)
export class SupportRemovePasskeyHandler implements ICommandHandler<SupportRemovePasskeyCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, passkeyId, staffId, reason, ctx }: SupportRemovePasskeyCommand): Promise<void> {
    if ((await this.accounts.state(accountId)).status === 'new') throw AccountErrors.accountNotFound();
    await this.accounts.run(
      accountId,
      {
        type: 'RemovePasskey',
        passkeyId,
        by: 'support',
        staffId,
        reason: reason.trim(),
        now: ctx.occurredAt.getTime(),
      },
      ctx,
    );
  }
}

@ApiTags('support')
@StaffOnly('support', 'admin')
@Controller('v1/support/accounts/:accountId/passkeys')
export class SupportPasskeysController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':passkeyId/remove')
  @HttpCode(200)
  @RecordsAccess({
    answered: (_answer, req) => ({ ...theAccount(req), outcome: 'done' }),
    notFound: theAccount,
  })
  @ApiOperation({
    summary: 'Remove a passkey of the account (a lost phone), with a reason kept in its history',
  })
  async remove(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Param('passkeyId', new ParseUUIDPipe()) passkeyId: string,
    @Body() body: SupportRemovePasskeyRequest,
    @Req() req: StaffRequest,
  ) {
    await this.commands.execute(
      new SupportRemovePasskeyCommand(
        accountId,
        passkeyId,
        req.staff!.staffId,
        body.reason,
        staffContextOf(req),
      ),
    );
    return { removed: true };
  }
}

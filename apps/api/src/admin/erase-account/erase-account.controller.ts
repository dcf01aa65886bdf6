import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordsAccess, staffContextOf, StaffOnly, type StaffRequest, theAccount } from '../../staff';
import { EraseAccountCommand } from './erase-account.command';

/**
 * Erasure of a person's data on request (crypto-shredding): the account's data key
 * is deleted, so every personal value in its events reads as erased, while the
 * events and their hash chain stay for auditors. Irreversible, so admins only, with
 * the reason (the request or ticket that asks for the erasure) recorded like every staff access.
 */
@ApiTags('admin')
@StaffOnly('admin')
@Controller('v1/admin/accounts/:accountId')
export class EraseAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Post('erase')
  @HttpCode(200)
  @RecordsAccess({
    answered: (_answer, req) => ({ ...theAccount(req), outcome: 'done' }),
    notFound: theAccount,
  })
  @ApiOperation({
    summary:
      "Erase the account's personal data for good: its sessions end, its username, email and member id are freed (the person may register again), every later command on it is refused, and its history shows the data as erased. Safe to repeat: a retry finishes what a failure left undone.",
  })
  async erase(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() req: StaffRequest) {
    await this.commands.execute(new EraseAccountCommand(accountId, staffContextOf(req)));
    return { erased: true };
  }
}

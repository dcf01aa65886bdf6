import { Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Accounts } from '@portal/accounts';
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
import { AccountErrors } from '@portal/domain';

/**
 * Erasure of a person's data on request (crypto-shredding): the account's data key
 * is deleted, so every personal value in its events reads as erased, while the
 * events and their hash chain stay for auditors. Irreversible, so admins only, with
 * the reason (the request or ticket) recorded like every staff access.
 */
@ApiTags('admin')
@ApiHeader({
  name: ACCESS_REASON_HEADER,
  required: true,
  description: 'Why (recorded): the request or ticket that asks for the erasure.',
})
@StaffOnly('admin')
@Controller('v1/admin/accounts/:accountId')
export class EraseAccountController {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    private readonly accessLog: AccessLog,
  ) {}

  @Post('erase')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Erase the account's personal data for good: its sessions end, its username, email and member id are freed (the person may register again), every later command on it is refused, and its history shows the data as erased. Safe to repeat: a retry finishes what a failure left undone.",
  })
  async erase(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Req() req: StaffRequest) {
    reasonOf(req);
    const ctx = staffContextOf(req);
    if (!(await this.accounts.erase(accountId, ctx))) {
      await this.accessLog.recordAccess(ctx, staffAccessOf(req, { accountId, outcome: 'not-found' }));
      throw AccountErrors.accountNotFound();
    }
    await this.accessLog.recordAccess(ctx, staffAccessOf(req, { accountId, outcome: 'done' }));
    return { erased: true };
  }
}

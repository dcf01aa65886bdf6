import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountErrors } from '@portal/domain';
import type { AccountDetail, HistoryEntry, Page } from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import {
  ACCESS_REASON_HEADER,
  AccessLog,
  reasonOf,
  staffAccessOf,
  staffContextOf,
  StaffOnly,
  type StaffRequest,
} from '../../staff';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { officeBlockOf, officeReadModelOf } from '../../offices/support-office/office-read-model';
import { HistoryRequest } from './history.request';

/** Support's account page and timeline, from the read models. Every read is recorded before it is answered. */
@ApiTags('support')
@ApiHeader({ name: ACCESS_REASON_HEADER, required: true, description: 'Why the account is read (recorded).' })
@Controller('v1/support/accounts/:accountId')
export class AccountController {
  private readonly offices;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    private readonly accessLog: AccessLog,
    @Inject(ACCOUNTS) accounts: Accounts,
  ) {
    this.offices = officeReadModelOf(readModels, accounts);
  }

  @Get()
  @StaffOnly('support', 'admin')
  @ApiOperation({
    summary:
      'The account: registered or not, status, locked until, deactivated and why, activation letter mailed on and expected by, authenticator, last login; for provider office staff, the office, the account’s functions and its grants over time',
  })
  async detail(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Req() req: StaffRequest,
  ): Promise<AccountDetail & { office?: Awaited<ReturnType<typeof officeBlockOf>> }> {
    reasonOf(req);
    const [detail, office] = await Promise.all([
      this.readModels.queries.account(accountId, { reveal: true }),
      officeBlockOf(this.offices, accountId),
    ]);
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, { accountId, outcome: detail ? 'shown' : 'not-found' }),
    );
    if (!detail) throw AccountErrors.accountNotFound();
    return office ? { ...detail, office } : detail;
  }

  @Get('history')
  @StaffOnly('support', 'auditor', 'admin')
  @ApiOperation({
    summary: 'The account’s history: each event in plain words, with who, when and from which IP',
  })
  async history(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Query() q: HistoryRequest,
    @Req() req: StaffRequest,
  ): Promise<Page<HistoryEntry>> {
    reasonOf(req);
    const page = await this.readModels.queries.history(accountId, {
      limit: q.limit ?? 50,
      after: q.after,
      reveal: true,
    });
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, { accountId, outcome: page.items.length ? 'shown' : 'not-found' }),
    );
    if (page.items.length === 0 && !q.after) throw AccountErrors.accountNotFound();
    return page;
  }
}

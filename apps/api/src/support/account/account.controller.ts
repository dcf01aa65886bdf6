import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountErrors } from '@portal/domain';
import type { HistoryEntry, Page } from '@portal/read-models';
import { HistoryRequest, RecordsAccess, StaffOnly, theAccount } from '../../staff';
import { AccountHistoryQuery, type AccountPage, AccountPageQuery } from './account.queries';

/** Support's account page and timeline, from the read models. Every read is recorded before it is answered. */
@ApiTags('support')
@Controller('v1/support/accounts/:accountId')
export class AccountController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffOnly('support', 'admin')
  @RecordsAccess({
    answered: (_page, req) => ({ ...theAccount(req), outcome: 'shown' }),
    notFound: theAccount,
  })
  @ApiOperation({
    summary:
      'The account: registered or not, status, locked until, deactivated and why, activation letter mailed on and expected by, authenticator, last login; for provider office staff, the office, the account’s functions and its grants over time',
  })
  async detail(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<AccountPage> {
    const page = await this.queries.execute(new AccountPageQuery(accountId));
    if (!page) throw AccountErrors.accountNotFound();
    return page;
  }

  @Get('history')
  @StaffOnly('support', 'auditor', 'admin')
  @RecordsAccess<Page<HistoryEntry>>({
    answered: (page, req) => ({ ...theAccount(req), outcome: page.items.length ? 'shown' : 'not-found' }),
    notFound: theAccount,
  })
  @ApiOperation({
    summary: 'The account’s history: each event in plain words, with who, when and from which IP',
  })
  async history(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Query() q: HistoryRequest,
  ): Promise<Page<HistoryEntry>> {
    const page = await this.queries.execute(
      new AccountHistoryQuery(accountId, { limit: q.limit ?? 50, after: q.after }),
    );
    if (page.items.length === 0 && !q.after) throw AccountErrors.accountNotFound();
    return page;
  }
}

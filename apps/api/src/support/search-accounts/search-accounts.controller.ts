import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Page, type AccountSummary, InvalidSearchError, type SearchQuery } from '@portal/read-models';
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
import { SearchAccountsRequest } from './search-accounts.request';

/**
 * Support search over the read model. Values searched for are turned into keyed
 * hashes before they reach the store, and never recorded: the access record lists
 * the accounts returned.
 */
@ApiTags('support')
@Controller('v1/support/accounts')
export class SearchAccountsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @StaffOnly('support', 'admin')
  @ApiHeader({
    name: ACCESS_REASON_HEADER,
    required: true,
    description: 'Why the account is looked up (recorded).',
  })
  @ApiOperation({
    summary:
      'Search accounts by username, email, member id, phone, last name + date of birth, or last-name prefix (one at a time), paginated',
  })
  async search(@Query() q: SearchAccountsRequest, @Req() req: StaffRequest): Promise<Page<AccountSummary>> {
    reasonOf(req);
    const page = await this.readModels.queries.search(queryOf(q), {
      limit: q.limit ?? 20,
      after: q.after,
      reveal: true,
    });
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, {
        accountIds: page.items.map((i) => i.accountId),
        outcome: page.items.length ? 'shown' : 'not-found',
      }),
    );
    return page;
  }
}

function queryOf(q: SearchAccountsRequest): SearchQuery {
  const given: SearchQuery[] = [];
  const fields: Record<string, string> = {};
  if (q.username !== undefined) given.push({ username: q.username });
  if (q.email !== undefined) given.push({ email: q.email });
  if (q.memberId !== undefined) given.push({ memberId: q.memberId });
  if (q.phone !== undefined) given.push({ phone: q.phone });
  if (q.lastNamePrefix !== undefined) given.push({ lastNamePrefix: q.lastNamePrefix });
  if (q.lastName !== undefined || q.dateOfBirth !== undefined) {
    if (q.lastName === undefined) fields.lastName = 'lastName is needed with dateOfBirth';
    if (q.dateOfBirth === undefined) fields.dateOfBirth = 'dateOfBirth is needed with lastName';
    if (q.lastName !== undefined && q.dateOfBirth !== undefined)
      given.push({ lastName: q.lastName, dateOfBirth: q.dateOfBirth });
  }
  if (Object.keys(fields).length) throw new InvalidSearchError(fields);
  if (given.length === 0)
    throw new InvalidSearchError({
      query: 'Give one of username, email, memberId, phone, lastName with dateOfBirth, or lastNamePrefix',
    });
  if (given.length > 1) throw new InvalidSearchError({ query: 'Search by one thing at a time' });
  return given[0];
}

import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccountSummary, InvalidSearchError, type Page, type SearchQuery } from '@portal/read-models';
import { listed, RecordsAccess, StaffOnly } from '../../staff';
import { SearchAccountsQuery } from './search-accounts.query';
import { SearchAccountsRequest } from './search-accounts.request';

/**
 * Support search over the read model. Values searched for are never recorded: the
 * access record lists the accounts returned.
 */
@ApiTags('support')
@Controller('v1/support/accounts')
export class SearchAccountsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffOnly('support', 'admin')
  @RecordsAccess<Page<AccountSummary>>({ answered: (page) => listed(page.items.map((i) => i.accountId)) })
  @ApiOperation({
    summary:
      'Search accounts by username, email, member id, phone, last name + date of birth, or last-name prefix (one at a time), paginated',
  })
  search(@Query() q: SearchAccountsRequest): Promise<Page<AccountSummary>> {
    return this.queries.execute(
      new SearchAccountsQuery(queryOf(q), { limit: q.limit ?? 20, after: q.after }),
    );
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

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DomainError } from '@portal/domain';
import type { HistoryEntry, OfficeSummary, OfficeView, Page } from '@portal/read-models';
import { Accessed, HistoryRequest, listed, PageRequest, RecordsAccess, StaffOnly } from '../../staff';
import { OfficeHistoryQuery, OfficesByStatusQuery, SupportOfficeQuery } from './support-office.queries';

export class OfficeNotFoundError extends DomainError<'OFFICE_NOT_FOUND'> {
  constructor() {
    super('OFFICE_NOT_FOUND', 'No office with this id.');
  }
}

/** A read of an office is a read of its users' accounts; of no office, of none. */
const OFFICE_READ = RecordsAccess<OfficeView>({
  answered: (office) => ({ accountIds: office.users.map((u) => u.accountId), outcome: 'shown' }),
  notFound: () => ({ accountIds: [] }),
});

/**
 * Support's view of a provider office, from the read models: the office, its
 * users and their current functions, the grants over time with the
 * administrator who made each, and the office's history in plain words. Every
 * read is recorded (the office's users as the accounts read) before it is answered.
 */
@ApiTags('support')
@Controller('v1/support/offices/:officeId')
export class SupportOfficeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffOnly('support', 'admin')
  @OFFICE_READ
  @ApiOperation({
    summary:
      'The office: name, NPI, tax id, status, approval, users with their functions, grants and password resets over time with who made them',
  })
  async office(@Param('officeId', new ParseUUIDPipe()) officeId: string): Promise<OfficeView> {
    const office = await this.queries.execute(new SupportOfficeQuery(officeId));
    if (!office) throw new OfficeNotFoundError();
    return office;
  }

  @Get('history')
  @StaffOnly('support', 'auditor', 'admin')
  @OFFICE_READ
  @ApiOperation({
    summary:
      'The office’s history: each event in plain words, with the administrator or staff member who acted',
  })
  async history(
    @Param('officeId', new ParseUUIDPipe()) officeId: string,
    @Query() q: HistoryRequest,
  ): Promise<Accessed<Page<HistoryEntry>>> {
    const { users, page } = await this.queries.execute(
      new OfficeHistoryQuery(officeId, { limit: q.limit ?? 50, after: q.after }),
    );
    if (!users) throw new OfficeNotFoundError();
    return new Accessed(page, { accountIds: users, outcome: 'shown' });
  }
}

export class OfficesRequest extends PageRequest {
  @ApiPropertyOptional({
    enum: ['pending', 'active'],
    example: 'pending',
    description: '`pending` (the default): registered, its first ID administrator not yet approved.',
  })
  @IsOptional()
  @IsIn(['pending', 'active'])
  status?: OfficeSummary['status'];
}

/**
 * The offices in one status, for plan staff: those pending approval first of all (seed 004:
 * "provider offices pending approval → approve"). The roles are the approval's. A page is
 * recorded as a read of the offices' first ID administrators' accounts (the one user a
 * pending office has), `not-found` when it is empty.
 */
@ApiTags('support')
@Controller('v1/support/offices')
export class SupportOfficesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffOnly('support', 'admin')
  @RecordsAccess<Page<OfficeSummary>>({
    answered: (page) => listed(page.items.map((o) => o.firstAdministrator)),
  })
  @ApiOperation({
    summary:
      'Provider offices by status (`pending` approval by default, or `active`), ordered by office id, paginated; no tax id',
  })
  list(@Query() q: OfficesRequest): Promise<Page<OfficeSummary>> {
    return this.queries.execute(
      new OfficesByStatusQuery(q.status ?? 'pending', { limit: q.limit ?? 50, after: q.after }),
    );
  }
}

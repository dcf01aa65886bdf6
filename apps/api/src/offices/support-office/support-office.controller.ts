import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Accounts } from '@portal/accounts';
import { DomainError } from '@portal/domain';
import type { HistoryEntry, OfficeReadModel, OfficeView, Page } from '@portal/read-models';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import {
  AccessLog,
  ApiAccessReason,
  reasonOf,
  staffAccessOf,
  staffContextOf,
  StaffOnly,
  type StaffRequest,
} from '../../staff';
import { HistoryRequest } from '../../support/account/history.request';
import { officeReadModelOf } from './office-read-model';

export class OfficeNotFoundError extends DomainError<'OFFICE_NOT_FOUND'> {
  constructor() {
    super('OFFICE_NOT_FOUND', 'No office with this id.');
  }
}

/**
 * Support's view of a provider office, from the read models: the office, its
 * users and their current functions, the grants over time with the
 * administrator who made each, and the office's history in plain words. Every
 * read is recorded (the office's users as the accounts read) before it is answered.
 */
@ApiTags('support')
@ApiAccessReason()
@Controller('v1/support/offices/:officeId')
export class SupportOfficeController {
  private readonly model: OfficeReadModel;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    @Inject(ACCOUNTS) accounts: Accounts,
    private readonly accessLog: AccessLog,
  ) {
    this.model = officeReadModelOf(readModels, accounts);
  }

  @Get()
  @StaffOnly('support', 'admin')
  @ApiOperation({
    summary:
      'The office: name, NPI, tax id, status, approval, users with their functions, grants and password resets over time with who made them',
  })
  async office(
    @Param('officeId', new ParseUUIDPipe()) officeId: string,
    @Req() req: StaffRequest,
  ): Promise<OfficeView> {
    reasonOf(req);
    const office = await this.model.office(officeId, { reveal: true });
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, {
        accountIds: office?.users.map((u) => u.accountId) ?? [],
        outcome: office ? 'shown' : 'not-found',
      }),
    );
    if (!office) throw new OfficeNotFoundError();
    return office;
  }

  @Get('history')
  @StaffOnly('support', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'The office’s history: each event in plain words, with the administrator or staff member who acted',
  })
  async history(
    @Param('officeId', new ParseUUIDPipe()) officeId: string,
    @Query() q: HistoryRequest,
    @Req() req: StaffRequest,
  ): Promise<Page<HistoryEntry>> {
    reasonOf(req);
    const [office, page] = await Promise.all([
      this.model.office(officeId, { reveal: false }),
      this.readModels.queries.officeHistory(officeId, {
        limit: q.limit ?? 50,
        after: q.after,
        reveal: false,
      }),
    ]);
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, {
        accountIds: office?.users.map((u) => u.accountId) ?? [],
        outcome: office ? 'shown' : 'not-found',
      }),
    );
    if (!office) throw new OfficeNotFoundError();
    return page;
  }
}

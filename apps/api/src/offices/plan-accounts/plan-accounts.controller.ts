import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Offices } from '@portal/offices';
import {
  AccessLog,
  ApiAccessReason,
  reasonOf,
  staffAccessOf,
  staffContextOf,
  StaffOnly,
  type StaffRequest,
} from '../../staff';
import { CreatePlanAccountRequest } from './plan-accounts.request';

/**
 * Employer and payer accounts, created by plan staff (support or admin) with the
 * reason recorded. The person gets a temporary password by email (staff never
 * see it) and must change it at first login.
 */
@ApiTags('offices')
@StaffOnly('support', 'admin')
@Controller('v1/plan-accounts')
export class PlanAccountsController {
  constructor(
    private readonly offices: Offices,
    private readonly accessLog: AccessLog,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAccessReason()
  @ApiOperation({
    summary: 'Create an employer or payer account; a temporary password is emailed to the contact',
  })
  async create(
    @Body() body: CreatePlanAccountRequest,
    @Req() req: StaffRequest,
  ): Promise<{ accountId: string }> {
    reasonOf(req);
    const ctx = staffContextOf(req);
    const { accountId } = await this.offices.createPlanAccount(
      req.staff!.staffId,
      { firstName: body.firstName, lastName: body.lastName, email: body.email, username: body.username },
      { kind: body.kind, id: body.organisationId.trim(), name: body.organisationName.trim() },
      ctx,
    );
    await this.accessLog.recordAccess(ctx, staffAccessOf(req, { accountId, outcome: 'done' }));
    return { accountId };
  }
}

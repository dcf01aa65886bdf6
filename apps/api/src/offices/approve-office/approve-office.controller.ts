import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
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

/** Seed 004: a new office's first ID administrator is approved by the plan's staff; recorded with the reason given. */
@ApiTags('offices')
@StaffOnly('support', 'admin')
@Controller('v1/offices/:officeId')
export class ApproveOfficeController {
  constructor(
    private readonly offices: Offices,
    private readonly accessLog: AccessLog,
  ) {}

  @Post('approve')
  @HttpCode(200)
  @ApiAccessReason()
  @ApiOperation({
    summary:
      'Approve a pending office’s first ID administrator: the office becomes active and the administrator may use every function (404 OFFICE_NOT_FOUND, 409 OFFICE_ALREADY_APPROVED)',
  })
  async approve(@Param('officeId', new ParseUUIDPipe()) officeId: string, @Req() req: StaffRequest) {
    reasonOf(req);
    const ctx = staffContextOf(req);
    const state = await this.offices.state(officeId);
    // A refusal (no such office, already approved) changed and showed nothing, so only the approval is recorded.
    await this.offices.run(
      officeId,
      { type: 'ApproveOfficeAdministrator', staffId: req.staff!.staffId },
      ctx,
    );
    await this.accessLog.recordAccess(
      ctx,
      staffAccessOf(req, { accountId: state.firstAdministrator!, outcome: 'done' }),
    );
    return { officeId, status: 'active', administratorId: state.firstAdministrator };
  }
}

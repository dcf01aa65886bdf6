import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordsAccess, staffContextOf, StaffOnly, type StaffRequest } from '../../staff';
import { ApproveOfficeCommand } from './approve-office.command';

/** Seed 004: a new office's first ID administrator is approved by the plan's staff; recorded with the reason given. */
@ApiTags('offices')
@StaffOnly('support', 'admin')
@Controller('v1/offices/:officeId')
export class ApproveOfficeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('approve')
  @HttpCode(200)
  // A refusal (no such office, already approved) changed and showed nothing, so only the approval is recorded.
  @RecordsAccess<{ administratorId: string }>({
    answered: ({ administratorId }) => ({ accountId: administratorId, outcome: 'done' }),
  })
  @ApiOperation({
    summary:
      'Approve a pending office’s first ID administrator: the office becomes active and the administrator may use every function (404 OFFICE_NOT_FOUND, 409 OFFICE_ALREADY_APPROVED)',
  })
  async approve(@Param('officeId', new ParseUUIDPipe()) officeId: string, @Req() req: StaffRequest) {
    const { administratorId } = await this.commands.execute(
      new ApproveOfficeCommand(officeId, req.staff!.staffId, staffContextOf(req)),
    );
    return { officeId, status: 'active', administratorId };
  }
}

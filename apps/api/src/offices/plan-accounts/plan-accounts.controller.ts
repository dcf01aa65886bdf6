import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordsAccess, staffContextOf, StaffOnly, type StaffRequest } from '../../staff';
import { CreatePlanAccountCommand } from './plan-accounts.command';
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
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RecordsAccess<{ accountId: string }>({ answered: ({ accountId }) => ({ accountId, outcome: 'done' }) })
  @ApiOperation({
    summary: 'Create an employer or payer account; a temporary password is emailed to the contact',
  })
  create(@Body() body: CreatePlanAccountRequest, @Req() req: StaffRequest): Promise<{ accountId: string }> {
    return this.commands.execute(
      new CreatePlanAccountCommand(
        req.staff!.staffId,
        { firstName: body.firstName, lastName: body.lastName, email: body.email, username: body.username },
        { kind: body.kind, id: body.organisationId.trim(), name: body.organisationName.trim() },
        staffContextOf(req),
      ),
    );
  }
}

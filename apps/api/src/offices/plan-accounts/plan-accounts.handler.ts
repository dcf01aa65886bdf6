import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Offices } from '@portal/offices';
import { CreatePlanAccountCommand } from './plan-accounts.command';

@CommandHandler(CreatePlanAccountCommand)
export class CreatePlanAccountHandler implements ICommandHandler<CreatePlanAccountCommand> {
  constructor(private readonly offices: Offices) {}

  execute({ staffId, person, organisation, ctx }: CreatePlanAccountCommand): Promise<{ accountId: string }> {
    return this.offices.createPlanAccount(staffId, person, organisation, ctx);
  }
}

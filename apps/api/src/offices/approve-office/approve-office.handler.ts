import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Offices } from '@portal/offices';
import { ApproveOfficeCommand } from './approve-office.command';

/** Refused with 404 OFFICE_NOT_FOUND or 409 OFFICE_ALREADY_APPROVED, which change and show nothing. */
@CommandHandler(ApproveOfficeCommand)
export class ApproveOfficeHandler implements ICommandHandler<ApproveOfficeCommand> {
  constructor(private readonly offices: Offices) {}

  async execute({ officeId, staffId, ctx }: ApproveOfficeCommand): Promise<{ administratorId: string }> {
    const state = await this.offices.state(officeId);
    await this.offices.run(officeId, { type: 'ApproveOfficeAdministrator', staffId }, ctx);
    return { administratorId: state.firstAdministrator! };
  }
}

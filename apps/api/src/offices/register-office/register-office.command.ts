import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { RegisterOfficeRequest } from './register-office.request';

export class RegisterOfficeCommand extends Command<{ officeId: string }> {
  constructor(
    readonly request: RegisterOfficeRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

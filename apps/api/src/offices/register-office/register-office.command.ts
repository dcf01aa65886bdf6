import type { CommandContext } from '@portal/command';
import type { RegisterOfficeRequest } from './register-office.request';

export class RegisterOfficeCommand {
  constructor(
    readonly request: RegisterOfficeRequest,
    readonly ctx: CommandContext,
  ) {}
}

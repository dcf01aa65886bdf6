import type { CommandContext } from '@portal/command';
import type { RegisterWithCodeRequest } from './register-with-code.request';

export class RegisterWithCodeCommand {
  constructor(
    readonly request: RegisterWithCodeRequest,
    readonly ctx: CommandContext,
  ) {}
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { RegisterWithCodeRequest } from './register-with-code.request';

export class RegisterWithCodeCommand extends Command<void> {
  constructor(
    readonly request: RegisterWithCodeRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

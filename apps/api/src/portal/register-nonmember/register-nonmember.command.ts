import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { RegisterNonmemberRequest } from '../shared/registration.request';

export class RegisterNonmemberCommand extends Command<void> {
  constructor(
    readonly request: RegisterNonmemberRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

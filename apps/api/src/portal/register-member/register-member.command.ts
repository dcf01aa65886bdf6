import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { RegisterMemberRequest } from './register-member.request';

export class RegisterMemberCommand extends Command<void> {
  constructor(
    readonly request: RegisterMemberRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

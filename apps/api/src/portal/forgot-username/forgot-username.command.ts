import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

export class ForgotUsernameCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

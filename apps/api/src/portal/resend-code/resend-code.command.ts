import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

export class ResendCodeCommand extends Command<void> {
  constructor(
    readonly loginToken: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

/** The emailed link of a deactivation by wrong security answers (seed 004's rule, bounded). */
export class ReactivateCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

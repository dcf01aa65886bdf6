import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

/** Seed 004: the plan's staff approve a pending office's first ID administrator; the office becomes active. */
export class ApproveOfficeCommand extends Command<{ administratorId: string }> {
  constructor(
    readonly officeId: string,
    readonly staffId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

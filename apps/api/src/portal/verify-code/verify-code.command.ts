import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { SessionGranted } from '../shared/session-grant';

export class VerifyCodeCommand extends Command<SessionGranted> {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

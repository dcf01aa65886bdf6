import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

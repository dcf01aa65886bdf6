import type { CommandContext } from '@portal/command';

export class ChangePasswordCommand {
  constructor(
    readonly accountId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly ctx: CommandContext,
  ) {}
}

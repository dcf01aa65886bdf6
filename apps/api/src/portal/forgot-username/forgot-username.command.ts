import type { CommandContext } from '@portal/command';

export class ForgotUsernameCommand {
  constructor(
    readonly email: string,
    readonly ctx: CommandContext,
  ) {}
}

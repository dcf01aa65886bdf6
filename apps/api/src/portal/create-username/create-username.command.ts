import type { CommandContext } from '@portal/command';

export class CreateUsernameCommand {
  constructor(
    readonly memberId: string,
    readonly password: string,
    readonly username: string,
    readonly email: string,
    readonly ctx: CommandContext,
  ) {}
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

export interface UsernameCreated {
  username: string;
}

export class CreateUsernameCommand extends Command<UsernameCreated> {
  constructor(
    readonly memberId: string,
    readonly password: string,
    readonly username: string,
    readonly email: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

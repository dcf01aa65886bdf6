import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

export class LogInCommand extends Command<LogInResult> {
  constructor(
    readonly username: string,
    readonly password: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export interface LogInResult {
  /** Names this login attempt in the second step. */
  loginToken: string;
  secondFactor: 'email-code' | 'authenticator';
}

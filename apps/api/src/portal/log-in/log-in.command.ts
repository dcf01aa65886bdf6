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
  /** `passkey`: no code was emailed; POST /v1/login/resend-code sends one if the passkey is not at hand. */
  secondFactor: 'email-code' | 'authenticator' | 'passkey';
}

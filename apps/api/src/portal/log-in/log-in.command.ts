import type { CommandContext } from '@portal/command';

export class LogInCommand {
  constructor(
    readonly username: string,
    readonly password: string,
    readonly ctx: CommandContext,
  ) {}
}

export interface LogInResult {
  /** Names this login attempt in the second step. */
  loginToken: string;
  secondFactor: 'email-code' | 'authenticator';
}

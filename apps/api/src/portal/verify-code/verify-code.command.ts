import type { CommandContext } from '@portal/command';

export class VerifyCodeCommand {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {}
}

export interface SessionGranted {
  sessionToken: string;
  mustChangePassword: boolean;
}

import type { CommandContext } from '@portal/command';

export class ResendCodeCommand {
  constructor(
    readonly loginToken: string,
    readonly ctx: CommandContext,
  ) {}
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { RequestActivationCodeRequest } from './request-activation-code.request';

export class RequestActivationCodeCommand extends Command<void> {
  constructor(
    readonly request: RequestActivationCodeRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

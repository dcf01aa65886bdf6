import type { CommandContext } from '@portal/command';
import type { RequestActivationCodeRequest } from './request-activation-code.request';

export class RequestActivationCodeCommand {
  constructor(
    readonly request: RequestActivationCodeRequest,
    readonly ctx: CommandContext,
  ) {}
}

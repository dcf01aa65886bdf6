import type { CommandContext } from '@portal/command';
import type { RegisterProducerRequest } from './register-producer.request';

export class RegisterProducerCommand {
  constructor(
    readonly request: RegisterProducerRequest,
    readonly ctx: CommandContext,
  ) {}
}

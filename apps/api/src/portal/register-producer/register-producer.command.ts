import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { RegisterProducerRequest } from './register-producer.request';

export class RegisterProducerCommand extends Command<void> {
  constructor(
    readonly request: RegisterProducerRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

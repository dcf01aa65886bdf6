import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

/** Sends a code to the new address; nothing changes until it comes back. */
export class RequestEmailChangeCommand extends Command<{ sent: true }> {
  constructor(
    readonly accountId: string,
    readonly currentPassword: string,
    readonly email: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** The code from the new address: the change takes effect. */
export class ConfirmEmailChangeCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class ChangePhoneCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly phone: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class ChangeSecurityQuestionCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly currentPassword: string,
    readonly securityQuestion: string,
    readonly securityAnswer: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

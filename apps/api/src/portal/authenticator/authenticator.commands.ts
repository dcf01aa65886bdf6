import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { AuthenticatorEnrolment } from '../shared/app-code';
import type { SessionGranted } from '../shared/session-grant';

export class StartAuthenticatorEnrolmentCommand extends Command<AuthenticatorEnrolment> {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export type { AuthenticatorEnrolment } from '../shared/app-code';

export class ConfirmAuthenticatorCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly enrolmentToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class RemoveAuthenticatorCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly password: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class VerifyAuthenticatorCommand extends Command<SessionGranted> {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Log on's last step where an app is required and none is set up: the enrolment from verify-code and the app's first code. */
export class EnrolAuthenticatorAtLoginCommand extends Command<SessionGranted> {
  constructor(
    readonly loginToken: string,
    readonly enrolmentToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { AuthenticatorEnrolment } from '../shared/app-code';
import type { SessionGranted } from '../shared/session-grant';

/**
 * Where AUTHENTICATOR_REQUIRED is on and the account has no app: the emailed code is right, and
 * an app is to be enrolled before a session is granted (POST /v1/login/enrol-authenticator).
 */
export interface AuthenticatorEnrolmentRequired extends AuthenticatorEnrolment {
  authenticatorRequired: true;
}

export class VerifyCodeCommand extends Command<SessionGranted | AuthenticatorEnrolmentRequired> {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

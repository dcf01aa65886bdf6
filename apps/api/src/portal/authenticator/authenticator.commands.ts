import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { SessionGranted } from '../shared/session-grant';

export class StartAuthenticatorEnrolmentCommand extends Command<AuthenticatorEnrolment> {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export interface AuthenticatorEnrolment {
  /** Give it back with the first code from the app; it holds the new secret, sealed for this account. */
  enrolmentToken: string;
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code (PNG, base64). */
  qrPngBase64: string;
}

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

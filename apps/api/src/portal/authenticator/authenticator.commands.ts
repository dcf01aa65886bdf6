import type { CommandContext } from '@portal/command';

export class StartAuthenticatorEnrolmentCommand {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {}
}

export interface AuthenticatorEnrolment {
  /** Give it back with the first code from the app; it holds the new secret, sealed for this account. */
  enrolmentToken: string;
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code (PNG, base64). */
  qrPngBase64: string;
}

export class ConfirmAuthenticatorCommand {
  constructor(
    readonly accountId: string,
    readonly enrolmentToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {}
}

export class RemoveAuthenticatorCommand {
  constructor(
    readonly accountId: string,
    readonly password: string,
    readonly ctx: CommandContext,
  ) {}
}

export class VerifyAuthenticatorCommand {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {}
}

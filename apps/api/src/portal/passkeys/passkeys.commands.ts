import { Command, Query } from '@nestjs/cqrs';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { CommandContext } from '@portal/command';
import type { SessionGranted } from '../shared/session-grant';

/** A passkey as its owner's page lists it. */
export interface PasskeyView {
  passkeyId: string;
  name: string;
  registeredAt: string;
  lastUsedAt?: string;
  /** Synced across the owner's devices (iCloud Keychain, Google Password Manager…), or bound to one. */
  synced: boolean;
}

/** The signed-in session asking: its second factor's time is the session's start (the step-up). */
export interface SessionOf {
  sessionId: string;
  createdAt: number;
}

export class PasskeyRegistrationOptionsQuery extends Query<PublicKeyCredentialCreationOptionsJSON> {
  constructor(
    readonly accountId: string,
    readonly session: SessionOf,
  ) {
    super();
  }
}

export class RegisterPasskeyCommand extends Command<PasskeyView> {
  constructor(
    readonly accountId: string,
    readonly session: SessionOf,
    readonly response: RegistrationResponseJSON,
    readonly name: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class ListPasskeysQuery extends Query<PasskeyView[]> {
  constructor(readonly accountId: string) {
    super();
  }
}

export class RenamePasskeyCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly passkeyId: string,
    readonly name: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class RemovePasskeyCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly passkeyId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Step 2 of log on with a passkey: options bound to the login the password started. */
export class PasskeyLoginOptionsQuery extends Query<PublicKeyCredentialRequestOptionsJSON> {
  constructor(readonly loginToken: string) {
    super();
  }
}

export class VerifyPasskeyLoginCommand extends Command<SessionGranted> {
  constructor(
    readonly loginToken: string,
    readonly response: AuthenticationResponseJSON,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Sign-in with a discoverable passkey alone (PASSKEY_PASSWORDLESS). */
export class PasswordlessOptionsQuery extends Query<PublicKeyCredentialRequestOptionsJSON> {}

export class PasswordlessSignInCommand extends Command<SessionGranted> {
  constructor(
    readonly response: AuthenticationResponseJSON,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

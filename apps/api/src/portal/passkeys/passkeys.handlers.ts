import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import type { AppConfig } from '@portal/config';
import {
  type AccountCommand,
  AccountErrors,
  type AccountState,
  DomainError,
  isLocked,
  type PasskeyCredential,
  PASSKEY_STEP_UP_MS,
} from '@portal/domain';
import { APP_CONFIG } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import { HIDDEN_REFUSALS, INVALID_LOGIN } from '../shared/login-refusals';
import { LOGIN_NOT_STARTED, parseLoginToken } from '../shared/login-token';
import { completeLogin, grantSession, type SessionGranted } from '../shared/session-grant';
import { challengeBytes, CHALLENGE_TTL_MS, newChallenge, openChallenge } from './passkey-challenge';
import {
  ListPasskeysQuery,
  PasskeyLoginOptionsQuery,
  PasskeyRegistrationOptionsQuery,
  type PasskeyView,
  PasswordlessOptionsQuery,
  PasswordlessSignInCommand,
  RegisterPasskeyCommand,
  RemovePasskeyCommand,
  RenamePasskeyCommand,
  VerifyPasskeyLoginCommand,
} from './passkeys.commands';

const iso = (ms: number) => new Date(ms).toISOString();
const self = (ctx: CommandContext, accountId: string): CommandContext => ({
  ...ctx,
  actor: { kind: 'self', accountId },
});

export function passkeyView(p: PasskeyCredential): PasskeyView {
  return {
    passkeyId: p.passkeyId,
    name: p.name,
    registeredAt: iso(p.registeredAt),
    ...(p.lastUsedAt !== undefined ? { lastUsedAt: iso(p.lastUsedAt) } : {}),
    synced: p.backupEligible,
  };
}

/** The challenge a response's client data carries (the token `newChallenge` made), or undefined. */
function challengeIn(clientDataJSON: unknown): string | undefined {
  if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4096) return undefined;
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof data.challenge === 'string' ? data.challenge : undefined;
  } catch {
    return undefined;
  }
}

/** An account id is the user handle of its passkeys (16 bytes): opaque, no personal data (WebAuthn §14.6.1). */
const userIdOf = (accountId: string) => new Uint8Array(Buffer.from(accountId.replace(/-/g, ''), 'hex'));
function accountIdOfHandle(userHandle: unknown): string | undefined {
  if (typeof userHandle !== 'string' || !/^[A-Za-z0-9_-]{22}$/.test(userHandle)) return undefined;
  const hex = Buffer.from(userHandle, 'base64url').toString('hex');
  return hex.length === 32
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : undefined;
}

/**
 * Checks an assertion against the account's credential: origin, RP id, challenge and signature
 * (the library's). The signature counter is the decider's to judge (it records a regression), so
 * the library is given 0 for it. Any failure is `verified: false`, counted by the decider.
 */
async function assertion(
  config: AppConfig,
  response: AuthenticationResponseJSON,
  token: string,
  passkey: PasskeyCredential | undefined,
): Promise<{ verified: boolean; signCount: number; backedUp: boolean; userVerified: boolean }> {
  const failed = { verified: false, signCount: 0, backedUp: false, userVerified: false };
  if (!passkey) return failed;
  try {
    const { verified, authenticationInfo: info } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: token,
      expectedOrigin: config.passkeys.origins,
      expectedRPID: config.passkeys.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: 0,
        transports: passkey.transports as never,
      },
      requireUserVerification: false,
    });
    return {
      verified,
      signCount: info.newCounter,
      backedUp: info.credentialBackedUp,
      userVerified: info.userVerified,
    };
  } catch {
    return failed;
  }
}

type Assertion = Awaited<ReturnType<typeof assertion>>;

/**
 * The assertion checked against the account's credential for `response.id`, once per public key:
 * the command pipeline may build its command again on a fresher state, and the signature need
 * not be verified again unless the credential changed.
 */
function assertionOnce(
  config: AppConfig,
  response: AuthenticationResponseJSON,
  token: string,
): (state: AccountState) => Promise<Assertion> {
  let checked: { publicKey: string; result: Promise<Assertion> } | undefined;
  return (state) => {
    const passkey = state.passkeys.find((k) => k.credentialId === response.id);
    if (!checked || checked.publicKey !== (passkey?.publicKey ?? ''))
      checked = { publicKey: passkey?.publicKey ?? '', result: assertion(config, response, token, passkey) };
    return checked.result;
  };
}

@QueryHandler(PasskeyRegistrationOptionsQuery)
export class PasskeyRegistrationOptionsHandler implements IQueryHandler<PasskeyRegistrationOptionsQuery> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({
    accountId,
    session,
  }: PasskeyRegistrationOptionsQuery): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const now = Date.now();
    // Said before the ceremony, so that nobody touches their authenticator for nothing; the decider says it again.
    if (now - session.createdAt > PASSKEY_STEP_UP_MS) throw AccountErrors.stepUpRequired();
    const state = await this.accounts.state(accountId);
    const token = newChallenge(this.accounts, { p: 'register', a: accountId, s: session.sessionId }, now);
    return generateRegistrationOptions({
      rpName: this.config.plan.name,
      rpID: this.config.passkeys.rpId,
      userName: state.username ?? 'member',
      userID: userIdOf(accountId),
      challenge: challengeBytes(token),
      timeout: CHALLENGE_TTL_MS,
      attestationType: 'none',
      excludeCredentials: state.passkeys.map((p) => ({
        id: p.credentialId,
        transports: p.transports as never,
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
  }
}

@CommandHandler(RegisterPasskeyCommand)
export class RegisterPasskeyHandler implements ICommandHandler<RegisterPasskeyCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ accountId, session, response, name, ctx }: RegisterPasskeyCommand): Promise<PasskeyView> {
    const token = challengeIn(response?.response?.clientDataJSON);
    const opened = token ? openChallenge(this.accounts, token) : undefined;
    const p = opened?.purpose;
    if (!token || !opened || p?.p !== 'register' || p.a !== accountId || p.s !== session.sessionId)
      throw AccountErrors.passkeyChallengeInvalid();
    let info;
    try {
      const verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: token,
        expectedOrigin: this.config.passkeys.origins,
        expectedRPID: this.config.passkeys.rpId,
        requireUserVerification: false,
      });
      if (!verified.verified) throw AccountErrors.passkeyRefused();
      info = verified.registrationInfo;
    } catch {
      throw AccountErrors.passkeyRefused();
    }
    const passkeyId = randomUUID();
    const result = await this.accounts.run(
      accountId,
      {
        type: 'RegisterPasskey',
        passkeyId,
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
        signCount: info.credential.counter,
        backupEligible: info.credentialDeviceType === 'multiDevice',
        backedUp: info.credentialBackedUp,
        transports: (response.response.transports ?? []).filter((t) => typeof t === 'string').slice(0, 8),
        name,
        userVerified: info.userVerified,
        challenge: opened.challenge,
        secondFactorAt: session.createdAt,
        now: ctx.occurredAt.getTime(),
      },
      self(ctx, accountId),
    );
    const added = result.state.passkeys.find((k) => k.passkeyId === passkeyId);
    if (!added) throw AccountErrors.passkeyRefused();
    return passkeyView(added);
  }
}

@QueryHandler(ListPasskeysQuery)
export class ListPasskeysHandler implements IQueryHandler<ListPasskeysQuery> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId }: ListPasskeysQuery): Promise<PasskeyView[]> {
    return (await this.accounts.state(accountId)).passkeys.map(passkeyView);
  }
}

@CommandHandler(RenamePasskeyCommand)
export class RenamePasskeyHandler implements ICommandHandler<RenamePasskeyCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, passkeyId, name, ctx }: RenamePasskeyCommand): Promise<void> {
    await this.accounts.run(
      accountId,
      { type: 'RenamePasskey', passkeyId, name, now: ctx.occurredAt.getTime() },
      self(ctx, accountId),
    );
  }
}

@CommandHandler(RemovePasskeyCommand)
export class RemovePasskeyHandler implements ICommandHandler<RemovePasskeyCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, passkeyId, ctx }: RemovePasskeyCommand): Promise<void> {
    await this.accounts.run(
      accountId,
      { type: 'RemovePasskey', passkeyId, by: 'owner', now: ctx.occurredAt.getTime() },
      self(ctx, accountId),
    );
  }
}

/** Options for step 2 of a login: only for the login the token names, while it may still finish. */
@QueryHandler(PasskeyLoginOptionsQuery)
export class PasskeyLoginOptionsHandler implements IQueryHandler<PasskeyLoginOptionsQuery> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ loginToken }: PasskeyLoginOptionsQuery): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const { accountId, loginId } = parseLoginToken(this.accounts, loginToken);
    const state = await this.accounts.state(accountId);
    if (state.login?.loginId !== loginId) throw LOGIN_NOT_STARTED();
    const now = Date.now();
    // As every second step answers a locked or deactivated account: as a wrong password.
    if (state.status !== 'active' || isLocked(state, now)) throw INVALID_LOGIN();
    if (state.passkeys.length === 0) throw AccountErrors.passkeyUnknown();
    return generateAuthenticationOptions({
      rpID: this.config.passkeys.rpId,
      challenge: challengeBytes(newChallenge(this.accounts, { p: 'login', a: accountId, l: loginId }, now)),
      timeout: CHALLENGE_TTL_MS,
      userVerification: 'preferred',
      allowCredentials: state.passkeys.map((p) => ({
        id: p.credentialId,
        transports: p.transports as never,
      })),
    });
  }
}

/** Step 2 of log on with a passkey in place of the emailed code; failures count toward the lock. */
@CommandHandler(VerifyPasskeyLoginCommand)
export class VerifyPasskeyLoginHandler implements ICommandHandler<VerifyPasskeyLoginCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ loginToken, response, ctx }: VerifyPasskeyLoginCommand): Promise<SessionGranted> {
    const token = challengeIn(response?.response?.clientDataJSON);
    const opened = token ? openChallenge(this.accounts, token) : undefined;
    const checked = token ? assertionOnce(this.config, response, token) : undefined;
    return completeLogin(this.accounts, loginToken, ctx, async (state, { accountId, loginId, sessionId }) => {
      const p = opened?.purpose;
      if (!checked || !opened || p?.p !== 'login' || p.a !== accountId || p.l !== loginId)
        throw AccountErrors.passkeyChallengeInvalid();
      return usePasskey(
        response.id,
        await checked(state),
        opened.challenge,
        'second-step',
        loginId,
        sessionId,
        ctx,
      );
    });
  }
}

function usePasskey(
  credentialId: string,
  checked: Assertion,
  challenge: { hash: string; expiresAt: number },
  via: 'second-step' | 'passwordless',
  loginId: string,
  sessionId: string,
  ctx: CommandContext,
): AccountCommand {
  return {
    type: 'UsePasskey',
    via,
    loginId,
    credentialId: typeof credentialId === 'string' ? credentialId.slice(0, 1024) : '',
    ...checked,
    challenge,
    sessionId,
    now: ctx.occurredAt.getTime(),
  };
}

@QueryHandler(PasswordlessOptionsQuery)
export class PasswordlessOptionsHandler implements IQueryHandler<PasswordlessOptionsQuery> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    if (!this.config.passkeys.passwordless) throw AccountErrors.passwordlessDisabled();
    return generateAuthenticationOptions({
      rpID: this.config.passkeys.rpId,
      challenge: challengeBytes(newChallenge(this.accounts, { p: 'passwordless' }, Date.now())),
      timeout: CHALLENGE_TTL_MS,
      userVerification: 'required',
    });
  }
}

/**
 * Sign-in with a discoverable passkey alone: the user handle names the account. Refused on a
 * locked or deactivated account (answered as a wrong password, as at step 1), and counted toward
 * the lock when the account's own credential fails.
 */
@CommandHandler(PasswordlessSignInCommand)
export class PasswordlessSignInHandler implements ICommandHandler<PasswordlessSignInCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ response, ctx }: PasswordlessSignInCommand): Promise<SessionGranted> {
    if (!this.config.passkeys.passwordless) throw AccountErrors.passwordlessDisabled();
    const token = challengeIn(response?.response?.clientDataJSON);
    const opened = token ? openChallenge(this.accounts, token) : undefined;
    if (!token || opened?.purpose.p !== 'passwordless') throw AccountErrors.passkeyChallengeInvalid();
    const accountId = accountIdOfHandle(response.response.userHandle);
    if (!accountId) throw AccountErrors.passkeyUnknown();
    const known: AccountState = await this.accounts.state(accountId);
    if (known.status === 'new') throw AccountErrors.passkeyUnknown();
    const sessionId = randomUUID();
    const checked = assertionOnce(this.config, response, token);
    let result;
    try {
      result = await this.accounts.run(
        accountId,
        async (state) =>
          usePasskey(
            response.id,
            await checked(state),
            opened.challenge,
            'passwordless',
            opened.challenge.hash,
            sessionId,
            ctx,
          ),
        self(ctx, accountId),
      );
    } catch (error) {
      if (error instanceof DomainError && HIDDEN_REFUSALS.has(error.code)) throw INVALID_LOGIN();
      throw error;
    }
    const succeeded = result.events.some(
      (e) => e.type === 'LoginSucceeded' && e.data.sessionId === sessionId,
    );
    if (!succeeded || typeof result.revision !== 'bigint') throw INVALID_LOGIN();
    return grantSession(
      this.accounts,
      accountId,
      sessionId,
      result.state.mustChangePassword,
      result.revision,
    );
  }
}

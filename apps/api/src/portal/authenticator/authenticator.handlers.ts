import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { preparedInput } from '@portal/command';
import type { AppConfig } from '@portal/config';
import { AccountErrors } from '@portal/domain';
import { APP_CONFIG } from '@portal/runtime';
import { matchTimeStep } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import { enrolmentSecret, matchAppCode, newAuthenticatorEnrolment } from '../shared/app-code';
import { completeLogin } from '../shared/session-grant';
import type { SessionGranted } from '../shared/session-grant';
import {
  type AuthenticatorEnrolment,
  ConfirmAuthenticatorCommand,
  EnrolAuthenticatorAtLoginCommand,
  RemoveAuthenticatorCommand,
  StartAuthenticatorEnrolmentCommand,
  VerifyAuthenticatorCommand,
} from './authenticator.commands';

const INVALID_ENROLMENT = AccountErrors.authenticatorEnrolmentLost;

/** Seed 004: "select Update Profile … Authentication Methods … Add Authenticator App". Nothing is stored until a code confirms it. */
@CommandHandler(StartAuthenticatorEnrolmentCommand)
export class StartAuthenticatorEnrolmentHandler implements ICommandHandler<StartAuthenticatorEnrolmentCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ accountId }: StartAuthenticatorEnrolmentCommand): Promise<AuthenticatorEnrolment> {
    const state = await this.accounts.state(accountId);
    return newAuthenticatorEnrolment(
      this.accounts,
      accountId,
      this.config.plan.name,
      state.username ?? 'member',
    );
  }
}

@CommandHandler(ConfirmAuthenticatorCommand)
export class ConfirmAuthenticatorHandler implements ICommandHandler<ConfirmAuthenticatorCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, enrolmentToken, code, ctx }: ConfirmAuthenticatorCommand): Promise<void> {
    // Sealed with this account's key and id: a token made for another account, or altered, does not open.
    const secret = await enrolmentSecret(this.accounts, accountId, enrolmentToken);
    if (secret === undefined) throw INVALID_ENROLMENT();
    await this.accounts.run(
      accountId,
      {
        type: 'ConfirmAuthenticator',
        secretSealed: enrolmentToken,
        matchedTimeStep: await matchTimeStep(
          secret,
          code,
          ctx.occurredAt,
          this.accounts.policy.authenticator.windowSteps,
        ),
        now: ctx.occurredAt.getTime(),
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
  }
}

@CommandHandler(RemoveAuthenticatorCommand)
export class RemoveAuthenticatorHandler implements ICommandHandler<RemoveAuthenticatorCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, password, ctx }: RemoveAuthenticatorCommand): Promise<void> {
    const current = this.accounts.passwordChecker(password);
    await this.accounts.run(
      accountId,
      preparedInput(async (state) => ({
        type: 'RemoveAuthenticator' as const,
        passwordMatches: await current(state.passwordHash),
        now: ctx.occurredAt.getTime(),
      })),
      { ...ctx, actor: { kind: 'self', accountId } },
    );
  }
}

/** Step 2 of log on with an app: a code of a step not used before; wrong codes count like wrong passwords. */
@CommandHandler(VerifyAuthenticatorCommand)
export class VerifyAuthenticatorHandler implements ICommandHandler<VerifyAuthenticatorCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  execute({ loginToken, code, ctx }: VerifyAuthenticatorCommand): Promise<SessionGranted> {
    return completeLogin(
      this.accounts,
      loginToken,
      ctx,
      async (state, { accountId, loginId, sessionId }) => ({
        type: 'VerifyAuthenticatorCode',
        loginId,
        matchedTimeStep: await matchAppCode(this.accounts, accountId, state, code, ctx.occurredAt),
        sessionId,
        now: ctx.occurredAt.getTime(),
      }),
    );
  }
}

/**
 * The last step of log on where AUTHENTICATOR_REQUIRED is on and the account has no app: after
 * the password and the emailed code (which answered the enrolment), the new app's first code
 * adds it and signs in, in one decision (EnrolAuthenticatorAtLogin).
 */
@CommandHandler(EnrolAuthenticatorAtLoginCommand)
export class EnrolAuthenticatorAtLoginHandler implements ICommandHandler<EnrolAuthenticatorAtLoginCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  execute({
    loginToken,
    enrolmentToken,
    code,
    ctx,
  }: EnrolAuthenticatorAtLoginCommand): Promise<SessionGranted> {
    return completeLogin(
      this.accounts,
      loginToken,
      ctx,
      async (_state, { accountId, loginId, sessionId }) => {
        const secret = await enrolmentSecret(this.accounts, accountId, enrolmentToken);
        if (secret === undefined) throw INVALID_ENROLMENT();
        return {
          type: 'EnrolAuthenticatorAtLogin',
          loginId,
          secretSealed: enrolmentToken,
          matchedTimeStep: await matchTimeStep(
            secret,
            code,
            ctx.occurredAt,
            this.accounts.policy.authenticator.windowSteps,
          ),
          sessionId,
          now: ctx.occurredAt.getTime(),
        };
      },
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import type { AppConfig } from '@portal/config';
import { APP_CONFIG } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import { newAuthenticatorEnrolment } from '../shared/app-code';
import { runSecondStep, sessionAfter } from '../shared/session-grant';
import type { SessionGranted } from '../shared/session-grant';
import { type AuthenticatorEnrolmentRequired, VerifyCodeCommand } from './verify-code.command';

/**
 * Step 2 of log on with the emailed code. Where the policy requires an authenticator app
 * (AUTHENTICATOR_REQUIRED) and the account has none, the right code grants no session yet: it
 * answers a new app's enrolment, and the login ends at POST /v1/login/enrol-authenticator.
 */
@CommandHandler(VerifyCodeCommand)
export class VerifyCodeHandler implements ICommandHandler<VerifyCodeCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({
    loginToken,
    code,
    ctx,
  }: VerifyCodeCommand): Promise<SessionGranted | AuthenticatorEnrolmentRequired> {
    const { step, result } = await runSecondStep(
      this.accounts,
      loginToken,
      ctx,
      (_state, { loginId, sessionId }) => ({
        type: 'VerifyOtp',
        loginId,
        codeHash: this.accounts.codeHash('otp', code),
        sessionId,
        now: ctx.occurredAt.getTime(),
      }),
    );
    const { state } = result;
    const waitsForApp =
      !result.events.some((e) => e.type === 'LoginSucceeded') &&
      result.events.some((e) => e.type === 'OtpVerified') &&
      this.accounts.policy.authenticator.required &&
      !state.authenticator &&
      state.login?.loginId === step.loginId;
    if (!waitsForApp) return sessionAfter(this.accounts, step, result);
    const enrolment = await newAuthenticatorEnrolment(
      this.accounts,
      step.accountId,
      this.config.plan.name,
      state.username ?? 'member',
    );
    return { authenticatorRequired: true, ...enrolment };
  }
}

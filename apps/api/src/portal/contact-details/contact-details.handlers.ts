import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { preparedInput } from '@portal/command';
import { AccountErrors } from '@portal/domain';
import { numericCode } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import {
  ChangePhoneCommand,
  ChangeSecurityQuestionCommand,
  ConfirmEmailChangeCommand,
  RequestEmailChangeCommand,
} from './contact-details.commands';

const self = (accountId: string) => ({ kind: 'self' as const, accountId });

/**
 * The person is proven as a password change proves them: the current password,
 * checked before the account's lock is taken. An address another account holds is
 * refused (EMAIL_TAKEN, which names no account) now, and again at the confirmation,
 * where the reservation is taken: asking for a change reserves nothing, so nobody
 * can hold an address they do not receive mail at.
 */
@CommandHandler(RequestEmailChangeCommand)
export class RequestEmailChangeHandler implements ICommandHandler<RequestEmailChangeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({
    accountId,
    currentPassword,
    email,
    ctx,
  }: RequestEmailChangeCommand): Promise<{ sent: true }> {
    const current = this.accounts.passwordChecker(currentPassword);
    const holder = await this.accounts.holder('email', email);
    if (holder && holder !== accountId) {
      // The password still decides first, so the answer does not tell an address's use to someone without it.
      const state = await this.accounts.state(accountId);
      if (!(await current(state.passwordHash))) throw AccountErrors.currentPasswordWrong();
      throw AccountErrors.emailTaken();
    }
    const code = numericCode(this.accounts.policy.emailCode.length);
    const sealed = await this.accounts.seal(accountId, code);
    await this.accounts.run(
      accountId,
      preparedInput(async (state) => ({
        type: 'RequestEmailChange' as const,
        currentPasswordMatches: await current(state.passwordHash),
        email,
        code: { changeId: randomUUID(), codeHash: this.accounts.codeHash('otp', code), codeSealed: sealed },
        now: ctx.occurredAt.getTime(),
      })),
      { ...ctx, actor: self(accountId) },
    );
    return { sent: true };
  }
}

/** Claims the new address, records the change, then releases the old address; a refusal gives the claim back. */
@CommandHandler(ConfirmEmailChangeCommand)
export class ConfirmEmailChangeHandler implements ICommandHandler<ConfirmEmailChangeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, code, ctx }: ConfirmEmailChangeCommand): Promise<void> {
    const before = await this.accounts.state(accountId);
    const command = {
      type: 'ConfirmEmailChange' as const,
      codeHash: this.accounts.codeHash('otp', code),
      now: ctx.occurredAt.getTime(),
    };
    const actor = { ...ctx, actor: self(accountId) };
    const next = before.emailChange?.email;
    const previous = before.profile?.email;
    // No change waiting (or the account inactive): the domain's refusal, with nothing claimed.
    if (!next) {
      await this.accounts.run(accountId, command, actor);
      return;
    }
    const claimed = await this.accounts.claim('email', next, accountId, ctx);
    try {
      await this.accounts.run(accountId, command, actor);
    } catch (error) {
      if (claimed) await this.accounts.release('email', next, accountId, ctx);
      throw error;
    }
    const now = await this.accounts.state(accountId);
    const key = (email: string) => this.accounts.lookupKey('email', email);
    if (previous && now.profile?.email === next && key(previous) !== key(next))
      await this.accounts.release('email', previous, accountId, ctx);
  }
}

@CommandHandler(ChangePhoneCommand)
export class ChangePhoneHandler implements ICommandHandler<ChangePhoneCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, phone, ctx }: ChangePhoneCommand): Promise<void> {
    await this.accounts.run(
      accountId,
      { type: 'ChangePhone', phone, now: ctx.occurredAt.getTime() },
      { ...ctx, actor: self(accountId) },
    );
  }
}

/** The answer is argon2-hashed as at registration (case sensitive, the exact answer). */
@CommandHandler(ChangeSecurityQuestionCommand)
export class ChangeSecurityQuestionHandler implements ICommandHandler<ChangeSecurityQuestionCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({
    accountId,
    currentPassword,
    securityQuestion,
    securityAnswer,
    ctx,
  }: ChangeSecurityQuestionCommand): Promise<void> {
    const securityAnswerHash = await this.accounts.hashPassword(securityAnswer);
    const current = this.accounts.passwordChecker(currentPassword);
    await this.accounts.run(
      accountId,
      preparedInput(async (state) => ({
        type: 'ChangeSecurityQuestion' as const,
        currentPasswordMatches: await current(state.passwordHash),
        securityQuestion,
        securityAnswerHash,
        now: ctx.occurredAt.getTime(),
      })),
      { ...ctx, actor: self(accountId) },
    );
  }
}

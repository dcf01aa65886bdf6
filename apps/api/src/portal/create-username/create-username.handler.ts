import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import type { ReservationKind } from '@portal/command';
import { DomainError, ErrorCodes, normaliseUsername } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { newEmailCode } from '../email-code';
import { HIDDEN_REFUSALS, INVALID_LOGIN } from '../log-in/log-in.handler';
import { ownedKeys } from '../registration';
import { CreateUsernameCommand } from './create-username.command';

/**
 * Seed 004, existing users: "log in using your ID number and password. Create a
 * username and enter a valid email address. Log out and log back in using your new
 * username and password." The password is proven again through the same LogIn
 * decision as a log on by member id (a wrong one counts toward the lock, and any
 * account but a legacy one is refused alike); only then are the username and email
 * reserved and recorded. The email is said to be taken, as the seed asks for one
 * "not shared with another member": only a caller who knows the account's password
 * gets this far.
 */
@CommandHandler(CreateUsernameCommand)
export class CreateUsernameHandler implements ICommandHandler<CreateUsernameCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({
    memberId,
    password,
    username,
    email,
    ctx,
  }: CreateUsernameCommand): Promise<{ username: string }> {
    // The rule registration applies with the password's own rules (checkPassword), here the other way round.
    if (normaliseUsername(username) === normaliseUsername(password))
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Some fields need attention. Each is named in "fields".',
        {
          username: 'Your username cannot be the same as your password.',
        },
      );
    const { hasher } = this.accounts.deps;
    const accountId = await this.accounts.holder('member', memberId);
    if (!accountId) {
      await hasher.verifyAgainstDummy(password);
      throw INVALID_LOGIN();
    }
    const actor = { ...ctx, actor: { kind: 'self' as const, accountId } };
    await this.provePassword(accountId, password, actor);

    const taken: [ReservationKind, string][] = [];
    try {
      for (const [kind, value] of [
        ['username', username],
        ['email', email],
      ] as [ReservationKind, string][])
        if (await this.accounts.claim(kind, value, accountId, ctx)) taken.push([kind, value]);
      await this.accounts.run(
        accountId,
        { type: 'CreateUsername', username, email, now: ctx.occurredAt.getTime() },
        actor,
      );
    } catch (error) {
      // Not what the account now holds: a parallel request with the same email may have recorded it first.
      const owned = ownedKeys(this.accounts, await this.accounts.state(accountId));
      for (const [kind, value] of taken.reverse())
        if (!owned.has(this.accounts.lookupKey(kind, value)))
          await this.accounts.release(kind, value, accountId, ctx);
      throw error;
    }
    return { username };
  }

  /** Resolves when the password is the legacy account's; a log on's refusal otherwise. */
  private async provePassword(
    accountId: string,
    password: string,
    ctx: Parameters<Accounts['run']>[2],
  ): Promise<void> {
    const check = this.accounts.deps.hasher.checker(password);
    const fresh = await newEmailCode(this.accounts, accountId);
    try {
      await this.accounts.run(
        accountId,
        async (state) => ({
          type: 'LogIn' as const,
          loginId: randomUUID(),
          passwordMatches: await check(state.passwordHash),
          viaMemberId: true,
          otp: fresh.otp,
          now: ctx.occurredAt.getTime(),
        }),
        ctx,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCodes.USERNAME_REQUIRED) return;
      if (error instanceof DomainError && HIDDEN_REFUSALS.has(error.code)) throw INVALID_LOGIN();
      throw error;
    }
    // A member-id log on goes through only for a legacy account, which always needs a username first.
    throw INVALID_LOGIN();
  }
}

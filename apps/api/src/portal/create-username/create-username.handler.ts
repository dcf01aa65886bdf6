import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { preparedInput, type ReservationKind } from '@portal/command';
import { AccountErrors, DomainError, ErrorCodes, normaliseUsername } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { newEmailCode } from '../shared/email-code';
import { HIDDEN_REFUSALS, INVALID_LOGIN } from '../shared/login-refusals';
import { CreateUsernameCommand, type UsernameCreated } from './create-username.command';

/**
 * Seed 004, existing users: "log in using your ID number and password. Create a
 * username and enter a valid email address. Log out and log back in using your new
 * username and password." The password is proven again through the same LogIn
 * decision as a log on by member id (a wrong one counts toward the lock, and any
 * account but a legacy one is refused alike); only then are the username and email
 * reserved and recorded. An email another account has is answered as registration
 * answers it: the creation's answer, nothing recorded (the account keeps no username,
 * so the person tries again with another address, as the seed's "not shared with
 * another member" asks), and the address's owner emailed "you already have an account".
 * A claim left by a request cut off before its event is the account's own, so sending
 * the request again completes it, and for anyone else it expires (reservation.ts).
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
  }: CreateUsernameCommand): Promise<UsernameCreated> {
    // The rule registration applies with the password's own rules (checkPassword), here the other way round.
    if (normaliseUsername(username) === normaliseUsername(password))
      throw AccountErrors.validationFailed({
        username: 'Your username cannot be the same as your password.',
      });
    const accountId = await this.accounts.holder('member', memberId);
    if (!accountId) {
      await this.accounts.verifyAgainstDummy(password);
      throw INVALID_LOGIN();
    }
    const actor = { ...ctx, actor: { kind: 'self' as const, accountId } };
    await this.provePassword(accountId, password, actor);

    const createUsername = {
      type: 'CreateUsername' as const,
      username,
      email,
      now: ctx.occurredAt.getTime(),
    };
    const taken: [ReservationKind, string][] = [];
    // Not what the account now holds: a parallel request with the same email may have recorded it first.
    const giveBack = async () => {
      const owned = this.accounts.ownedKeys(await this.accounts.state(accountId));
      for (const [kind, value] of [...taken].reverse())
        if (!owned.has(this.accounts.lookupKey(kind, value)))
          await this.accounts.release(kind, value, accountId, ctx);
    };
    try {
      if (await this.accounts.claim('username', username, accountId, ctx)) taken.push(['username', username]);
      let emailTaken = false;
      try {
        if (await this.accounts.claim('email', email, accountId, ctx)) taken.push(['email', email]);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'EMAIL_TAKEN') throw error;
        emailTaken = true;
      }
      if (emailTaken) {
        // As registration answers an address another account has (registration.ts): refused as it would be
        // otherwise, else the answer of a creation, with nothing recorded and the address's owner emailed.
        await this.accounts.rehearse(accountId, createUsername, actor);
        await giveBack();
        const holder = await this.accounts.holder('email', email);
        if (holder)
          await this.accounts.run(
            holder,
            { type: 'SendAlreadyRegisteredNotice', matched: 'email', now: ctx.occurredAt.getTime() },
            { ...ctx, actor: { kind: 'anonymous' } },
          );
        return { username };
      }
      await this.accounts.run(accountId, createUsername, actor);
    } catch (error) {
      await giveBack();
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
    const check = this.accounts.passwordChecker(password);
    const fresh = await newEmailCode(this.accounts, accountId);
    try {
      await this.accounts.run(
        accountId,
        preparedInput(async (state) => ({
          type: 'LogIn' as const,
          loginId: randomUUID(),
          passwordMatches: await check(state.passwordHash),
          viaMemberId: true,
          otp: fresh.otp,
          now: ctx.occurredAt.getTime(),
        })),
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

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { rosterMismatch } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { formFields, memberProfile, registerAccount } from '../shared/registration';
import { RegisterMemberCommand } from './register-member.command';

@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RegisterMemberCommand): Promise<void> {
    // The roster first, before any reservation: "already registered" must not answer someone who only knows a member id.
    const entry = await this.accounts.findRosterMember({
      memberId: r.memberId,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: r.dateOfBirth,
    });
    if (!entry) throw rosterMismatch();
    // A member whose activation letter is still on its way may register here instead, into the account
    // the letter's code belongs to (the code is void once it is registered). An account already
    // registered is answered like a registration by registerAccount, and its owner emailed.
    const holder = await this.accounts.holder('member', entry.memberId);
    const waiting = holder && (await this.accounts.state(holder)).status !== 'active' ? holder : undefined;
    await registerAccount(
      this.accounts,
      ctx,
      r,
      [
        ['member', entry.memberId],
        ['username', r.username],
        ['email', r.email],
      ],
      (accountId, hashes) => ({
        type: 'RegisterMember',
        accountId,
        rosterMatched: true,
        profile: memberProfile(entry, r),
        ...formFields(r, hashes, ctx),
      }),
      waiting,
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { rosterMismatch } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { formFields, memberProfile, registerAccount } from '../registration';
import { RegisterMemberCommand } from './register-member.command';

@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RegisterMemberCommand): Promise<void> {
    // The roster first, before any reservation: "already registered" must not answer someone who only knows a member id.
    const entry = await this.accounts.deps.roster.findMember({
      memberId: r.memberId,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: r.dateOfBirth,
    });
    if (!entry) throw rosterMismatch();
    return registerAccount(
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
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { formFields, registerAccount } from '../shared/registration';
import { RegisterNonmemberCommand } from './register-nonmember.command';

@CommandHandler(RegisterNonmemberCommand)
export class RegisterNonmemberHandler implements ICommandHandler<RegisterNonmemberCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RegisterNonmemberCommand): Promise<void> {
    await registerAccount(
      this.accounts,
      ctx,
      r,
      [
        ['username', r.username],
        ['email', r.email],
      ],
      (accountId, hashes) => ({
        type: 'RegisterNonmember',
        accountId,
        profile: {
          firstName: r.firstName,
          lastName: r.lastName,
          dateOfBirth: r.dateOfBirth,
          email: r.email,
          phone: r.phone,
        },
        ...formFields(r, hashes, ctx),
      }),
    );
  }
}

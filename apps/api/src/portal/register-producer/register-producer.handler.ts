import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { formFields, registerAccount } from '../shared/registration';
import { RegisterProducerCommand } from './register-producer.command';

@CommandHandler(RegisterProducerCommand)
export class RegisterProducerHandler implements ICommandHandler<RegisterProducerCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RegisterProducerCommand): Promise<void> {
    await registerAccount(
      this.accounts,
      ctx,
      r,
      [
        ['username', r.username],
        ['email', r.email],
      ],
      (accountId, hashes) => ({
        type: 'RegisterProducer',
        accountId,
        profile: {
          firstName: r.firstName,
          lastName: r.lastName,
          dateOfBirth: '',
          email: r.email,
          phone: r.phone,
          producerId: r.producerId,
        },
        ...formFields({ ...r, dateOfBirth: '' }, hashes, ctx),
      }),
    );
  }
}

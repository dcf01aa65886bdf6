import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { checkPassword, checkUsername, DomainError } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { RegisterNonmemberCommand } from './register-nonmember.command';

@CommandHandler(RegisterNonmemberCommand)
export class RegisterNonmemberHandler implements ICommandHandler<RegisterNonmemberCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RegisterNonmemberCommand): Promise<void> {
    // The policy's field errors before any argon2 work or reservation.
    const fields = {
      ...checkUsername(r.username, this.accounts.policy),
      ...checkPassword(r.password, r.username, this.accounts.policy),
    };
    if (Object.keys(fields).length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        'Some fields need attention. Each is named in "fields".',
        fields,
      );
    const accountId = randomUUID();
    await this.accounts.claim('username', r.username, accountId, ctx);
    try {
      await this.accounts.claim('email', r.email, accountId, ctx);
    } catch (error) {
      await this.accounts.release('username', r.username, accountId, ctx);
      throw error;
    }
    try {
      const [passwordHash, securityAnswerHash] = await Promise.all([
        this.accounts.deps.hasher.hash(r.password),
        this.accounts.deps.hasher.hash(r.securityAnswer),
      ]);
      await this.accounts.run(
        accountId,
        {
          type: 'RegisterNonmember',
          accountId,
          profile: {
            firstName: r.firstName,
            lastName: r.lastName,
            dateOfBirth: r.dateOfBirth,
            email: r.email,
            phone: r.phone,
          },
          username: r.username,
          password: r.password,
          passwordHash,
          securityQuestion: r.securityQuestion,
          securityAnswerHash,
          communication: r.communication,
          termsAccepted: r.termsAccepted,
          now: ctx.occurredAt.getTime(),
        },
        ctx,
      );
    } catch (error) {
      await this.accounts.release('email', r.email, accountId, ctx);
      await this.accounts.release('username', r.username, accountId, ctx);
      throw error;
    }
  }
}

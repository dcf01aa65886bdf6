import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { AccountErrors } from '@portal/domain';
import { normaliseActivationCode } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import { formFields, memberProfile, registerAccount } from '../shared/registration';
import { RegisterWithCodeCommand } from './register-with-code.command';

const INVALID_CODE = AccountErrors.activationCodeInvalid;

@CommandHandler(RegisterWithCodeCommand)
export class RegisterWithCodeHandler implements ICommandHandler<RegisterWithCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RegisterWithCodeCommand): Promise<void> {
    const accountId = await this.accounts.holder('member', r.memberId);
    // No code was ever sent for this member id: the same answer as a wrong code.
    if (!accountId) throw INVALID_CODE();
    const entry = await this.accounts.rosterEntry(r.memberId);
    if (!entry) throw INVALID_CODE();
    const command = (hashes: { passwordHash: string; securityAnswerHash: string }) => ({
      type: 'RegisterWithActivationCode' as const,
      codeHash: this.accounts.codeHash('activation', normaliseActivationCode(r.activationCode)),
      profile: memberProfile(entry, r),
      ...formFields(r, hashes, ctx),
    });
    // The code is decided first (a wrong one counted, as it would be anyway; the hashes play no part in
    // that decision): a refused code then claims no username or email only to give them back, and costs
    // no argon2 work.
    await this.accounts.rehearse(accountId, command({ passwordHash: '', securityAnswerHash: '' }), ctx);
    await registerAccount(
      this.accounts,
      ctx,
      r,
      [
        ['username', r.username],
        ['email', r.email],
      ],
      (_id, hashes) => command(hashes),
      accountId,
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { AccountErrors } from '@portal/domain';
import { EraseAccountCommand } from './erase-account.command';

@CommandHandler(EraseAccountCommand)
export class EraseAccountHandler implements ICommandHandler<EraseAccountCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, ctx }: EraseAccountCommand): Promise<void> {
    if (!(await this.accounts.erase(accountId, ctx))) throw AccountErrors.accountNotFound();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

/**
 * Erase the account's personal data for good (crypto-shredding: its data key is
 * deleted). 404 ACCOUNT_NOT_FOUND when there is no such account. Safe to repeat.
 */
export class EraseAccountCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

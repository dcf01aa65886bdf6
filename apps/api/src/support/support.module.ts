/**
 * Area: support. Support staff's routes under `/v1/support`: search, the account
 * page and history, actions on an account, activation letters, dead letters. Every
 * route is a query or command on the buses, handled by one of SupportHandlers;
 * reads and actions on accounts are recorded with @RecordsAccess.
 */
import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { AccountController } from './account/account.controller';
import { AccountHistoryHandler, AccountPageHandler } from './account/account.handlers';
import { SupportActionsController } from './actions/support-actions.controller';
import {
  DeactivateAccountHandler,
  IssueTemporaryPasswordHandler,
  SendUsernameReminderHandler,
  UnlockAccountHandler,
} from './actions/support-actions.handlers';
import { ActivationsController } from './activations/activations.controller';
import { ActivationsInFlightHandler } from './activations/activations.handler';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { ListDeadLettersHandler, RetryDeadLetterHandler } from './dead-letters/dead-letters.handlers';
import { SupportPasskeysController, SupportRemovePasskeyHandler } from './passkeys/support-passkeys';
import { SearchAccountsController } from './search-accounts/search-accounts.controller';
import { SearchAccountsHandler } from './search-accounts/search-accounts.handler';

export const SupportHandlers = [
  SearchAccountsHandler,
  AccountPageHandler,
  AccountHistoryHandler,
  UnlockAccountHandler,
  IssueTemporaryPasswordHandler,
  SendUsernameReminderHandler,
  DeactivateAccountHandler,
  ActivationsInFlightHandler,
  ListDeadLettersHandler,
  RetryDeadLetterHandler,
  SupportRemovePasskeyHandler,
];

@Module({
  imports: [StaffModule],
  controllers: [
    SearchAccountsController,
    AccountController,
    SupportActionsController,
    ActivationsController,
    DeadLettersController,
    SupportPasskeysController,
  ],
  providers: [...SupportHandlers],
})
export class SupportModule {}

import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { AccountController } from './account/account.controller';
import { SupportActionsController } from './actions/support-actions.controller';
import { ActivationsController } from './activations/activations.controller';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { SearchAccountsController } from './search-accounts/search-accounts.controller';

/** Support staff's routes: search, the account page and history, actions on an account, letters, dead letters. */
@Module({
  imports: [StaffModule],
  controllers: [
    SearchAccountsController,
    AccountController,
    SupportActionsController,
    ActivationsController,
    DeadLettersController,
  ],
})
export class SupportModule {}

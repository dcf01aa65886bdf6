/**
 * Provider offices, employers, producers and payers (seed 004): office
 * registration and the plan's approval, the ID administrator's routes, accounts
 * plan staff create, the support view of an office, producer registration and
 * `GET /v1/me/permissions`. One `Offices` per process, over CoreModule's accounts.
 */
import { Module } from '@nestjs/common';
import type { Accounts } from '@portal/accounts';
import type { EventStore } from '@portal/event-store';
import { Offices } from '@portal/offices';
import { EVENT_STORE, VAULT } from '@portal/runtime';
import type { Vault } from '@portal/vault';
import { ACCOUNTS } from '../accounts.provider';
import { StaffModule } from '../staff';
import { ApproveOfficeController } from './approve-office/approve-office.controller';
import { OfficeUsersController } from './office-users/office-users.controller';
import { PlanAccountsController } from './plan-accounts/plan-accounts.controller';
import { RegisterOfficeController } from './register-office/register-office.controller';
import { RegisterOfficeHandler } from './register-office/register-office.handler';
import { SupportOfficeController } from './support-office/support-office.controller';

@Module({
  imports: [StaffModule],
  controllers: [
    RegisterOfficeController,
    ApproveOfficeController,
    OfficeUsersController,
    PlanAccountsController,
    SupportOfficeController,
  ],
  providers: [
    {
      provide: Offices,
      inject: [ACCOUNTS, EVENT_STORE, VAULT],
      useFactory: (accounts: Accounts, store: EventStore, vault: Vault) =>
        new Offices(accounts, store, vault),
    },
    RegisterOfficeHandler,
  ],
  exports: [Offices],
})
export class OfficesModule {}

/**
 * Area: offices. Provider offices, employers, producers and payers (seed 004): office
 * registration and the plan's approval, the ID administrator's routes, accounts
 * plan staff create, the support view of an office. One `Offices` per process, over
 * CoreModule's accounts (producer registration and `GET /v1/me/permissions` are the
 * portal's routes, in PortalModule, over this module's `Offices`).
 * The routes of this folder (registration, approval, the ID administrator's, plan
 * accounts, support's view of an office) are queries and commands on the buses,
 * handled by OfficesHandlers.
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
import { ApproveOfficeHandler } from './approve-office/approve-office.handler';
import { OfficeUsersController } from './office-users/office-users.controller';
import {
  CreateOfficeUserHandler,
  OfficeUserHandler,
  OfficeUsersHandler,
  ResetOfficeUserPasswordHandler,
  SetOfficeFunctionHandler,
} from './office-users/office-users.handlers';
import { PlanAccountsController } from './plan-accounts/plan-accounts.controller';
import { CreatePlanAccountHandler } from './plan-accounts/plan-accounts.handler';
import { RegisterOfficeController } from './register-office/register-office.controller';
import { RegisterOfficeHandler } from './register-office/register-office.handler';
import {
  SupportOfficeController,
  SupportOfficesController,
} from './support-office/support-office.controller';
import {
  OfficeHistoryHandler,
  OfficesByStatusHandler,
  SupportOfficeHandler,
} from './support-office/support-office.handlers';

export const OfficesHandlers = [
  RegisterOfficeHandler,
  ApproveOfficeHandler,
  OfficeUsersHandler,
  OfficeUserHandler,
  CreateOfficeUserHandler,
  ResetOfficeUserPasswordHandler,
  SetOfficeFunctionHandler,
  CreatePlanAccountHandler,
  SupportOfficeHandler,
  OfficeHistoryHandler,
  OfficesByStatusHandler,
];

@Module({
  imports: [StaffModule],
  controllers: [
    RegisterOfficeController,
    ApproveOfficeController,
    OfficeUsersController,
    PlanAccountsController,
    SupportOfficesController,
    SupportOfficeController,
  ],
  providers: [
    {
      provide: Offices,
      inject: [ACCOUNTS, EVENT_STORE, VAULT],
      useFactory: (accounts: Accounts, store: EventStore, vault: Vault) =>
        new Offices(accounts, store, vault),
    },
    ...OfficesHandlers,
  ],
  exports: [Offices],
})
export class OfficesModule {}

/**
 * Area: offices. Provider offices, employers, producers and payers (seed 004): office
 * registration and the plan's approval, the ID administrator's routes, accounts
 * plan staff create, the support view of an office, producer registration and
 * `GET /v1/me/permissions`. One `Offices` per process, over CoreModule's accounts.
 * The routes of this folder (registration, approval, the ID administrator's, plan
 * accounts, support's view of an office) are queries and commands on the buses,
 * handled by OfficesHandlers.
 */
import { Module } from '@nestjs/common';
import type { Accounts } from '@portal/accounts';
import { Offices } from '@portal/offices';
import { ACCOUNTS } from '../accounts.provider';
import { PermissionsController } from '../portal/permissions/permissions.controller';
import { RegisterProducerController } from '../portal/register-producer/register-producer.controller';
import { RegisterProducerHandler } from '../portal/register-producer/register-producer.handler';
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
import { SupportOfficeController } from './support-office/support-office.controller';
import { OfficeHistoryHandler, SupportOfficeHandler } from './support-office/support-office.handlers';

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
  RegisterProducerHandler,
];

@Module({
  imports: [StaffModule],
  controllers: [
    RegisterOfficeController,
    ApproveOfficeController,
    OfficeUsersController,
    PlanAccountsController,
    SupportOfficeController,
    RegisterProducerController,
    PermissionsController,
  ],
  providers: [
    { provide: Offices, inject: [ACCOUNTS], useFactory: (accounts: Accounts) => new Offices(accounts) },
    ...OfficesHandlers,
  ],
})
export class OfficesModule {}

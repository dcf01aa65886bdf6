/**
 * Provider offices, employers, producers and payers (seed 004): office
 * registration and the plan's approval, the ID administrator's routes, accounts
 * plan staff create, the support view of an office, producer registration and
 * `GET /v1/me/permissions`. One `Offices` per process, over CoreModule's accounts.
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
    RegisterProducerController,
    PermissionsController,
  ],
  providers: [
    { provide: Offices, inject: [ACCOUNTS], useFactory: (accounts: Accounts) => new Offices(accounts) },
    RegisterOfficeHandler,
    RegisterProducerHandler,
  ],
})
export class OfficesModule {}

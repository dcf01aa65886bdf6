/**
 * Area: admin. Operators' routes under `/v1/admin`: the read models and their
 * rebuild, erasure of an account's personal data. Every route is a query or command
 * on the buses, handled by one of AdminHandlers.
 */
import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { EraseAccountController } from './erase-account/erase-account.controller';
import { EraseAccountHandler } from './erase-account/erase-account.handler';
import { ReadModelsAdminController } from './read-models/read-models.controller';
import { AskForReadModelJobHandler, ReadModelsStatusHandler } from './read-models/read-models.handlers';

export const AdminHandlers = [ReadModelsStatusHandler, AskForReadModelJobHandler, EraseAccountHandler];

@Module({
  imports: [StaffModule],
  controllers: [ReadModelsAdminController, EraseAccountController],
  providers: [...AdminHandlers],
})
export class AdminModule {}

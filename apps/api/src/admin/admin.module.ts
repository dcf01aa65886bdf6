import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { AccountErasureController } from './account-erasure.controller';
import { ReadModelsAdminController } from './read-models.controller';

/** Operators' routes: the read models and their rebuild, erasure of an account's personal data. */
@Module({ imports: [StaffModule], controllers: [ReadModelsAdminController, AccountErasureController] })
export class AdminModule {}

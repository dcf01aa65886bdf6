import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { EraseAccountController } from './erase-account/erase-account.controller';
import { ReadModelsAdminController } from './read-models.controller';

/** Operators' routes: the read models and their rebuild, erasure of an account's personal data. */
@Module({ imports: [StaffModule], controllers: [ReadModelsAdminController, EraseAccountController] })
export class AdminModule {}

import { Module } from '@nestjs/common';
import { ReadModelsAdminController } from '../admin/read-models.controller';
import { StaffModule } from '../staff';
import { AuditController } from './audit.controller';

/** Auditors' and operators' routes. */
@Module({ imports: [StaffModule], controllers: [AuditController, ReadModelsAdminController] })
export class AuditModule {}

import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { AuditController } from './audit.controller';

/** Auditors' routes. */
@Module({ imports: [StaffModule], controllers: [AuditController] })
export class AuditModule {}

import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { ConsoleModule } from './console/console.module';
import { OfficesModule } from './offices/offices.module';
import { PortalModule } from './portal/portal.module';
import { StaffModule } from './staff/staff.module';
import { StaffSessionModule } from './staff-session/staff-session.module';
import { StaffSsoModule } from './staff-sso/staff-sso.module';
import { SupportModule } from './support/support.module';

/**
 * The HTTP API: portal, support and audit routes over the command and query buses, and
 * the staff console's files (ConsoleModule).
 * Needs CoreModule (configuration, logger, event store) from whoever boots it:
 * its own main.ts, or apps/standalone with the other roles.
 */
@Module({
  imports: [
    CqrsModule.forRoot(),
    PortalModule,
    StaffModule,
    StaffSessionModule,
    StaffSsoModule,
    SupportModule,
    AuditModule,
    AdminModule,
    OfficesModule,
    ConsoleModule,
  ],
})
export class ApiModule {}

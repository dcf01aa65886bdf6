/**
 * Area: staff sessions. `POST` and `DELETE /v1/staff/session`: the console's sign-in
 * with password and authenticator code, and sign-out. Each is a command on the bus.
 */
import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { StaffSessionController } from './staff-session.controller';
import { EndStaffSessionHandler, StartStaffSessionHandler } from './staff-session.handlers';

@Module({
  imports: [StaffModule],
  controllers: [StaffSessionController],
  providers: [StartStaffSessionHandler, EndStaffSessionHandler],
})
export class StaffSessionModule {}

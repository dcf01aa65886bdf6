import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type SignIn, StaffSignInService } from '@portal/staff';
import { StaffSessions } from '../staff/staff-sessions';
import { EndStaffSessionCommand, StartStaffSessionCommand } from './staff-session.commands';

@CommandHandler(StartStaffSessionCommand)
export class StartStaffSessionHandler implements ICommandHandler<StartStaffSessionCommand> {
  constructor(
    private readonly signIn: StaffSignInService,
    private readonly sessions: StaffSessions,
  ) {}

  async execute({ staffId, password, code }: StartStaffSessionCommand): Promise<SignIn & { token?: string }> {
    const result = await this.signIn.signIn(staffId, password, code, new Date());
    return result.ok ? { ...result, token: this.sessions.start(result.staffId) } : result;
  }
}

@CommandHandler(EndStaffSessionCommand)
export class EndStaffSessionHandler implements ICommandHandler<EndStaffSessionCommand> {
  constructor(private readonly sessions: StaffSessions) {}

  execute({ token }: EndStaffSessionCommand): Promise<{ ended: boolean }> {
    return Promise.resolve({ ended: token !== undefined && this.sessions.end(token) });
  }
}

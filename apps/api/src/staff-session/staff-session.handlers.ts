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

  /** The sign-in is recorded (its code's step spent) before the session starts. */
  async execute({
    staffId,
    password,
    code,
    ctx,
  }: StartStaffSessionCommand): Promise<SignIn & { token?: string }> {
    const result = await this.signIn.signIn(staffId, password, code, ctx);
    return result.ok ? { ...result, token: await this.sessions.start(result.staffId) } : result;
  }
}

@CommandHandler(EndStaffSessionCommand)
export class EndStaffSessionHandler implements ICommandHandler<EndStaffSessionCommand> {
  constructor(
    private readonly sessions: StaffSessions,
    private readonly signIn: StaffSignInService,
  ) {}

  /** The session ends first; a sign-out that cannot be recorded is the request's error, the session ended all the same. */
  async execute({ token, ctx }: EndStaffSessionCommand): Promise<{ ended: boolean }> {
    const ended = token === undefined ? undefined : await this.sessions.end(token);
    if (ended) await this.signIn.recordSignOut(ended.staffId, new Date(ended.startedAt), ctx);
    return { ended: ended !== undefined };
  }
}

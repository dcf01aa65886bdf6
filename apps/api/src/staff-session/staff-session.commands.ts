import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { SignIn } from '@portal/staff';

/**
 * Checks staff id, password and authenticator code; on success the sign-in is recorded
 * and a console session begins. `ctx`: the request's (time, client IP, user agent).
 */
export class StartStaffSessionCommand extends Command<SignIn & { token?: string }> {
  constructor(
    readonly staffId: string,
    readonly password: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Ends the session whose cookie this is, and records the sign-out (nothing when there is none live). */
export class EndStaffSessionCommand extends Command<{ ended: boolean }> {
  constructor(
    readonly token: string | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

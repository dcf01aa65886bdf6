import { Command } from '@nestjs/cqrs';
import type { SignIn } from '@portal/staff';

/** Checks staff id, password and authenticator code; on success a console session begins. */
export class StartStaffSessionCommand extends Command<SignIn & { token?: string }> {
  constructor(
    readonly staffId: string,
    readonly password: string,
    readonly code: string,
  ) {
    super();
  }
}

/** Ends the session whose cookie this is (nothing when there is none). */
export class EndStaffSessionCommand extends Command<{ ended: boolean }> {
  constructor(readonly token: string | undefined) {
    super();
  }
}

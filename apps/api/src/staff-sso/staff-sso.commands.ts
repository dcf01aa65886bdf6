import type { CommandContext } from '@portal/command';
import { Command } from '@nestjs/cqrs';
import type { RefusalWhy, StaffRole } from '@portal/staff';

/** A new single sign-on flow: the provider's URL to send the browser to and the sealed flow for its cookie. */
export class StartSsoCommand extends Command<{ url: string; flow: string }> {}

export type SsoSignIn =
  | { ok: true; staffId: string; roles: StaffRole[]; token: string }
  | { ok: false; why: RefusalWhy; staffId?: string; error?: string };

/** The provider's answer (the callback's query) against the browser's sealed flow; on success a console session begins. */
export class FinishSsoCommand extends Command<SsoSignIn> {
  constructor(
    readonly query: string,
    readonly flow: string | undefined,
    /** The request's correlation id, address and user agent (the actor is set once the staff id is known). */
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

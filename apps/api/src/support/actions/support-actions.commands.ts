import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

/** Unlock a locked account (refused with 409 NOT_LOCKED when it is not locked). */
export class UnlockAccountCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Email the member a temporary password that staff never see; every session of the account ends. */
export class IssueTemporaryPasswordCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly staffId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Email the member their username again; `sent` is false when the account has none to send (or is not active). */
export class SendUsernameReminderCommand extends Command<{ sent: boolean }> {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/**
 * Deactivate the account: its sessions end, its username, email and member id are freed, and the member is
 * emailed. `reason`: `owner` when the member asked for it, `support` for support's own decision.
 * `deactivated` is false when it was not active (nothing recorded).
 */
export class DeactivateAccountCommand extends Command<{ deactivated: boolean }> {
  constructor(
    readonly accountId: string,
    readonly reason: 'owner' | 'support',
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

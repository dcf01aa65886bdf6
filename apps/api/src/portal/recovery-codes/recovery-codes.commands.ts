/**
 * One-time recovery codes for a lost authenticator app: shown once when made,
 * stored only as keyed hashes, each good for one log on.
 */
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { SessionGranted } from '../shared/session-grant';

/** The new codes, shown this once: each works one time, and issuing new ones ends the old. */
export interface RecoveryCodesIssued {
  codes: string[];
}

export class IssueRecoveryCodesCommand extends Command<RecoveryCodesIssued> {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class UseRecoveryCodeCommand extends Command<SessionGranted> {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

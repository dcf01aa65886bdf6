import type { CommandContext } from '@portal/command';

export class VerifyCodeCommand {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {}
}

export interface SessionGranted {
  sessionToken: string;
  mustChangePassword: boolean;
  /** When the session ends however active it is (the store's absolute timeout), ISO 8601. */
  expiresAt: string;
  /** A session not used for this long ends earlier (the store's idle timeout). */
  idleTimeoutSeconds: number;
}

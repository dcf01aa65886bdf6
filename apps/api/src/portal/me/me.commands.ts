import { Command } from '@nestjs/cqrs';

/** Ends the session this token hash names. */
export class LogOutCommand extends Command<void> {
  constructor(readonly sessionTokenHash: string) {
    super();
  }
}

/** Ends every session of the account, on every device. */
export class LogOutEverywhereCommand extends Command<void> {
  constructor(readonly accountId: string) {
    super();
  }
}

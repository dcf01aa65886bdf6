import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import type { Logger } from '@portal/observability';
import { LOGGER } from '@portal/runtime';
import { ACCOUNTS } from '../../accounts.provider';
import { ForgotUsernameCommand } from './forgot-username.command';

/**
 * Seed 004: "Enter your email address … your username will be sent to your email."
 * The caller hears the same thing at once whether or not an account has the
 * address; the lookup and the event (which the delivery reactor mails) happen after the answer, so the time does
 * not tell either.
 */
@CommandHandler(ForgotUsernameCommand)
export class ForgotUsernameHandler implements ICommandHandler<ForgotUsernameCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ email, ctx }: ForgotUsernameCommand): Promise<void> {
    setImmediate(() => {
      this.remind(email, ctx).catch((error: unknown) =>
        // Reported, with the request's reference; the person can ask again.
        this.logger.error(
          { correlationId: ctx.correlationId, errorName: (error as Error).name },
          'username reminder failed',
        ),
      );
    });
  }

  private async remind(email: string, ctx: ForgotUsernameCommand['ctx']): Promise<void> {
    const accountId = await this.accounts.holder('email', email);
    if (!accountId) return;
    // UsernameReminderSent, when the decider allows one, is mailed by the delivery reactor.
    await this.accounts.run(
      accountId,
      { type: 'SendUsernameReminder', now: ctx.occurredAt.getTime() },
      { ...ctx, actor: { kind: 'anonymous' } },
    );
  }
}

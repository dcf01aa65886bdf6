import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import type { ReservationKind } from '@portal/command';
import { type AccountCommand, AccountErrors, DomainError } from '@portal/domain';
import { ACCOUNTS } from '../../accounts.provider';
import { ReactivateCommand } from './reactivate.command';
import { accountOfReactivationToken } from '../shared/reactivation-token';

const INVALID = AccountErrors.reactivationInvalid;

/**
 * Undoes a deactivation by wrong security answers, from the link emailed to the owner.
 * The decider checks the token (this deactivation's, unused, not expired) first, without
 * recording anything; then the username, email and member id the deactivation freed are
 * taken back; then `Reactivated` is recorded. A value someone registered since is not
 * taken from them: the reactivation is refused (the owner registers again or calls
 * support) and what this call took is given back.
 */
@CommandHandler(ReactivateCommand)
export class ReactivateHandler implements ICommandHandler<ReactivateCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ token, ctx }: ReactivateCommand): Promise<void> {
    const accountId = accountOfReactivationToken(token);
    if (!accountId) throw INVALID();
    const command: AccountCommand = {
      type: 'Reactivate',
      tokenHash: this.accounts.codeHash('reactivation', token),
      now: ctx.occurredAt.getTime(),
    };
    const self = { ...ctx, actor: { kind: 'self' as const, accountId } };
    await this.accounts.rehearse(accountId, command, self);
    const state = await this.accounts.state(accountId);
    const values: [ReservationKind, string | undefined][] = [
      ['username', state.username],
      ['email', state.profile?.email],
      ['member', state.profile?.memberId],
    ];
    const taken: [ReservationKind, string][] = [];
    try {
      for (const [kind, value] of values) {
        if (!value) continue;
        try {
          if (await this.accounts.claim(kind, value, accountId, self)) taken.push([kind, value]);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          throw AccountErrors.reactivationNotPossible();
        }
      }
      await this.accounts.run(accountId, command, self);
    } catch (error) {
      for (const [kind, value] of taken.reverse()) await this.accounts.release(kind, value, accountId, self);
      throw error;
    }
  }
}

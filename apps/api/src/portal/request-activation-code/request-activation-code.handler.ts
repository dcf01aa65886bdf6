import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { rosterMismatch } from '@portal/domain';
import { activationCode, normaliseActivationCode } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import { RefusalTiming } from '../shared/refusal-timing';
import { RequestActivationCodeCommand } from './request-activation-code.command';

/**
 * Checks the person against the roster and issues a code (21 days). The delivery
 * reactor turns `ActivationCodeIssued` into a letter job; the worker prints the
 * letter to the home address on the roster, hands it to the mail vendor and
 * records `ActivationCodeMailed` with the expected delivery (5 business days). An
 * account already registered gets no letter but an email to its owner
 * (`AlreadyRegisteredNoticeSent`), and the caller hears the same thing either way.
 */
@CommandHandler(RequestActivationCodeCommand)
export class RequestActivationCodeHandler implements ICommandHandler<RequestActivationCodeCommand> {
  /** Issuing a code seals it with a new data key; the registered member's answer waits as long. */
  private readonly issued = new RefusalTiming();

  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RequestActivationCodeCommand): Promise<void> {
    const entry = await this.accounts.findRosterMember(r);
    if (!entry) throw rosterMismatch();
    const started = performance.now();
    const holder = await this.accounts.holder('member', entry.memberId);
    if (holder && (await this.accounts.state(holder)).status === 'active') {
      // No letter: the owner is emailed that someone asked, with the username. The caller hears the same.
      await this.accounts.run(
        holder,
        { type: 'SendAlreadyRegisteredNotice', matched: 'member', now: ctx.occurredAt.getTime() },
        { ...ctx, actor: { kind: 'anonymous' } },
      );
      await this.issued.padUnknown(performance.now() - started);
      return;
    }
    const accountId = holder ?? randomUUID();
    if (!holder) await this.accounts.claim('member', entry.memberId, accountId, ctx);
    const code = activationCode();
    await this.accounts.run(
      accountId,
      {
        type: 'RequestActivationCode',
        accountId,
        memberId: entry.memberId,
        rosterMatched: true,
        codeId: randomUUID(),
        codeHash: this.accounts.codeHash('activation', normaliseActivationCode(code)),
        codeSealed: await this.accounts.seal(accountId, code),
        now: ctx.occurredAt.getTime(),
      },
      ctx,
    );
    this.issued.record(performance.now() - started);
  }
}

import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Accounts, addBusinessDays } from '@portal/accounts';
import { rosterMismatch } from '@portal/domain';
import { activationCode, normaliseActivationCode } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import { RequestActivationCodeCommand } from './request-activation-code.command';

/**
 * Checks the person against the roster, issues a code (21 days) and mails it to
 * the home address on the roster, then records the dispatch and the expected
 * delivery (5 business days). An account already registered gets no letter, and
 * the caller hears the same thing either way.
 */
@CommandHandler(RequestActivationCodeCommand)
export class RequestActivationCodeHandler implements ICommandHandler<RequestActivationCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ request: r, ctx }: RequestActivationCodeCommand): Promise<void> {
    const entry = await this.accounts.deps.roster.findMember(r);
    if (!entry) throw rosterMismatch();
    const holder = await this.accounts.holder('member', entry.memberId);
    if (holder && (await this.accounts.state(holder)).status === 'active') return;
    const accountId = holder ?? randomUUID();
    if (!holder) await this.accounts.claim('member', entry.memberId, accountId, ctx);
    const code = activationCode();
    const codeId = randomUUID();
    const now = ctx.occurredAt.getTime();
    const system = { ...ctx, actor: { kind: 'system' as const, component: 'activation-letters' } };
    const issued = await this.accounts.run(
      accountId,
      {
        type: 'RequestActivationCode',
        accountId,
        memberId: entry.memberId,
        rosterMatched: true,
        codeId,
        codeHash: this.accounts.codeHash('activation', normaliseActivationCode(code)),
        codeSealed: await this.accounts.deps.vault.seal(accountId, code),
        now,
      },
      ctx,
    );
    const expiresAt = issued.state.activation?.expiresAt ?? now;
    const a = entry.address;
    const reference = await this.accounts.deps.letters.send({
      address: [
        `${entry.firstName} ${entry.lastName}`,
        a.line1,
        ...(a.line2 ? [a.line2] : []),
        `${a.city}, ${a.state} ${a.postalCode}`,
      ],
      body: [
        `Your activation code: ${code}`,
        `It works until ${new Date(expiresAt).toISOString().slice(0, 10)}.`,
        'To register, go to the member portal, choose "Register with an activation code", and enter it with your member id.',
      ].join('\n'),
    });
    await this.accounts.run(
      accountId,
      {
        type: 'RecordActivationCodeMailed',
        codeId,
        vendorReference: reference,
        expectedDeliveryAt: addBusinessDays(new Date(now), 5).getTime(),
        now,
      },
      system,
    );
  }
}

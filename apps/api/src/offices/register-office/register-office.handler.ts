import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { AccountErrors, checkPassword, checkUsername, DomainError, officeDecider } from '@portal/domain';
import { Offices } from '@portal/offices';
import { ACCOUNTS } from '../../accounts.provider';
import { formFields, registerAccount } from '../../portal/shared/registration';
import { RegisterOfficeCommand } from './register-office.command';

/**
 * The office's NPI first (one office per NPI: a second registration is refused), then
 * the administrator's account (it holds the username and email), then the office
 * naming it as its first ID administrator, pending the plan's approval.
 *
 * Three streams, one at a time: a request cut off part way leaves an NPI claim with no
 * office behind it, which expires (libs/command/src/reservation.ts), and the same form
 * sent again finishes it. The claim carries the request's fingerprint, so the retry
 * finds the office id it was made for; the administrator's id is derived from the
 * office id, so the retry also finds an account the cut-off request had recorded.
 */
@CommandHandler(RegisterOfficeCommand)
export class RegisterOfficeHandler implements ICommandHandler<RegisterOfficeCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    private readonly offices: Offices,
  ) {}

  async execute({ request: r, ctx }: RegisterOfficeCommand): Promise<{ officeId: string }> {
    const npiClaim = this.accounts.claimFingerprint([
      ['npi', r.npi],
      ['username', r.username],
      ['email', r.email],
    ]);
    const officeId = (await this.accounts.abandonedClaimant([['npi', r.npi]], npiClaim)) ?? randomUUID();
    const accountId = administratorId(this.accounts, officeId);
    const office = {
      type: 'RegisterOffice' as const,
      officeId,
      name: r.officeName,
      npi: r.npi,
      taxId: r.taxId,
    };
    // The office's field errors with the credentials' ones, all at once, before anything is written.
    const dryRun = officeDecider.decide(
      { ...office, administratorId: accountId },
      officeDecider.initialState(),
    );
    if (dryRun.rejection?.fields) {
      const fields = {
        ...dryRun.rejection.fields,
        ...checkUsername(r.username, this.accounts.policy),
        ...checkPassword(r.password, r.username, this.accounts.policy, 'password', 'provider'),
      };
      throw AccountErrors.validationFailed(fields);
    }
    // The NPI is public (the NPPES registry): saying that its office is registered tells nothing personal.
    await this.accounts.claim('npi', r.npi, officeId, ctx, npiClaim);
    const giveBackNpi = () => this.accounts.release('npi', r.npi, officeId, ctx);
    const outcome = await registerAccount(
      this.accounts,
      ctx,
      r,
      [
        ['username', r.username],
        ['email', r.email],
      ],
      (id, hashes) => ({
        type: 'RegisterOfficeAdministrator',
        accountId: id,
        office: { kind: 'office', id: officeId, name: r.officeName.trim() },
        profile: {
          firstName: r.firstName,
          lastName: r.lastName,
          dateOfBirth: r.dateOfBirth,
          email: r.email,
          phone: r.phone,
        },
        ...formFields(r, hashes, ctx),
      }),
      accountId,
    ).catch(async (error: unknown) => {
      // Recorded by this form's earlier, cut-off send: its office is what is left to record.
      if (
        error instanceof DomainError &&
        error.code === 'ALREADY_REGISTERED' &&
        (await this.accounts.state(accountId)).organisation?.id === officeId
      )
        return 'registered' as const;
      await giveBackNpi();
      throw error;
    });
    // The email belongs to another account, whose owner was told: the same answer, and no office waiting
    // for staff approval under an administrator who does not exist.
    if (outcome === 'owner-notified') {
      await giveBackNpi();
      return { officeId };
    }
    await this.offices.run(
      officeId,
      { ...office, administratorId: accountId },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
    return { officeId };
  }
}

/** The office's first administrator's account id: derived from the office id, the same at every send of one form. */
function administratorId(accounts: Accounts, officeId: string): string {
  return accounts.keyedUuid('npi', `administrator\0${officeId}`);
}

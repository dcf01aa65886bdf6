import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Accounts } from '@portal/accounts';
import { checkPassword, checkUsername, DomainError, officeDecider } from '@portal/domain';
import { Offices } from '@portal/offices';
import { ACCOUNTS } from '../../accounts.provider';
import { formFields, registerAccount } from '../../portal/registration';
import { RegisterOfficeCommand } from './register-office.command';

/**
 * The office's NPI first (one office per NPI: a second registration is refused), then
 * the administrator's account (it holds the username and email), then the office
 * naming it as its first ID administrator, pending the plan's approval.
 */
@CommandHandler(RegisterOfficeCommand)
export class RegisterOfficeHandler implements ICommandHandler<RegisterOfficeCommand> {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    private readonly offices: Offices,
  ) {}

  async execute({ request: r, ctx }: RegisterOfficeCommand): Promise<{ officeId: string }> {
    const officeId = randomUUID();
    const accountId = randomUUID();
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
        ...checkPassword(r.password, r.username, this.accounts.policy),
      };
      throw new DomainError(
        'VALIDATION_FAILED',
        'Some fields need attention. Each is named in "fields".',
        fields,
      );
    }
    // The NPI is public (the NPPES registry): saying that its office is registered tells nothing personal.
    await this.accounts.claim('npi', r.npi, officeId, ctx);
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

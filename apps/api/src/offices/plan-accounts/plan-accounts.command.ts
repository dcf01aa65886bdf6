import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';
import type { NewPerson } from '@portal/offices';
import type { Organisation } from '@portal/domain';

/** An employer or payer account, created by plan staff; the person gets a temporary password by email. */
export class CreatePlanAccountCommand extends Command<{ accountId: string }> {
  constructor(
    readonly staffId: string,
    readonly person: NewPerson,
    readonly organisation: Organisation & { kind: 'employer' | 'payer' },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

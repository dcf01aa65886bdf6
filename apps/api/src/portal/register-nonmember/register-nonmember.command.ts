import type { CommandContext } from '@portal/command';
import type { RegisterNonmemberRequest } from './register-nonmember.request';

export class RegisterNonmemberCommand {
  constructor(
    readonly request: RegisterNonmemberRequest,
    readonly ctx: CommandContext,
  ) {}
}

import type { CommandContext } from '@portal/command';
import type { RegisterMemberRequest } from './register-member.request';

export class RegisterMemberCommand {
  constructor(
    readonly request: RegisterMemberRequest,
    readonly ctx: CommandContext,
  ) {}
}

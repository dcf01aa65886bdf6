import type { CommandContext } from '@portal/command';

/** Seed 004: 'click "Forgot Password" … enter your username … verify your identity using 2-step verification … reset your password.' */
export class StartResetCommand {
  constructor(
    readonly username: string,
    readonly ctx: CommandContext,
  ) {}
}

export class VerifyResetCodeCommand {
  constructor(
    readonly resetToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {}
}

export class CompleteResetCommand {
  constructor(
    readonly resetToken: string,
    readonly newPassword: string,
    readonly ctx: CommandContext,
  ) {}
}

export interface Identity {
  lastName: string;
  dateOfBirth: string;
  username?: string;
  memberId?: string;
}

export class AskSecurityQuestionCommand {
  constructor(
    readonly identity: Identity,
    readonly ctx: CommandContext,
  ) {}
}

export class AnswerSecurityQuestionCommand {
  constructor(
    readonly resetToken: string,
    readonly identity: Identity,
    readonly answer: string,
    readonly ctx: CommandContext,
  ) {}
}

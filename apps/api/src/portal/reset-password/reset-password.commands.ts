import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/command';

/** The token that names this reset in its next steps. */
export interface ResetStarted {
  resetToken: string;
}

/** The account's security question, and the token its answer is sent with. */
export interface SecurityQuestionAsked {
  resetToken: string;
  question: string;
}

/** Seed 004: 'click "Forgot Password" … enter your username … verify your identity using 2-step verification … reset your password.' */
export class StartResetCommand extends Command<ResetStarted> {
  constructor(
    readonly username: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class VerifyResetCodeCommand extends Command<void> {
  constructor(
    readonly resetToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class CompleteResetCommand extends Command<void> {
  constructor(
    readonly resetToken: string,
    readonly newPassword: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export interface Identity {
  lastName: string;
  dateOfBirth: string;
  username?: string;
  memberId?: string;
}

export class AskSecurityQuestionCommand extends Command<SecurityQuestionAsked> {
  constructor(
    readonly identity: Identity,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** The question step's token alone names the account and proves the identity was given. */
export class AnswerSecurityQuestionCommand extends Command<void> {
  constructor(
    readonly resetToken: string,
    readonly answer: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/**
 * One-time recovery codes for a lost authenticator app: shown once when made,
 * stored only as keyed hashes, each good for one log on.
 */
import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { recoveryCodes } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';
import { SignedIn, type SignedInRequest } from '../shared/session.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import { completeLogin } from '../shared/session-grant';
import type { SessionGranted } from '../shared/session-grant';
import { RateLimited } from '../shared/rate-limit.guard';
import { LOGIN_TOKEN_EXAMPLE } from '../shared/login-token';

/** The new codes, shown this once: each works one time, and issuing new ones ends the old. */
export interface RecoveryCodesIssued {
  codes: string[];
}

export class IssueRecoveryCodesCommand extends Command<RecoveryCodesIssued> {
  constructor(
    readonly accountId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class UseRecoveryCodeCommand extends Command<SessionGranted> {
  constructor(
    readonly loginToken: string,
    readonly code: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class UseRecoveryCodeRequest {
  @ApiProperty({ description: 'From step 1 of log on', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  loginToken!: string;
  @ApiProperty({ example: 'K7M4PQ9XTA' })
  @Matches(/^[A-Za-z0-9]{10}$/, { message: 'code must be one of your 10-character recovery codes' })
  code!: string;
}

const normalise = (code: string) => code.toUpperCase();

@CommandHandler(IssueRecoveryCodesCommand)
export class IssueRecoveryCodesHandler implements ICommandHandler<IssueRecoveryCodesCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  async execute({ accountId, ctx }: IssueRecoveryCodesCommand): Promise<RecoveryCodesIssued> {
    const codes = recoveryCodes();
    await this.accounts.run(
      accountId,
      {
        type: 'IssueRecoveryCodes',
        codeHashes: codes.map((c) => this.accounts.codeHash('recovery', c)),
        now: ctx.occurredAt.getTime(),
      },
      { ...ctx, actor: { kind: 'self', accountId } },
    );
    return { codes };
  }
}

@CommandHandler(UseRecoveryCodeCommand)
export class UseRecoveryCodeHandler implements ICommandHandler<UseRecoveryCodeCommand> {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  execute({ loginToken, code, ctx }: UseRecoveryCodeCommand): Promise<SessionGranted> {
    return completeLogin(this.accounts, loginToken, ctx, (_state, { loginId, sessionId }) => ({
      type: 'UseRecoveryCode',
      loginId,
      codeHash: this.accounts.codeHash('recovery', normalise(code)),
      sessionId,
      now: ctx.occurredAt.getTime(),
    }));
  }
}

@ApiTags('portal')
@SignedIn()
@Controller('v1/me/recovery-codes')
export class RecoveryCodesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ten one-time recovery codes for a lost authenticator app. Shown only now; earlier codes stop working.',
  })
  issue(@Req() req: SignedInRequest & PortalRequest): Promise<{ codes: string[] }> {
    const accountId = req.session!.accountId;
    return this.commands.execute(new IssueRecoveryCodesCommand(accountId, contextOf(req, accountId)));
  }
}

@ApiTags('portal')
@Controller('v1/login')
export class UseRecoveryCodeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('verify-recovery-code')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Step 2 of log on with a recovery code instead of the app. Each code works once.',
  })
  use(@Body() body: UseRecoveryCodeRequest, @Req() req: PortalRequest): Promise<SessionGranted> {
    return this.commands.execute(new UseRecoveryCodeCommand(body.loginToken, body.code, contextOf(req)));
  }
}

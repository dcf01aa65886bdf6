import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';
import { ChangePasswordCommand } from '../change-password/change-password.command';
import { ChangePasswordRequest } from '../change-password/change-password.request';
import { contextOf, type PortalRequest } from '../request-context';
import { AllowedBeforePasswordChange, SignedIn, type SignedInRequest } from './session.guard';
import { RateLimited } from '../rate-limit.guard';

/** The signed-in account. Queries like this one will read the read models once the projector builds them. */
@ApiTags('portal')
@SignedIn()
@Controller('v1/me')
export class MeController {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    private readonly commands: CommandBus,
  ) {}

  @Post('password')
  @AllowedBeforePasswordChange()
  @RateLimited('credential')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Change the password (current one required). Ends every session of the account, this one included.',
  })
  async changePassword(
    @Body() body: ChangePasswordRequest,
    @Req() req: SignedInRequest & PortalRequest,
  ): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(
      new ChangePasswordCommand(accountId, body.currentPassword, body.newPassword, contextOf(req, accountId)),
    );
  }

  @Get()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'The signed-in account: username, email, status' })
  async me(@Req() req: SignedInRequest) {
    const state = await this.accounts.state(req.session!.accountId);
    return {
      username: state.username,
      email: state.profile?.email,
      kind: state.kind,
      status: state.status,
      emailVerified: state.emailVerified,
      mustChangePassword: state.mustChangePassword,
      authenticatorEnrolled: state.authenticator !== undefined,
    };
  }

  @Post('logout-everywhere')
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends every session of the account, on every device, this one included' })
  async logoutEverywhere(@Req() req: SignedInRequest): Promise<void> {
    await this.accounts.endAllSessions(req.session!.accountId);
  }

  @Post('logout')
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends this session' })
  async logout(@Req() req: SignedInRequest): Promise<void> {
    await this.accounts.endSession(req.sessionTokenHash!);
  }
}

import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowedBeforePasswordChange, SignedIn, type SignedInRequest } from '../shared/session.guard';
import { LogOutCommand, LogOutEverywhereCommand } from './me.commands';
import { GetMeQuery, type MeView } from './me.query';

/** The signed-in account: what it is, and ending its sessions. */
@ApiTags('portal')
@SignedIn()
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'The signed-in account: username, email, status' })
  me(@Req() req: SignedInRequest): Promise<MeView> {
    return this.queries.execute(new GetMeQuery(req.session!.accountId));
  }

  @Post('logout-everywhere')
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends every session of the account, on every device, this one included' })
  async logoutEverywhere(@Req() req: SignedInRequest): Promise<void> {
    await this.commands.execute(new LogOutEverywhereCommand(req.session!.accountId));
  }

  @Post('logout')
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends this session' })
  async logout(@Req() req: SignedInRequest): Promise<void> {
    await this.commands.execute(new LogOutCommand(req.sessionTokenHash!));
  }
}

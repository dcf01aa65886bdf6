import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../../portal/shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../../portal/shared/request-context';
import { RegisterOfficeCommand } from './register-office.command';
import { RegisterOfficeRequest } from './register-office.request';

@ApiTags('offices')
@Controller('v1/registrations')
export class RegisterOfficeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('provider-office')
  @RateLimited('credential')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register a provider office (name, NPI, tax id) and its first ID administrator. The office is pending until plan staff approve the administrator; field errors come back all at once.',
  })
  async register(
    @Body() body: RegisterOfficeRequest,
    @Req() req: PortalRequest,
  ): Promise<{ officeId: string; status: 'pending' }> {
    const { officeId } = await this.commands.execute(new RegisterOfficeCommand(body, contextOf(req)));
    return { officeId, status: 'pending' };
  }
}

import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Offices, type Permissions } from '@portal/offices';
import { SignedIn, type SignedInRequest } from '../me/session.guard';

/**
 * What the signed-in account may use, for portal frontends to decide what to
 * show. Read from the streams, not the read models, so a grant or revocation
 * shows at once; every route that needs a function checks it again itself.
 * Closed to a session that must first change its temporary password (403).
 */
@ApiTags('portal')
@SignedIn()
@Controller('v1/me/permissions')
export class PermissionsController {
  constructor(private readonly offices: Offices) {}

  @Get()
  @ApiOperation({
    summary:
      'The account’s kind, its office (id, name, pending or active) or organisation, and the portal functions it may use',
  })
  permissions(@Req() req: SignedInRequest): Promise<Permissions> {
    return this.offices.permissions(req.session!.accountId);
  }
}

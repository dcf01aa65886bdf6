import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import type { Permissions } from '@portal/offices';
import { SignedIn, type SignedInRequest } from '../shared/session.guard';
import { GetPermissionsQuery } from './permissions.query';

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
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'The account’s kind, its office (id, name, pending or active) or organisation, and the portal functions it may use',
  })
  permissions(@Req() req: SignedInRequest): Promise<Permissions> {
    return this.queries.execute(new GetPermissionsQuery(req.session!.accountId));
  }
}

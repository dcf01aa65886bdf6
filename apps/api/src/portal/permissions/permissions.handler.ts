import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Offices, type Permissions } from '@portal/offices';
import { GetPermissionsQuery } from './permissions.query';

/** Read from the streams, not the read models, so a grant or revocation shows at once. */
@QueryHandler(GetPermissionsQuery)
export class GetPermissionsHandler implements IQueryHandler<GetPermissionsQuery> {
  constructor(private readonly offices: Offices) {}

  execute({ accountId }: GetPermissionsQuery): Promise<Permissions> {
    return this.offices.permissions(accountId);
  }
}

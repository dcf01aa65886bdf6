import { Query } from '@nestjs/cqrs';
import type { Permissions } from '@portal/offices';

/** What the account may use: its kind, its office or organisation, and its portal functions. */
export class GetPermissionsQuery extends Query<Permissions> {
  constructor(readonly accountId: string) {
    super();
  }
}

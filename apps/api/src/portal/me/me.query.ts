import { Query } from '@nestjs/cqrs';
import type { AccountKind, AccountStatus } from '@portal/domain';

/** The signed-in account as its own pages show it. */
export interface MeView {
  username: string | undefined;
  email: string | undefined;
  phone: string | undefined;
  kind: AccountKind | undefined;
  status: AccountStatus;
  emailVerified: boolean;
  mustChangePassword: boolean;
  authenticatorEnrolled: boolean;
}

export class GetMeQuery extends Query<MeView> {
  constructor(readonly accountId: string) {
    super();
  }
}

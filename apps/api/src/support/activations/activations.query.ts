import { Query } from '@nestjs/cqrs';
import type { ActivationDoc, Page } from '@portal/read-models';

export type ActivationInFlight = ActivationDoc & { expired: boolean };

/** Activation codes issued and not yet used, awaiting their letter or mailed. */
export class ActivationsInFlightQuery extends Query<Page<ActivationInFlight>> {
  constructor(
    readonly state: ActivationDoc['state'],
    readonly page: { limit: number; after?: string },
  ) {
    super();
  }
}

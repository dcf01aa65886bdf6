/**
 * `activations`: activation codes and their letters in flight — issued and not
 * yet used, replaced or ended by deactivation. `state` says where the letter is
 * (`awaiting-letter` until the vendor took it, then `mailed`); the query drops
 * codes past `expiresAt`. A used or ended code becomes a tombstone.
 */
import type { AccountEventType } from '@portal/domain';
import type { Doc } from '@portal/documents';
import type { Projection } from '../model';

export interface ActivationDoc extends Doc {
  accountId: string;
  codeId: string;
  state: 'awaiting-letter' | 'mailed';
  issuedAt: string;
  expiresAt: string;
  mailedAt?: string;
  expectedDeliveryAt?: string;
  vendorReference?: string;
}

const TOUCHES: ReadonlySet<string> = new Set<AccountEventType>([
  'ActivationCodeIssued',
  'ActivationCodeMailed',
  'Registered',
  'Deactivated',
  'PersonalDataErased',
]);

export const activationsProjection: Projection<ActivationDoc> = {
  spec: { name: 'activations', indexes: ['state'] },
  // Only the events that can change a code in flight: the projector then reads no document for the rest.
  idsOf: (e) => (e.account && TOUCHES.has(e.account.event.type) ? [e.account.accountId] : []),
  project: (doc, e, accountId) => {
    const event = e.account?.event;
    switch (event?.type) {
      case 'ActivationCodeIssued':
        return {
          accountId,
          codeId: event.data.codeId,
          state: 'awaiting-letter',
          issuedAt: e.raw.metadata.occurredAt,
          expiresAt: event.data.expiresAt,
        };
      case 'ActivationCodeMailed':
        if (!doc || doc.codeId !== event.data.codeId) return undefined;
        return {
          ...doc,
          state: 'mailed',
          mailedAt: event.data.mailedAt,
          expectedDeliveryAt: event.data.expectedDeliveryAt,
          vendorReference: event.data.vendorReference,
        };
      case 'Registered':
      case 'Deactivated':
      case 'PersonalDataErased':
        return doc ? null : undefined;
      default:
        return undefined;
    }
  },
};

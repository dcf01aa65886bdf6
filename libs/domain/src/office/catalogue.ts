/**
 * The Office stream's event catalogue: each event type's schema version and its
 * personal fields, sealed with the office's own key (the tax id may be a sole
 * practitioner's SSN). The only source of OFFICE_EVENT_TYPES and
 * OFFICE_SEALED_FIELDS: an event type missing from the table fails to compile.
 */
import { type FieldPath, fieldsByType } from '../event-catalogue';
import type { OfficeEvent, OfficeEventType } from './events';

type DataOf<T extends OfficeEventType> = Extract<OfficeEvent, { type: T }>['data'];

export interface OfficeEventEntry<T extends OfficeEventType> {
  readonly version: number;
  readonly personal: readonly FieldPath<DataOf<T>>[];
}

const PLAIN = { version: 1, personal: [] } as const;

export const OFFICE_EVENT_CATALOGUE = {
  OfficeRegistered: { version: 1, personal: ['taxId'] },
  OfficeAdministratorApproved: PLAIN,
  OfficeUserCreated: PLAIN,
  OfficeUserPasswordReset: PLAIN,
  OfficeFunctionGranted: PLAIN,
  OfficeFunctionRevoked: PLAIN,
} as const satisfies { readonly [T in OfficeEventType]: OfficeEventEntry<T> };

export const OFFICE_EVENT_TYPES = Object.keys(OFFICE_EVENT_CATALOGUE) as readonly OfficeEventType[];

/** Sealed with the office's own key, like an account's personal data. */
export const OFFICE_SEALED_FIELDS = fieldsByType(OFFICE_EVENT_CATALOGUE, 'personal');

/**
 * The Office stream (`office-<uuid>`): a provider office, its users and the
 * functions each may use. Every change names who made it in `by`: a staff id for
 * the plan's approval, the acting ID administrator's account id otherwise. The
 * office's tax id is sealed by the infrastructure (it may be a sole
 * practitioner's SSN), listed in OFFICE_SEALED_FIELDS (catalogue.ts); nothing else here names a person.
 */
import type { DomainEvent } from '../decider';
import type { OfficeFunction } from './functions';

type E<T extends string, D extends object> = DomainEvent<T, D>;

export type OfficeEvent =
  | E<
      'OfficeRegistered',
      { officeId: string; name: string; npi: string; taxId: string; administratorId: string }
    >
  | E<'OfficeAdministratorApproved', { accountId: string; by: string }>
  | E<'OfficeUserCreated', { accountId: string; by: string }>
  | E<'OfficeUserPasswordReset', { accountId: string; by: string }>
  | E<'OfficeFunctionGranted', { accountId: string; function: OfficeFunction; by: string }>
  | E<'OfficeFunctionRevoked', { accountId: string; function: OfficeFunction; by: string }>;

export type OfficeEventType = OfficeEvent['type'];

/**
 * The portal functions an account may use, by audience. Seed 004 says an office's
 * ID administrator can "control access for website functions for your office
 * staff" but does not name the functions; the closed list below is the usual
 * set of a health plan's provider applications (eligibility and benefits,
 * claim status, referrals, prior authorizations, remittance advice) plus
 * `manage-users`, which makes its holder an ID administrator. Adding one is a
 * product decision: it changes what every office can grant.
 */
import type { AccountKind } from '../account/events';

export const OFFICE_FUNCTIONS = [
  'eligibility',
  'claims',
  'referrals',
  'authorizations',
  'remittance',
  'manage-users',
] as const;

export type OfficeFunction = (typeof OFFICE_FUNCTIONS)[number];

export function isOfficeFunction(value: unknown): value is OfficeFunction {
  return typeof value === 'string' && (OFFICE_FUNCTIONS as readonly string[]).includes(value);
}

/**
 * What the other audiences use, fixed by their kind (seed 004): members their plan
 * and benefit information and the Message Center; employers the Online Employer
 * Services; producers the tools the seed lists (Medicare enrollment, quoting,
 * commissions, summaries of benefits, marketing collateral); payers the services
 * their Payer Service Coordinator supports. Provider staff get what their office grants.
 */
export const AUDIENCE_FUNCTIONS: { readonly [K in Exclude<AccountKind, 'provider'>]: readonly string[] } = {
  member: ['plan-benefits', 'message-center'],
  nonmember: ['patient-profile'],
  employer: ['employer-services'],
  producer: ['medicare-enrollment', 'quoting', 'commissions', 'benefit-summaries', 'marketing-collateral'],
  payer: ['payer-services'],
};

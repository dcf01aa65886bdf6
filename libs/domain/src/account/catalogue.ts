/**
 * The Account stream's event catalogue: for each event type its current schema
 * version (upcasters.ts lifts older ones), its personal fields (sealed with the
 * account's own key: erasing the key erases them everywhere), its secrets (codes
 * and keys still to be used, already sealed on the command: listed so that tests
 * and the canary checks know which fields may look random) and its projected
 * fields (the personal fields the projections need in clear, for search terms;
 * every other personal field reaches them still sealed, which is all they keep of
 * it). A projection that comes to need another value in clear adds it here.
 *
 * The only source of EVENT_TYPES, PERSONAL_DATA_FIELDS, SECRET_FIELDS,
 * PROJECTED_PERSONAL_FIELDS and SCHEMA_VERSIONS: an event type missing from the
 * table, or a field path its data does not have, fails to compile.
 */
import { type FieldPath, fieldsByType } from '../event-catalogue';
import type { AccountEvent, AccountEventType } from './events';

type DataOf<T extends AccountEventType> = Extract<AccountEvent, { type: T }>['data'];

export interface AccountEventEntry<T extends AccountEventType> {
  /** The schema version written now; 1 for a type never changed. */
  readonly version: number;
  readonly personal: readonly FieldPath<DataOf<T>>[];
  readonly secret: readonly FieldPath<DataOf<T>>[];
  /** A subset of `personal`. */
  readonly projected: readonly FieldPath<DataOf<T>>[];
}

const PROFILE = [
  'profile.firstName',
  'profile.lastName',
  'profile.dateOfBirth',
  'profile.email',
  'profile.phone',
  'profile.memberId',
  'profile.producerId',
] as const;

/** The profile fields the accounts projection makes search terms of. */
const PROFILE_PROJECTED = [
  'profile.lastName',
  'profile.dateOfBirth',
  'profile.email',
  'profile.phone',
  'profile.memberId',
] as const;

const PLAIN = { version: 1, personal: [], secret: [], projected: [] } as const;

export const ACCOUNT_EVENT_CATALOGUE = {
  // v2 of every type with personal fields: sealed together, one envelope per event
  // (libs/vault's PersonalDataCodec); v1 sealed each alone. Both decode alike.
  ActivationCodeIssued: {
    version: 2,
    personal: ['memberId'],
    secret: ['codeSealed'],
    projected: ['memberId'],
  },
  ActivationCodeMailed: PLAIN,
  ActivationCodeFailed: PLAIN,
  Registered: {
    version: 2,
    personal: [...PROFILE, 'securityQuestion'],
    secret: [],
    projected: PROFILE_PROJECTED,
  },
  LegacyAccountImported: {
    version: 2,
    personal: ['memberId', ...PROFILE],
    secret: [],
    projected: ['memberId', ...PROFILE_PROJECTED],
  },
  AccountCreated: { version: 2, personal: PROFILE, secret: [], projected: PROFILE_PROJECTED },
  UsernameCreated: { version: 2, personal: ['username'], secret: [], projected: ['username'] },
  // previousEmail reaches the projections sealed: only the worker opens it, for the notice.
  EmailChanged: { version: 2, personal: ['email', 'previousEmail'], secret: [], projected: ['email'] },
  // Kept sealed in the read models: no projection searches by a verified email.
  EmailVerified: { version: 2, personal: ['email'], secret: [], projected: [] },
  PasswordAccepted: PLAIN,
  PasswordHashUpgraded: PLAIN,
  PasswordResetRequested: PLAIN,
  // v1 named the counter `failures`; v2 calls it `consecutive`, which is what it always counted.
  LoginFailed: { ...PLAIN, version: 2 },
  Locked: PLAIN,
  Unlocked: PLAIN,
  OtpIssued: { ...PLAIN, secret: ['codeSealed'] },
  OtpFailed: PLAIN,
  OtpVerified: PLAIN,
  AuthenticatorCodeAccepted: PLAIN,
  RecoveryCodeUsed: PLAIN,
  LoginSucceeded: PLAIN,
  SecurityAnswerFailed: PLAIN,
  SecurityAnswerAccepted: PLAIN,
  Deactivated: { ...PLAIN, secret: ['reactivationSealed'] },
  Reactivated: PLAIN,
  PasswordChanged: PLAIN,
  PasswordReset: PLAIN,
  TemporaryPasswordIssued: { ...PLAIN, secret: ['passwordSealed'] },
  AuthenticatorAdded: { ...PLAIN, secret: ['secretSealed'] },
  AuthenticatorRemoved: PLAIN,
  RecoveryCodesIssued: PLAIN,
  UsernameReminderSent: PLAIN,
  AlreadyRegisteredNoticeSent: PLAIN,
  PersonalDataErased: PLAIN,
  // Self-service (self-service.ts): written at v2 like every type with personal fields.
  EmailChangeRequested: { version: 2, personal: ['email'], secret: ['codeSealed'], projected: [] },
  EmailChangeFailed: PLAIN,
  PhoneChanged: { version: 2, personal: ['phone'], secret: [], projected: ['phone'] },
  SecurityQuestionChanged: { version: 2, personal: ['securityQuestion'], secret: [], projected: [] },
  // Passkeys: the credential id and its name are the person's; the public key is not secret. Version 2 as
  // every type with personal fields (one envelope), though no version 1 was ever written.
  PasskeyRegistered: { version: 2, personal: ['credentialId', 'name'], secret: [], projected: [] },
  PasskeyUsed: PLAIN,
  PasskeyRenamed: { version: 2, personal: ['name'], secret: [], projected: [] },
  // Staff's reason is free text: it may name the person.
  PasskeyRemoved: { version: 2, personal: ['reason'], secret: [], projected: [] },
  PasskeySignCountRegressed: PLAIN,
} as const satisfies { readonly [T in AccountEventType]: AccountEventEntry<T> };

type Catalogue = typeof ACCOUNT_EVENT_CATALOGUE;
/** Compiles only while every projected field of every type is one of its personal fields. */
type ProjectedButNotPersonal = {
  [T in AccountEventType]: Exclude<Catalogue[T]['projected'][number], Catalogue[T]['personal'][number]>;
}[AccountEventType];
const projectedArePersonal: [ProjectedButNotPersonal] extends [never] ? true : never = true;
void projectedArePersonal;

/** Every Account event type, in the catalogue's order. */
export const EVENT_TYPES = Object.keys(ACCOUNT_EVENT_CATALOGUE) as readonly AccountEventType[];

/** Fields the infrastructure encrypts with the account's key; erasing the key erases them everywhere. */
export const PERSONAL_DATA_FIELDS = fieldsByType(ACCOUNT_EVENT_CATALOGUE, 'personal');

/** Secrets that must be usable later, already sealed on the command (they may look random). */
export const SECRET_FIELDS = fieldsByType(ACCOUNT_EVENT_CATALOGUE, 'secret');

/** The personal fields the projections need in clear (a subset of PERSONAL_DATA_FIELDS). */
export const PROJECTED_PERSONAL_FIELDS = fieldsByType(ACCOUNT_EVENT_CATALOGUE, 'projected');

/** The schema version of each type written at a version other than 1. */
export const SCHEMA_VERSIONS: { readonly [T in AccountEventType]?: number } = Object.fromEntries(
  EVENT_TYPES.filter((t) => ACCOUNT_EVENT_CATALOGUE[t].version !== 1).map((t) => [
    t,
    ACCOUNT_EVENT_CATALOGUE[t].version,
  ]),
);

/** The current schema version of `type` (1 for a type this build does not know). */
export function schemaVersionOf(type: AccountEventType): number {
  return (ACCOUNT_EVENT_CATALOGUE as Partial<Catalogue>)[type]?.version ?? 1;
}

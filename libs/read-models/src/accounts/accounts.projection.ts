/**
 * `accounts`: one document per account — what support's account page shows
 * (status, lock, deactivation, activation letter, authenticator, last login),
 * the login lookup (username, email, member id → account and status) and the
 * search terms. Personal values are kept only as the sealed strings of the
 * events (opened through the vault by authorised readers) and as keyed-hash
 * terms (search-keys.ts); erasure drops both.
 */
import type { AccountEvent, AccountEventType, AccountKind, Organisation } from '@portal/domain';
import type { Doc } from '@portal/documents';
import type { ProjectedEvent, Projection } from '../model';
import { type Envelopes, keptEnvelopes, sealedCopy } from '../sealed-copies';
import { type SearchField, type SearchKeys, termTag } from '../search-keys';

export type PersonalField =
  'username' | 'firstName' | 'lastName' | 'dateOfBirth' | 'email' | 'phone' | 'memberId';

export interface AccountDoc extends Doc {
  accountId: string;
  status: 'activation-pending' | 'active' | 'deactivated';
  kind?: AccountKind;
  /** The provider office, employer group or payer the account belongs to. */
  organisation?: Organisation;
  registeredAt?: string;
  registeredVia?: string;
  legacy: boolean;
  emailVerified: boolean;
  mustChangePassword: boolean;
  consecutiveFailures: number;
  lockedUntil?: string;
  deactivated?: { at: string; reason: string };
  activation?: {
    codeId: string;
    issuedAt: string;
    expiresAt: string;
    mailedAt?: string;
    expectedDeliveryAt?: string;
    vendorReference?: string;
    used: boolean;
  };
  authenticator: boolean;
  /** The account's passkeys (none: absent): support sees how many and when each was last used. */
  passkeys?: { passkeyId: string; registeredAt: string; lastUsedAt?: string }[];
  lastLogin?: { at: string; method: string };
  erased: boolean;
  /**
   * The sealed copies of the events' values, by field (sealed-copies.ts): opened only
   * for authorised readers.
   */
  sealed: Partial<Record<PersonalField, string>>;
  /** The envelopes the copies of `sealed` refer to, each once. */
  envelopes?: Envelopes;
  /**
   * The search terms (the indexed field), each once. Each starts with its field's tag
   * (`e:`, `lp:`…), so one changed value replaces only its own field's terms.
   */
  terms: string[];
  updatedAt: string;
}

const ERASED = '[erased]';

export function accountsProjection(keys: SearchKeys): Projection<AccountDoc> {
  return {
    spec: { name: 'accounts', indexes: ['terms'] },
    idsOf: (e) => (e.account ? [e.account.accountId] : []),
    project: (doc, e) => (e.account ? fold(keys, doc, e, e.account.accountId, e.account.event) : undefined),
  };
}

function fresh(accountId: string, at: string): AccountDoc {
  return {
    accountId,
    status: 'activation-pending',
    legacy: false,
    emailVerified: false,
    mustChangePassword: false,
    consecutiveFailures: 0,
    authenticator: false,
    erased: false,
    sealed: {},
    terms: [],
    updatedAt: at,
  };
}

/** Steps of a flow: in the history, not on the account page (answered before copying the document). */
const FLOW_STEPS: ReadonlySet<string> = new Set<AccountEventType>([
  'PasswordAccepted',
  'PasswordHashUpgraded',
  'PasswordResetRequested',
  'OtpIssued',
  'OtpFailed',
  'AuthenticatorCodeAccepted',
  'RecoveryCodeUsed',
  'SecurityAnswerFailed',
  'SecurityAnswerAccepted',
  'RecoveryCodesIssued',
  'UsernameReminderSent',
  'AlreadyRegisteredNoticeSent',
  'PasskeyRenamed',
  'PasskeySignCountRegressed',
]);

/**
 * A copy the fold may change: the objects it changes in place (sealed values,
 * the activation) are copied; every other field (terms included) is only ever
 * replaced whole. structuredClone of the whole document, terms included, cost
 * more than the rest of the fold.
 */
function copy(doc: AccountDoc): AccountDoc {
  const out: AccountDoc = {
    ...doc,
    sealed: { ...doc.sealed },
    ...(doc.activation ? { activation: { ...doc.activation } } : {}),
  };
  // Documents written before the terms were stored once also held them by group.
  delete (out as Doc).termsBy;
  return out;
}

const NAME_FIELDS: readonly SearchField[] = ['lastNameDob', 'lastNamePrefix'];

/** The document's terms with those of `fields` replaced by `next`. */
function replaceTerms(doc: AccountDoc, fields: readonly SearchField[], next: readonly string[]): void {
  const tags = fields.map(termTag);
  const kept = doc.terms.filter((t) => !tags.some((tag) => t.startsWith(tag)));
  doc.terms = next.length > 0 ? [...kept, ...next] : kept;
}

function fold(
  keys: SearchKeys,
  current: AccountDoc | undefined,
  e: ProjectedEvent,
  accountId: string,
  event: AccountEvent,
): AccountDoc | undefined {
  if (current && FLOW_STEPS.has(event.type)) return undefined;
  // An emailed code that came back proves the address (as the account's own state has it): once is enough.
  if (current?.emailVerified && event.type === 'OtpVerified') return undefined;
  const at = e.raw.metadata.occurredAt;
  const doc: AccountDoc = current ? copy(current) : fresh(accountId, at);
  doc.updatedAt = at;
  // The envelopes are worked out again only when a sealed copy changed (most events change none).
  let envelopes: Envelopes | undefined;
  const sealedOf = (path: string): string | undefined => {
    envelopes ??= { ...doc.envelopes };
    return sealedCopy(e, path, envelopes);
  };
  const term = (field: 'username' | 'email' | 'memberId' | 'phone', value: string | undefined) => {
    const t = value && value !== ERASED ? keys.term(field, value) : undefined;
    replaceTerms(doc, [field], t ? [t] : []);
  };

  switch (event.type) {
    case 'ActivationCodeIssued':
      doc.activation = {
        codeId: event.data.codeId,
        issuedAt: at,
        expiresAt: event.data.expiresAt,
        used: false,
      };
      setSealed(doc, 'memberId', sealedOf('memberId'));
      term('memberId', event.data.memberId);
      break;
    case 'ActivationCodeMailed':
      if (doc.activation?.codeId !== event.data.codeId) return undefined;
      doc.activation.mailedAt = event.data.mailedAt;
      doc.activation.expectedDeliveryAt = event.data.expectedDeliveryAt;
      doc.activation.vendorReference = event.data.vendorReference;
      break;
    case 'ActivationCodeFailed':
      return undefined;
    case 'Registered':
    case 'LegacyAccountImported':
    case 'AccountCreated': {
      const p = event.data.profile;
      doc.status = 'active';
      doc.kind = event.type === 'LegacyAccountImported' ? 'member' : event.data.kind;
      if (event.type !== 'LegacyAccountImported' && event.data.organisation)
        doc.organisation = event.data.organisation;
      doc.registeredAt = at;
      doc.registeredVia = event.type === 'LegacyAccountImported' ? 'legacy-import' : event.data.via;
      doc.legacy = event.type === 'LegacyAccountImported';
      doc.consecutiveFailures = 0;
      delete doc.lockedUntil;
      delete doc.deactivated;
      doc.mustChangePassword = false;
      if (doc.activation && event.type === 'Registered' && event.data.via === 'activation-code')
        doc.activation.used = true;
      for (const f of ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'memberId'] as const)
        setSealed(doc, f, sealedOf(`profile.${f}`));
      if (event.type === 'LegacyAccountImported') setSealed(doc, 'memberId', sealedOf('memberId'));
      term('email', p.email);
      term('phone', p.phone);
      term(
        'memberId',
        p.memberId ?? (event.type === 'LegacyAccountImported' ? event.data.memberId : undefined),
      );
      replaceTerms(
        doc,
        NAME_FIELDS,
        p.lastName && p.lastName !== ERASED
          ? [keys.lastNameDob(p.lastName, p.dateOfBirth), ...keys.lastNamePrefixes(p.lastName)].filter(
              (t): t is string => t !== undefined,
            )
          : [],
      );
      break;
    }
    case 'UsernameCreated':
      setSealed(doc, 'username', sealedOf('username'));
      term('username', event.data.username);
      doc.legacy = false;
      break;
    case 'EmailChanged':
      setSealed(doc, 'email', sealedOf('email'));
      term('email', event.data.email);
      doc.emailVerified = false;
      break;
    case 'PhoneChanged':
      setSealed(doc, 'phone', sealedOf('phone'));
      term('phone', event.data.phone);
      break;
    case 'EmailVerified':
    case 'OtpVerified':
      doc.emailVerified = true;
      break;
    case 'LoginFailed':
      doc.consecutiveFailures = event.data.consecutive;
      break;
    case 'Locked':
      doc.lockedUntil = event.data.until;
      doc.consecutiveFailures = event.data.consecutiveFailures;
      break;
    case 'Unlocked':
      delete doc.lockedUntil;
      doc.consecutiveFailures = 0;
      break;
    case 'LoginSucceeded':
      doc.lastLogin = { at, method: event.data.method };
      doc.consecutiveFailures = 0;
      break;
    case 'Deactivated':
      doc.status = 'deactivated';
      doc.deactivated = { at, reason: event.data.reason };
      delete doc.lockedUntil;
      break;
    case 'Reactivated':
      doc.status = 'active';
      delete doc.deactivated;
      break;
    case 'PasswordChanged':
      doc.mustChangePassword = false;
      break;
    case 'PasswordReset':
      doc.mustChangePassword = false;
      doc.consecutiveFailures = 0;
      delete doc.lockedUntil;
      break;
    case 'TemporaryPasswordIssued':
      doc.mustChangePassword = true;
      break;
    case 'AuthenticatorAdded':
      doc.authenticator = true;
      break;
    case 'AuthenticatorRemoved':
      doc.authenticator = false;
      break;
    case 'PersonalDataErased':
      doc.erased = true;
      doc.sealed = {};
      doc.terms = [];
      envelopes ??= { ...doc.envelopes };
      delete doc.passkeys;
      break;
    case 'PasskeyRegistered':
      doc.passkeys = [...(doc.passkeys ?? []), { passkeyId: event.data.passkeyId, registeredAt: at }];
      break;
    case 'PasskeyUsed':
      doc.passkeys = (doc.passkeys ?? []).map((p) =>
        p.passkeyId === event.data.passkeyId ? { ...p, lastUsedAt: event.data.usedAt } : p,
      );
      break;
    case 'PasskeyRemoved': {
      const left = (doc.passkeys ?? []).filter((p) => p.passkeyId !== event.data.passkeyId);
      if (left.length > 0) doc.passkeys = left;
      else delete doc.passkeys;
      break;
    }
    case 'PasswordAccepted':
    case 'PasswordResetRequested':
    case 'OtpIssued':
    case 'OtpFailed':
    case 'AuthenticatorCodeAccepted':
    case 'RecoveryCodeUsed':
    case 'SecurityAnswerFailed':
    case 'SecurityAnswerAccepted':
    case 'RecoveryCodesIssued':
    case 'UsernameReminderSent':
    case 'AlreadyRegisteredNoticeSent':
    case 'PasswordHashUpgraded':
    case 'EmailChangeRequested':
    case 'EmailChangeFailed':
    case 'SecurityQuestionChanged':
    case 'PasskeyRenamed':
    case 'PasskeySignCountRegressed':
      // Steps of a flow: in the history, not on the account page. A new document is still worth creating.
      if (current) return undefined;
      break;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
  if (envelopes) {
    const kept = keptEnvelopes(envelopes, Object.values(doc.sealed));
    if (kept) doc.envelopes = kept;
    else delete doc.envelopes;
  }
  return doc;
}

function setSealed(doc: AccountDoc, field: PersonalField, sealed: string | undefined): void {
  if (sealed) doc.sealed[field] = sealed;
  else delete doc.sealed[field];
}

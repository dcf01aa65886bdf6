/**
 * Blind indexes: read models never hold a searchable value in clear. Each value
 * support can search by is stored as a keyed hash (HMAC under the service's
 * secret, one purpose per field), so a copy of the read-model database reveals
 * nobody, and erasing an account removes its terms. Prefix search on the last
 * name stores one keyed hash per prefix (2 letters up to 20).
 */
import { normaliseLookup } from '@portal/domain';
import { normaliseName } from '@portal/roster';
import { keyedHash } from '@portal/security';

export type SearchField = 'username' | 'email' | 'memberId' | 'phone' | 'lastNameDob' | 'lastNamePrefix';

export const MIN_PREFIX = 2;
export const MAX_PREFIX = 20;

const TAG: Record<SearchField, string> = {
  username: 'u',
  email: 'e',
  memberId: 'm',
  phone: 'p',
  lastNameDob: 'nd',
  lastNamePrefix: 'lp',
};

/** How every term of a field starts (`e:` for email…): the account fold replaces one field's terms by it. */
export function termTag(field: SearchField): string {
  return `${TAG[field]}:`;
}

export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // A US number with or without its country code is one number.
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/**
 * Last-name prefix terms kept in memory (`lastNamePrefixes`). Many people share a
 * name's first letters, so a rebuild computed the same few thousand prefix terms again
 * and again: ~1 HMAC in 2 of a fill (bench/RESULTS.md, "Projector", issue 21). Emptied
 * when full.
 */
const PREFIX_MEMO = 20_000;

export class SearchKeys {
  private readonly prefixTerms = new Map<string, string>();

  constructor(private readonly hmacKey: Buffer) {}

  /** The stored term for a search value, or undefined when the value normalises to nothing. */
  term(field: SearchField, value: string): string | undefined {
    const normal = normalise(field, value);
    if (!normal) return undefined;
    return `${TAG[field]}:${keyedHash(this.hmacKey, 'search', `${TAG[field]}\0${normal}`)}`;
  }

  lastNameDob(lastName: string, dateOfBirth: string): string | undefined {
    const name = normaliseName(lastName);
    return name && dateOfBirth ? this.term('lastNameDob', `${name}|${dateOfBirth.trim()}`) : undefined;
  }

  /** Every prefix of the normalised last name from MIN_PREFIX to MAX_PREFIX letters. */
  lastNamePrefixes(lastName: string): string[] {
    const name = normaliseName(lastName);
    const out: string[] = [];
    for (let n = MIN_PREFIX; n <= Math.min(name.length, MAX_PREFIX); n++) {
      const prefix = name.slice(0, n);
      let term = this.prefixTerms.get(prefix);
      if (term === undefined) {
        term = this.term('lastNamePrefix', prefix)!;
        if (this.prefixTerms.size >= PREFIX_MEMO) this.prefixTerms.clear();
        this.prefixTerms.set(prefix, term);
      }
      out.push(term);
    }
    return out;
  }
}

function normalise(field: SearchField, value: string): string {
  switch (field) {
    case 'username':
      return normaliseLookup('username', value);
    case 'email':
      return normaliseLookup('email', value);
    case 'memberId':
      return normaliseLookup('member', value);
    case 'phone':
      return normalisePhone(value);
    case 'lastNameDob':
      return value;
    case 'lastNamePrefix':
      return normaliseName(value).slice(0, MAX_PREFIX);
  }
}

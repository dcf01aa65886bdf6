/**
 * How a value that names an account is compared: the one normalisation behind the
 * account lookups (libs/accounts), the reservations that keep those values unique
 * (libs/command's claim streams are keyed by it, so changing it for an input orphans
 * that input's stored claim: say so in the README's upgrade notes and rebuild), the
 * support search terms and the per-account rate-limit keys. Two spellings that reach
 * one account must never count as two accounts anywhere.
 */

/** `npi`: a provider office's NPI. */
export type LookupKind = 'username' | 'email' | 'member' | 'npi';

export function normaliseLookup(kind: LookupKind, value: string): string {
  switch (kind) {
    case 'username':
      // NFKC: fullwidth `ｐａｔ` and ligatures are the letters they look like.
      return value.normalize('NFKC').trim().toLowerCase();
    case 'email':
      return value.trim().toLowerCase();
    case 'member':
      // `demo-000 0001` and `DEMO0000001` are one member.
      return value.replace(/[\s-]/g, '').toUpperCase();
    case 'npi':
      return value.trim();
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
}

/**
 * The name a login step was given, for whatever counts attempts per account before any
 * lookup (rate limits): a login name is looked up as a username and as a member id, so
 * its key is the member form of its username form. Every pair of spellings that either
 * lookup takes for one account (member ids are ASCII: the roster's and the forms' rule)
 * gets one key.
 */
export function loginNameKey(value: string): string {
  return normaliseLookup('member', normaliseLookup('username', value));
}

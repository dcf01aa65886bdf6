/**
 * The member roster (eligibility source): who may register as a member, with the
 * home address an activation letter goes to. A query matches only when every
 * given field matches, and says nothing about which one did not.
 */
import { normaliseLookup } from '@portal/domain';

export interface RosterEntry {
  memberId: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  address: { line1: string; line2?: string; city: string; state: string; postalCode: string };
  planName?: string;
}

export interface RosterQuery {
  memberId: string;
  lastName: string;
  dateOfBirth: string;
  firstName?: string;
}

export interface Roster {
  findMember(query: RosterQuery): Promise<RosterEntry | undefined>;
  getByMemberId(memberId: string): Promise<RosterEntry | undefined>;
  ping(): Promise<void>;
}

/** Upper case without spaces or dashes: `demo-000 0001` and `DEMO0000001` are one member. */
export function normaliseMemberId(memberId: string): string {
  return normaliseLookup('member', memberId);
}

/**
 * Case, accents and surrounding spaces do not matter in names, nor whether an
 * apostrophe or a hyphen was typed curly or long (phone keyboards do it unasked).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u2010\u2011\u2013\u2014]/g, '-')
    .trim()
    .toLowerCase();
}

export function matches(entry: RosterEntry, q: RosterQuery): boolean {
  return (
    normaliseMemberId(entry.memberId) === normaliseMemberId(q.memberId) &&
    normaliseName(entry.lastName) === normaliseName(q.lastName) &&
    entry.dateOfBirth === q.dateOfBirth.trim() &&
    (q.firstName === undefined || normaliseName(entry.firstName) === normaliseName(q.firstName))
  );
}

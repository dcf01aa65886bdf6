/**
 * The one contract every Roster adapter must pass: a member is found only when every
 * given field matches (member ids without spaces, dashes or case; names without case
 * or accents), and the entry comes back exactly as loaded. All members are fictional.
 */
import type { Roster, RosterEntry } from '../roster';

export interface RosterFixture {
  roster: Roster;
  cleanup(): Promise<void>;
}

export const CONTRACT_MEMBERS: readonly RosterEntry[] = [
  {
    memberId: 'TEST-0000 001',
    firstName: 'Renée',
    lastName: "O'Connor-Zoë",
    dateOfBirth: '1970-01-02',
    address: {
      line1: '1 Test Way, Suite 5',
      line2: 'Floor "2"',
      city: 'Testville',
      state: 'MN',
      postalCode: '55401',
    },
    planName: 'Gold Example Plan',
  },
  {
    memberId: 'test0000002',
    firstName: 'Sam',
    lastName: 'Sample',
    dateOfBirth: '1985-12-31',
    address: { line1: '2 Sample Street', city: 'Exampleton', state: 'WI', postalCode: '53001' },
  },
];

const HEADER = [
  'memberId',
  'firstName',
  'lastName',
  'dateOfBirth',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'planName',
];

/** The eligibility file for these entries (RFC 4180, quoting where needed). */
export function rosterCsv(entries: readonly RosterEntry[]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = entries.map((e) =>
    [
      e.memberId,
      e.firstName,
      e.lastName,
      e.dateOfBirth,
      e.address.line1,
      e.address.line2 ?? '',
      e.address.city,
      e.address.state,
      e.address.postalCode,
      e.planName ?? '',
    ]
      .map(quote)
      .join(','),
  );
  return [HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

export function describeRosterContract(
  name: string,
  load: (entries: readonly RosterEntry[]) => Promise<RosterFixture>,
): void {
  describe(`Roster contract: ${name}`, () => {
    let fixture: RosterFixture;
    let roster: Roster;
    const [renee, sam] = CONTRACT_MEMBERS;

    beforeEach(async () => {
      fixture = await load(CONTRACT_MEMBERS);
      roster = fixture.roster;
    });
    afterEach(() => fixture.cleanup());

    it('finds a member whatever the spacing, dashes and case of the id, and the case and accents of the names', async () => {
      expect(
        await roster.findMember({
          memberId: ' test 0000-001 ',
          lastName: "o'connor-zoe",
          dateOfBirth: '1970-01-02',
        }),
      ).toEqual(renee);
      expect(
        await roster.findMember({
          memberId: 'TEST0000002',
          lastName: '  SAMPLE ',
          dateOfBirth: ' 1985-12-31',
          firstName: 'sam',
        }),
      ).toEqual(sam);
      expect(
        await roster.findMember({
          memberId: 'TEST-0000-001',
          lastName: "O'CONNOR-ZOË",
          dateOfBirth: '1970-01-02',
          firstName: 'RENEE',
        }),
      ).toEqual(renee);
      // A phone keyboard types the apostrophe curly (and some type a dash as an en dash).
      expect(
        await roster.findMember({
          memberId: 'TEST0000001',
          lastName: 'O\u2019Connor\u2013Zoë',
          dateOfBirth: '1970-01-02',
        }),
      ).toEqual(renee);
    });

    it('finds nothing when any one given field differs, whichever it is', async () => {
      const right = { memberId: 'TEST0000002', lastName: 'Sample', dateOfBirth: '1985-12-31' };
      expect(await roster.findMember(right)).toBeDefined();
      expect(await roster.findMember({ ...right, memberId: 'TEST0000001' })).toBeUndefined();
      expect(await roster.findMember({ ...right, memberId: 'TEST0000003' })).toBeUndefined();
      expect(await roster.findMember({ ...right, lastName: 'Sampel' })).toBeUndefined();
      expect(await roster.findMember({ ...right, lastName: '' })).toBeUndefined();
      expect(await roster.findMember({ ...right, dateOfBirth: '1985-12-30' })).toBeUndefined();
      expect(await roster.findMember({ ...right, dateOfBirth: '12/31/1985' })).toBeUndefined();
      expect(await roster.findMember({ ...right, firstName: 'Renée' })).toBeUndefined();
    });

    it('gives the letter worker the entry by member id, exactly as loaded, optional fields only when present', async () => {
      expect(await roster.getByMemberId('test-0000-001')).toEqual(renee);
      const entry = await roster.getByMemberId('TEST 0000 002');
      expect(entry).toEqual(sam);
      expect(entry).not.toHaveProperty('planName');
      expect(entry?.address).not.toHaveProperty('line2');
      expect(await roster.getByMemberId('TEST0000009')).toBeUndefined();
    });

    it('answers ping', async () => {
      await expect(roster.ping()).resolves.toBeUndefined();
    });
  });
}

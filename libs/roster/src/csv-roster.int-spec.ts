import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvRoster, RosterFileError } from './csv-roster';
import { describeRosterContract, rosterCsv } from './testing/roster.contract';

const DEMO = join(__dirname, '..', 'demo', 'roster.csv');

describeRosterContract('CSV file', async (entries) => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-contract-'));
  const file = join(dir, 'roster.csv');
  writeFileSync(file, rosterCsv(entries));
  return { roster: new CsvRoster(file), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('CsvRoster', () => {
  const roster = new CsvRoster(DEMO);

  it('finds a demo member when member id, last name and date of birth all match', async () => {
    const m = await roster.findMember({
      memberId: 'demo-000 0001',
      lastName: ' EXAMPLE ',
      dateOfBirth: '1980-04-01',
    });
    expect(m).toMatchObject({
      memberId: 'DEMO0000001',
      firstName: 'Pat',
      address: { city: 'Springfield', postalCode: '55401' },
    });
  });

  it('finds nothing when any one field differs, whichever it is', async () => {
    const right = { memberId: 'DEMO0000001', lastName: 'Example', dateOfBirth: '1980-04-01' };
    expect(await roster.findMember({ ...right, memberId: 'DEMO0000002' })).toBeUndefined();
    expect(await roster.findMember({ ...right, lastName: 'Exampel' })).toBeUndefined();
    expect(await roster.findMember({ ...right, dateOfBirth: '1980-04-02' })).toBeUndefined();
    expect(await roster.findMember({ ...right, firstName: 'Chris' })).toBeUndefined();
  });

  it('ignores accents and case in names, and keeps quoted addresses whole', async () => {
    expect(
      await roster.findMember({ memberId: 'DEMO0000003', lastName: 'demo', dateOfBirth: '1992-06-15' }),
    ).toBeDefined();
    expect((await roster.getByMemberId('DEMO0000004'))?.address.line1).toBe('44 Imaginary Lane, Unit B');
  });

  it('refuses a file with bad rows, naming each by line, and keeps the roster it had', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-'));
    const file = join(dir, 'roster.csv');
    try {
      writeFileSync(
        file,
        'memberId,firstName,lastName,dateOfBirth,addressLine1,city,state,postalCode\nA1,Pat,Ex,1980-01-01,1 St,C,MN,1\n',
      );
      const r = new CsvRoster(file);
      writeFileSync(
        file,
        'memberId,firstName,lastName,dateOfBirth,addressLine1,city,state,postalCode\nA1,Pat,Ex,01/01/1980,1 St,C,MN,1\nA2,,Ex,1980-01-01,1 St,C,MN,1\n',
      );
      let error: unknown;
      try {
        r.reload();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RosterFileError);
      expect((error as RosterFileError).problems).toEqual([
        'row 2: dateOfBirth is not YYYY-MM-DD',
        'row 3: firstName empty',
      ]);
      return expect(r.getByMemberId('A1')).resolves.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

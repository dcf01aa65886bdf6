import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RosterFileError } from './csv-roster';
import { importRosterCsv, MongoRoster } from './mongodb-roster';
import { FakeRosterCollection } from './testing/fake-roster-collection';

const DEMO = join(__dirname, '..', 'demo', 'roster.csv');

describe('importRosterCsv (file to a faked roster collection)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'roster-import-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the demo eligibility file, and a second import changes nothing', async () => {
    const collection = new FakeRosterCollection();
    expect(await importRosterCsv(DEMO, collection)).toEqual({
      read: 5,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    expect(await importRosterCsv(DEMO, collection)).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    const roster = new MongoRoster(collection);
    expect(
      await roster.findMember({
        memberId: 'demo-000 0001',
        lastName: ' EXAMPLE ',
        dateOfBirth: '1980-04-01',
      }),
    ).toMatchObject({ memberId: 'DEMO0000001', address: { city: 'Springfield' } });
    expect((await roster.getByMemberId('DEMO0000004'))?.address.line1).toBe('44 Imaginary Lane, Unit B');
  });

  it('refuses a file with any bad row before writing anything, naming rows by line', async () => {
    const collection = new FakeRosterCollection();
    const file = join(dir, 'roster.csv');
    writeFileSync(
      file,
      'memberId,firstName,lastName,dateOfBirth,addressLine1,city,state,postalCode\n' +
        'A1,Pat,Ex,1980-01-01,1 St,C,MN,1\nA2,Kim,Ex,01/01/1980,1 St,C,MN,1\na-1,Lee,Ex,1980-01-01,1 St,C,MN,1\n',
    );
    const error = await importRosterCsv(file, collection).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as RosterFileError).problems).toEqual([
      'row 3: dateOfBirth is not YYYY-MM-DD',
      'row 4: member id repeats an earlier row',
    ]);
    expect(collection.bulkWrites).toEqual([]);
  });
});

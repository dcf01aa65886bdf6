import type { Db } from 'mongodb';
import { parseRosterCsv } from './csv-roster';
import { importRoster, MongoRoster, RosterDocumentError, RosterImportError } from './mongodb-roster';
import type { RosterEntry } from './roster';
import { FakeRosterCollection } from './testing/fake-roster-collection';
import { CONTRACT_MEMBERS, describeRosterContract, rosterCsv } from './testing/roster.contract';

describeRosterContract('MongoDB on a faked collection, loaded through the import', async (entries) => {
  const collection = new FakeRosterCollection();
  await importRoster(parseRosterCsv(rosterCsv(entries), 'roster.csv'), collection);
  return { roster: new MongoRoster(collection), cleanup: async () => undefined };
});

const member = (n: number, overrides: Partial<RosterEntry> = {}): RosterEntry => ({
  memberId: `FAKE-${String(n).padStart(6, '0')}`,
  firstName: 'Alex',
  lastName: `Fictional${n}`,
  dateOfBirth: '1990-01-01',
  address: { line1: `${n} Nowhere Road`, city: 'Imaginary', state: 'MN', postalCode: '55000' },
  ...overrides,
});

describe('importRoster', () => {
  let collection: FakeRosterCollection;
  beforeEach(() => (collection = new FakeRosterCollection()));

  it('stores each member under the normalised member id, and reports inserted, updated and unchanged', async () => {
    const first = [member(1), member(2, { planName: 'Silver' }), member(3)];
    expect(await importRoster(first, collection, { batchSize: 2 })).toEqual({
      read: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    expect(collection.bulkWrites.map((ops) => ops.length)).toEqual([2, 1]);
    expect(collection.read('FAKE000002')).toEqual({
      _id: 'FAKE000002',
      ...member(2, { planName: 'Silver' }),
    });
    const second = [
      member(1),
      member(2),
      member(3, {
        address: { line1: '3 Elsewhere Road', city: 'Imaginary', state: 'MN', postalCode: '55000' },
      }),
      member(4),
    ];
    expect(await importRoster(second, collection)).toEqual({
      read: 4,
      inserted: 1,
      updated: 2,
      unchanged: 1,
      removed: 0,
    });
    expect(collection.read('FAKE000002')).not.toHaveProperty('planName');
    expect(collection.read('FAKE000003')?.address.line1).toBe('3 Elsewhere Road');
  });

  it('keeps members absent from the file unless told the file is the whole roster', async () => {
    await importRoster([member(1), member(2), member(3), member(4), member(5)], collection);
    expect(await importRoster([member(2)], collection)).toMatchObject({ unchanged: 1, removed: 0 });
    expect(collection.docs.size).toBe(5);
    expect(
      await importRoster([member(2), member(6)], collection, { removeMissing: true, batchSize: 2 }),
    ).toEqual({
      read: 2,
      inserted: 1,
      updated: 0,
      unchanged: 1,
      removed: 4,
    });
    expect([...collection.docs.keys()].sort()).toEqual(['FAKE000002', 'FAKE000006']);
  });

  it('reports a refused write by the driver code and counts, quoting no member id', async () => {
    collection.failBulkWriteAfter = 1;
    const error = await importRoster([member(1), member(2)], collection).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RosterImportError);
    expect(error).toMatchObject({ code: 'ROSTER_IMPORT_FAILED', driverCode: 11000 });
    expect((error as Error).message).toMatch(/stopped after 0 of 2 members \(MongoDB error 11000\)/);
    expect((error as Error).message).not.toMatch(/FAKE/);
    // Upserts by member id: the same file again completes.
    expect(await importRoster([member(1), member(2)], collection)).toMatchObject({ read: 2 });
  });

  it('refuses a batch size that is not a positive integer', async () => {
    await expect(importRoster([member(1)], collection, { batchSize: 0 })).rejects.toThrow(/batchSize/);
  });
});

describe('MongoRoster', () => {
  it('refuses a stored document missing a field, naming the field and not the member', async () => {
    const collection = new FakeRosterCollection();
    const entry = CONTRACT_MEMBERS[1];
    const { firstName: _omitted, ...rest } = entry;
    collection.insert({ _id: 'TEST0000002', ...rest } as never);
    collection.insert({ _id: 'TEST0000003', ...entry, memberId: 'TEST0000003', dateOfBirth: '31/12/1985' });
    const roster = new MongoRoster(collection);
    const error = await roster.getByMemberId('TEST0000002').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RosterDocumentError);
    expect(error).toMatchObject({ code: 'ROSTER_DOCUMENT_INVALID', field: 'firstName' });
    expect((error as Error).message).not.toMatch(/TEST|Sample/i);
    await expect(
      roster.findMember({ memberId: 'TEST0000003', lastName: 'Sample', dateOfBirth: '1985-12-31' }),
    ).rejects.toMatchObject({ field: 'dateOfBirth' });
  });

  it('reads the roster collection of a database and pings the database', async () => {
    const opened: string[] = [];
    const commands: unknown[] = [];
    const db = {
      collection: (name: string) => {
        opened.push(name);
        return new FakeRosterCollection();
      },
      command: async (command: unknown) => void commands.push(command),
    } as unknown as Db;
    await MongoRoster.fromDb(db).ping();
    expect(opened).toEqual(['roster']);
    expect(commands).toEqual([{ ping: 1 }]);
  });
});

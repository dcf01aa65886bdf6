// Collected only when MONGO_URL is set (see jest.config.js). The server keeps its data
// between runs, so each fixture imports into a collection of its own and drops it after.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { importRosterCsv, MongoRoster, type RosterDocument } from './mongodb-roster';
import { describeRosterContract, rosterCsv } from './testing/roster.contract';

function url(): string {
  const value = process.env.MONGO_URL;
  if (!value) throw new Error('MONGO_URL must be set to run the MongoDB roster contract suite');
  return value;
}

describeRosterContract('MongoDB, loaded with importRosterCsv', async (entries) => {
  const client = new MongoClient(url());
  await client.connect();
  const db = client.db();
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'roster-mongo-'));
  const file = join(dir, 'roster.csv');
  writeFileSync(file, rosterCsv(entries));
  const collection = db.collection<RosterDocument>(name);
  const report = await importRosterCsv(file, collection);
  if (report.inserted !== entries.length) throw new Error(`imported ${report.inserted} of ${entries.length}`);
  return {
    roster: MongoRoster.fromDb(db, name),
    cleanup: async () => {
      await collection.drop().catch(() => undefined);
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

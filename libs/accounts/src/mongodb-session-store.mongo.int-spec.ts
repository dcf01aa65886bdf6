// Collected only when MONGO_URL is set (see jest.config.js). The server keeps its data
// between runs, so each fixture works in a collection of its own and drops it after.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoSessionStore } from './mongodb-session-store';
import { describeSessionStoreContract } from './testing/session-store.contract';

function url(): string {
  const value = process.env.MONGO_URL;
  if (!value) throw new Error('MONGO_URL must be set to run the MongoDB session-store contract suite');
  return value;
}

describeSessionStoreContract('MongoDB', async () => {
  const client = new MongoClient(url());
  await client.connect();
  const db = client.db();
  const name = `sessions_test_${randomBytes(6).toString('hex')}`;
  return {
    open: async (timeouts) => MongoSessionStore.fromDb(db, { collection: name, timeouts }),
    cleanup: async () => {
      await db
        .collection(name)
        .drop()
        .catch(() => undefined);
      await client.close();
    },
  };
});

// Collected only when MONGO_URL is set (see jest.config.js). The server keeps its data
// between runs, so each fixture works in a collection of its own and drops it after.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoDataKeyStore } from './mongodb-data-key-store';
import { describeDataKeyStoreContract } from './testing/data-key-store.contract';

function url(): string {
  const value = process.env.MONGO_URL;
  if (!value) throw new Error('MONGO_URL must be set to run the MongoDB data-key contract suite');
  return value;
}

describeDataKeyStoreContract('MongoDB', async () => {
  const client = new MongoClient(url());
  await client.connect();
  const db = client.db();
  const name = `data_keys_test_${randomBytes(6).toString('hex')}`;
  return {
    open: async (keys) => MongoDataKeyStore.fromDb(db, keys, { collection: name }),
    cleanup: async () => {
      await db
        .collection(name)
        .drop()
        .catch(() => undefined);
      await client.close();
    },
  };
});

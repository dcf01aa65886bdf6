// Collected only when MONGO_URL is set (see jest.config.js). Each run uses a database of
// its own, dropped at the end; tests inside it use collection names of their own.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeDocumentStoreContract } from '../testing/document-store.contract';
import { MongoDbDocumentStore } from './mongodb-document-store';

function url(): string {
  const value = process.env.MONGO_URL;
  if (!value) throw new Error('MONGO_URL must be set to run the MongoDB contract suite');
  return value;
}

const dbName = `portal_documents_test_${Date.now()}_${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  const client = new MongoClient(url());
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
});

describeDocumentStoreContract(
  'MongoDB',
  async () => ({
    open: async () => {
      const store = MongoDbDocumentStore.connect(url(), { dbName });
      await store.ping();
      return store;
    },
    cleanup: async () => undefined,
  }),
  { testTimeoutMs: 60_000 },
);

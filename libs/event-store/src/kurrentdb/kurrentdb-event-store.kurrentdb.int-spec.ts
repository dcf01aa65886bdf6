// Collected only when EVENTSTORE_URL is set (see jest.config.js). The server keeps its
// data between runs, so the contract writes to fresh, uniquely named streams.
import { describeEventStoreContract } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

function url(): string {
  const value = process.env.EVENTSTORE_URL;
  if (!value) throw new Error('EVENTSTORE_URL must be set to run the KurrentDB contract suite');
  return value;
}

describeEventStoreContract(
  'KurrentDB',
  async () => {
    let current = KurrentDbEventStore.connect(url());
    await current.ping();
    return {
      store: current,
      restart: async () => {
        await current.close();
        current = KurrentDbEventStore.connect(url());
        await current.ping();
        return current;
      },
      cleanup: () => current.close(),
    };
  },
  { subscriptionTimeoutMs: 60_000 },
);

/**
 * The read models of this process: one document store (SQLite in DATA_DIR, or
 * MongoDB when MONGO_URL is set), the projections, and the queries over them.
 * The projector role writes; the API's support routes read; both share these.
 */
import { availableParallelism } from 'node:os';
import { accountCodec } from '@portal/accounts';
import type { AppConfig } from '@portal/config';
import type { DocumentStore } from '@portal/documents';
import type { EventStore } from '@portal/event-store';
import { type ProjectorDeps, ReadModels, readModelProjections, SearchKeys } from '@portal/read-models';
import type { Vault } from '@portal/vault';
import { fillInWorker } from './fill-worker';
import { projectorDeps } from './projector-deps';

export { createDocumentStore } from './projector-deps';

/** Everything the projector, a rebuild and the queries need, built once per process. */
export interface ReadModelsRuntime {
  docs: DocumentStore;
  queries: ReadModels;
  projector: ProjectorDeps;
}

export function createReadModels(
  config: AppConfig,
  store: EventStore,
  vault: Vault,
  docs: DocumentStore,
): ReadModelsRuntime {
  const keys = new SearchKeys(config.secrets.hmacKey);
  const projections = readModelProjections(keys);
  // The history timeline words an account's events at read time, every personal field opened.
  const historyCodec = accountCodec(vault);
  return {
    docs,
    queries: new ReadModels(docs, projections, keys, vault, {
      readStream: (streamId, options) => store.readStream(streamId, options),
      decode: (raw) => historyCodec.decode(raw),
    }),
    projector: {
      ...projectorDeps(store, docs, projections, vault),
      // A rebuild's fill on two threads, on the embedded stores (the only ones measured) with two cores.
      ...(config.eventStore.kind === 'sqlite' &&
      config.readModels.kind === 'sqlite' &&
      availableParallelism() >= 2
        ? { fillElsewhere: fillInWorker(config) }
        : {}),
    },
  };
}

/**
 * The read models of this process: one document store (SQLite in DATA_DIR, or
 * MongoDB when MONGO_URL is set), the projections, and the queries over them.
 * The projector role writes; the API's support routes read; both share these.
 */
import { accountCodec } from '@portal/accounts';
import { type AppConfig, makeOwnerOnlyFile } from '@portal/config';
import { type DocumentStore, MongoDbDocumentStore, SqliteDocumentStore } from '@portal/documents';
import type { EventStore } from '@portal/event-store';
import { PROJECTED_PERSONAL_FIELDS } from '@portal/domain';
import {
  decoderFor,
  type ProjectorDeps,
  ReadModels,
  readModelProjections,
  SearchKeys,
} from '@portal/read-models';
import type { Vault } from '@portal/vault';

export async function createDocumentStore(config: AppConfig): Promise<DocumentStore> {
  if (config.readModels.kind === 'mongodb') return MongoDbDocumentStore.connect(config.readModels.url);
  makeOwnerOnlyFile(config.readModels.file);
  return SqliteDocumentStore.open(config.readModels.file, { cacheMiB: config.readModels.cacheMiB });
}

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
      store,
      docs,
      projections,
      decode: decoderFor(accountCodec(vault, PROJECTED_PERSONAL_FIELDS)),
    },
  };
}

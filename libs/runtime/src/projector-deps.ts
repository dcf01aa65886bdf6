/**
 * The parts of the read models a fill's worker thread builds too (fill-worker.ts): the
 * document store and the projector's inputs, the same as `createReadModels`'.
 */
import { accountCodec } from '@portal/accounts';
import { type AppConfig, makeOwnerOnlyFile } from '@portal/config';
import { type DocumentStore, MongoDbDocumentStore, SqliteDocumentStore } from '@portal/documents';
import { PROJECTED_PERSONAL_FIELDS } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { decoderFor, type Projection, type ProjectorDeps } from '@portal/read-models';
import type { Vault } from '@portal/vault';

export async function createDocumentStore(config: AppConfig): Promise<DocumentStore> {
  if (config.readModels.kind === 'mongodb') return MongoDbDocumentStore.connect(config.readModels.url);
  makeOwnerOnlyFile(config.readModels.file);
  return SqliteDocumentStore.open(config.readModels.file, { cacheMiB: config.readModels.cacheMiB });
}

/** The projector's stores, projections and decoder (the projections' personal fields opened). */
export function projectorDeps(
  store: EventStore,
  docs: DocumentStore,
  projections: Projection[],
  vault: Vault,
): ProjectorDeps {
  return { store, docs, projections, decode: decoderFor(accountCodec(vault, PROJECTED_PERSONAL_FIELDS)) };
}

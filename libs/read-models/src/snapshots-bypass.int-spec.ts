/**
 * A read-model rebuild replays events and never trusts a snapshot: planted snapshots
 * (right revision and hash, wrong state) for every account leave the rebuilt read models
 * exactly as they were, and never reach the projector.
 */
import { join } from 'node:path';
import { accountCodec, accountSnapshotCodec } from '@portal/accounts';
import { SqliteDocumentStore } from '@portal/documents';
import { accountStreamId, PROJECTED_PERSONAL_FIELDS } from '@portal/domain';
import { Fixture } from '../../notifications/src/testing/harness';
import type { ProjectorDeps } from './projector';
import { decoderFor, readModelProjections } from './read-models';
import { readModelHash, rebuild } from './rebuild';
import { SearchKeys } from './search-keys';

jest.setTimeout(30_000);

describe('read-model rebuilds and planted snapshots', () => {
  let f: Fixture;
  let docs: SqliteDocumentStore;
  let deps: ProjectorDeps;
  const collections = ['accounts', 'history', 'activations'];

  beforeEach(async () => {
    f = new Fixture();
    docs = await SqliteDocumentStore.open(join(f.dir, 'readmodels.sqlite'));
    const projections = readModelProjections(new SearchKeys(f.hmacKey));
    const decode = decoderFor(accountCodec(f.vault, PROJECTED_PERSONAL_FIELDS));
    deps = {
      store: f.store,
      docs,
      projections,
      // Every event the projector is handed, to see that no snapshot is among them.
      decode: async (event) => {
        if (event.streamId.startsWith('snapshot-')) throw new Error(`a snapshot reached the projector`);
        return decode(event);
      },
    };
  });
  afterEach(async () => {
    await docs.close();
    await f.close();
  });

  it('rebuilds the same read models whatever the snapshots say', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await f.registered(`planted${i}@example.com`));
    const before = await rebuild(deps, { dropAfterMs: 0 });
    const hash = await readModelHash(docs, before.to, collections);

    const codec = accountSnapshotCodec(f.vault);
    for (const id of ids) {
      const stream = accountStreamId(id);
      const [last] = await f.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      const truth = await f.accounts.state(id);
      const planted = {
        ...truth,
        status: 'deactivated' as const,
        username: 'planted',
        profile: truth.profile && { ...truth.profile, lastName: 'Planted', email: 'planted@example.com' },
      };
      await f.store.snapshots().write(stream, {
        revision: last.revision,
        lastHash: last.metadata.hash!,
        version: codec.version,
        state: (await codec.encode(stream, planted))!,
        takenAt: new Date().toISOString(),
      });
    }
    const after = await rebuild(deps, { dropAfterMs: 0 });
    expect(await readModelHash(docs, after.to, collections)).toBe(hash);
  });
});

/**
 * The delivery reactor's checkpoint in the document store, and the one-time copy
 * from the checkpoint file it used to keep in DATA_DIR.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@portal/config';
import { type DocumentStore, LeaseLostError, SqliteDocumentStore } from '@portal/documents';
import { SqliteCheckpointStore } from '@portal/notifications';
import { memoryLogger } from '../../../libs/notifications/src/testing/harness';
import {
  DocumentCheckpointStore,
  LEGACY_CHECKPOINT_FILE,
  migrateLegacyCheckpoint,
} from './document-checkpoints';

const at = (n: number) => ({ commit: BigInt(n), prepare: BigInt(n) });

describe('the delivery reactor checkpoint in the document store', () => {
  let dir: string;
  let docs: DocumentStore;
  const sqlite = () => ({ dataDir: dir, readModels: { kind: 'sqlite' } }) as unknown as AppConfig;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-reactor-checkpoint-'));
    docs = SqliteDocumentStore.open(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    await docs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function legacyFile(position: number): Promise<void> {
    const legacy = new SqliteCheckpointStore(join(dir, LEGACY_CHECKPOINT_FILE));
    await legacy.save('delivery-reactor', at(position));
    await legacy.close();
  }

  it('takes the position from checkpoints.sqlite once on an upgrade, and never again over its own', async () => {
    await legacyFile(42);
    const checkpoints = new DocumentCheckpointStore(docs);
    expect(await migrateLegacyCheckpoint(sqlite(), checkpoints, 'delivery-reactor', memoryLogger())).toEqual(
      at(42),
    );
    expect(await docs.loadCheckpoint('delivery-reactor')).toEqual(at(42));
    await checkpoints.save('delivery-reactor', at(50));
    await legacyFile(7);
    expect(
      await migrateLegacyCheckpoint(sqlite(), checkpoints, 'delivery-reactor', memoryLogger()),
    ).toBeUndefined();
    expect(await docs.loadCheckpoint('delivery-reactor')).toEqual(at(50));
  });

  it('reads no file when there is none, nor on MongoDB (no local state in production)', async () => {
    const checkpoints = new DocumentCheckpointStore(docs);
    expect(
      await migrateLegacyCheckpoint(sqlite(), checkpoints, 'delivery-reactor', memoryLogger()),
    ).toBeUndefined();
    expect(existsSync(join(dir, LEGACY_CHECKPOINT_FILE))).toBe(false);
    const mongo = { dataDir: join(dir, 'absent'), readModels: { kind: 'mongodb' } } as unknown as AppConfig;
    expect(
      await migrateLegacyCheckpoint(mongo, checkpoints, 'delivery-reactor', memoryLogger()),
    ).toBeUndefined();
    expect(existsSync(join(dir, 'absent'))).toBe(false);
  });

  it('saves with the projector lease’s fence: refused once another process took the lease', async () => {
    const lease = (await docs.acquireLease('projector', 'old', 1000, { now: 1 }))!;
    const checkpoints = new DocumentCheckpointStore(docs, { lease: 'projector', token: lease.token });
    await checkpoints.save('delivery-reactor', at(3));
    await docs.acquireLease('projector', 'new', 1000, { now: 5000 });
    await expect(checkpoints.save('delivery-reactor', at(4))).rejects.toBeInstanceOf(LeaseLostError);
    expect(await checkpoints.load('delivery-reactor')).toEqual(at(3));
  });
});

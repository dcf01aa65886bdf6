/**
 * The delivery reactor's checkpoint in the document store, beside the projector's
 * (no local state in production: with MONGO_URL it is in MongoDB). Saves carry the
 * projector process's fence, so a reactor that lost the lease cannot move it.
 *
 * Upgrade from the checkpoint file the reactor used to keep (`DATA_DIR/checkpoints.sqlite`):
 * on the embedded store, when that file exists and the store has no reactor
 * checkpoint yet, its position is copied once, so an upgrade does not deliver the
 * whole history again. The file is left in place (read only, never written again).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@portal/config';
import type { DocumentStore, Fence } from '@portal/documents';
import type { Position } from '@portal/event-store';
import { type CheckpointStore, SqliteCheckpointStore } from '@portal/notifications';
import type { Logger } from '@portal/observability';

export const LEGACY_CHECKPOINT_FILE = 'checkpoints.sqlite';

export class DocumentCheckpointStore implements CheckpointStore {
  constructor(
    private readonly docs: DocumentStore,
    private readonly fence?: Fence,
  ) {}

  load(name: string): Promise<Position | undefined> {
    return this.docs.loadCheckpoint(name);
  }

  save(name: string, position: Position): Promise<void> {
    return this.docs.saveCheckpoint(name, position, this.fence ? { fence: this.fence } : {});
  }

  /** The document store belongs to the process (CoreModule closes it). */
  async close(): Promise<void> {}
}

/** Copies the reactor's checkpoint from the old file once (embedded store only). Returns what it copied. */
export async function migrateLegacyCheckpoint(
  config: AppConfig,
  checkpoints: DocumentCheckpointStore,
  name: string,
  logger: Logger,
): Promise<Position | undefined> {
  if (config.readModels.kind !== 'sqlite') return undefined;
  const file = join(config.dataDir, LEGACY_CHECKPOINT_FILE);
  if (!existsSync(file)) return undefined;
  if ((await checkpoints.load(name)) !== undefined) return undefined;
  const legacy = new SqliteCheckpointStore(file);
  try {
    const position = await legacy.load(name);
    if (position === undefined) return undefined;
    await checkpoints.save(name, position);
    logger.info(
      { checkpoint: name },
      'delivery reactor checkpoint moved from checkpoints.sqlite to the document store',
    );
    return position;
  } finally {
    await legacy.close();
  }
}

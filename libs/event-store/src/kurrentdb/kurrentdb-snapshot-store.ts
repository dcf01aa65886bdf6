/**
 * Snapshots on KurrentDB: the snapshot of stream `s` is the one event of the stream
 * `snapshot-s`, whose metadata sets `$maxCount: 1`, so the server keeps (and reads
 * return) only the latest and a scavenge removes the older ones. The adapter's `readAll`
 * and subscriptions drop these streams (isHiddenEvent), so no projector, reactor or
 * audit export ever sees a snapshot; the metadata event itself is a system event
 * (`$metadata` in `$$snapshot-s`), dropped like the others.
 *
 * The metadata is set with the stream's first snapshot, and again every
 * METADATA_REASSERT_EVERY snapshots: a process that died between the first append and
 * the metadata write leaves a stream that is capped a little later instead of never
 * (setting it again is an idempotent append to the metastream, itself capped at one).
 */
import { randomUUID } from 'node:crypto';
import {
  type Snapshot,
  snapshotFromJson,
  type SnapshotStore,
  snapshotStreamOf,
  snapshotToJson,
  UnreadableSnapshotError,
  validateSnapshot,
} from '../snapshot-store.port';
import type { KurrentClient } from './kurrentdb-client';
import { consume, errorType, toPortError } from './kurrentdb-calls';

export const SNAPSHOT_EVENT_TYPE = 'Snapshot';
const METADATA_REASSERT_EVERY = 64n;

export class KurrentDbSnapshotStore implements SnapshotStore {
  constructor(
    private readonly client: KurrentClient,
    private readonly assertOpen: () => void = () => undefined,
  ) {}

  async read(streamId: string): Promise<Snapshot | undefined> {
    this.assertOpen();
    const stream = snapshotStreamOf(streamId);
    let data: unknown;
    let found = false;
    try {
      const read = this.client.readStream(stream, {
        direction: 'backwards',
        fromRevision: 'end',
        maxCount: 1,
      });
      await consume(read, (resolved) => {
        if (!resolved.event) return true;
        found = true;
        data = resolved.event.data;
        return false;
      });
    } catch (error) {
      if (errorType(error) === 'stream-not-found') return undefined;
      throw toPortError(error, `read ${stream}`);
    }
    if (!found) return undefined;
    if (data instanceof Uint8Array) {
      try {
        data = JSON.parse(Buffer.from(data).toString('utf8'));
      } catch {
        throw new UnreadableSnapshotError(streamId, 'its data is not valid JSON');
      }
    }
    return snapshotFromJson(streamId, data);
  }

  async write(streamId: string, snapshot: Snapshot): Promise<void> {
    this.assertOpen();
    validateSnapshot(streamId, snapshot);
    const stream = snapshotStreamOf(streamId);
    try {
      const result = await this.client.appendToStream(
        stream,
        [
          {
            id: randomUUID(),
            contentType: 'application/json',
            type: SNAPSHOT_EVENT_TYPE,
            data: snapshotToJson(snapshot),
            metadata: undefined,
          },
        ],
        { streamState: 'any' },
      );
      if (result.nextExpectedRevision % METADATA_REASSERT_EVERY === 0n)
        await this.client.setStreamMetadata(stream, { maxCount: 1 });
    } catch (error) {
      throw toPortError(error, `write ${stream}`);
    }
  }
}

import { Command, Query } from '@nestjs/cqrs';
import type { ReadModelJobKind, ReadModelRequest, ReadModelRequestAnswer } from '@portal/read-models';

export interface ReadModelsStatus {
  generation: number;
  checkpoint: string | null;
  documents: Record<string, number>;
  request?: ReadModelRequest;
  rebuilding?: ReadModelRequest;
  comparing?: ReadModelRequest;
  lastRebuild?: ReadModelRequest;
  lastCompare?: ReadModelRequest;
}

/** The active generation, its checkpoint, document counts, the job open and the last of each kind. */
export class ReadModelsStatusQuery extends Query<ReadModelsStatus> {}

/** Ask the active projector for a rebuild or a compare (one at a time across processes). */
export class AskForReadModelJobCommand extends Command<ReadModelRequestAnswer> {
  constructor(readonly kind: ReadModelJobKind) {
    super();
  }
}

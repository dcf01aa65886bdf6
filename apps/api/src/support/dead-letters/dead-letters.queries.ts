import { Command, Query } from '@nestjs/cqrs';
import type { DeadJob, JobQueueName } from '@portal/jobs';

export interface DeadLetters {
  queue: JobQueueName;
  count: number;
  items: DeadJob[];
}

/** The dead-lettered jobs of a queue (named as asked: 400 QUEUE_UNKNOWN when it is none), newest first, with their count. */
export class ListDeadLettersQuery extends Query<DeadLetters> {
  constructor(
    readonly queue: string,
    readonly limit: number,
  ) {
    super();
  }
}

/** Send a dead-lettered message again, with fresh attempts; false when the queue holds no such dead job. */
export class RetryDeadLetterCommand extends Command<boolean> {
  constructor(
    readonly queue: string,
    readonly jobId: string,
  ) {
    super();
  }
}

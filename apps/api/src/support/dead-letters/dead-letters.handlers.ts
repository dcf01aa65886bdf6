import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@portal/domain';
import { JOB_QUEUE_NAMES, type JobQueue, type JobQueueName } from '@portal/jobs';
import { JOB_QUEUE } from '@portal/runtime';
import { type DeadLetters, ListDeadLettersQuery, RetryDeadLetterCommand } from './dead-letters.queries';

export class DeadLettersUnavailableError extends DomainError<'DEAD_LETTERS_UNAVAILABLE'> {
  constructor() {
    super(
      'DEAD_LETTERS_UNAVAILABLE',
      'This process runs neither the projector nor the worker, so it has no job queue; ask one that does.',
    );
  }
}

export class UnknownQueueError extends DomainError<'QUEUE_UNKNOWN'> {
  constructor() {
    super('QUEUE_UNKNOWN', `The queue must be one of ${JOB_QUEUE_NAMES.join(', ')}.`, {
      queue: `one of ${JOB_QUEUE_NAMES.join(', ')}`,
    });
  }
}

/** The process's job queue: only a process that runs the projector or the worker has one. */
function queueOf(jobs: JobQueue | undefined): JobQueue {
  if (!jobs) throw new DeadLettersUnavailableError();
  return jobs;
}

@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<ListDeadLettersQuery> {
  constructor(@Optional() @Inject(JOB_QUEUE) private readonly jobs?: JobQueue) {}

  async execute({ queue, limit }: ListDeadLettersQuery): Promise<DeadLetters> {
    const jobs = queueOf(this.jobs);
    const name = queueName(queue);
    return {
      queue: name,
      count: await jobs.countDead(name),
      items: await jobs.listDead(name, { limit }),
    };
  }
}

@CommandHandler(RetryDeadLetterCommand)
export class RetryDeadLetterHandler implements ICommandHandler<RetryDeadLetterCommand> {
  constructor(@Optional() @Inject(JOB_QUEUE) private readonly jobs?: JobQueue) {}

  execute({ queue, jobId }: RetryDeadLetterCommand): Promise<boolean> {
    return queueOf(this.jobs).retryDead(queueName(queue), jobId);
  }
}

function queueName(value: string): JobQueueName {
  if (!(JOB_QUEUE_NAMES as readonly string[]).includes(value)) throw new UnknownQueueError();
  return value as JobQueueName;
}

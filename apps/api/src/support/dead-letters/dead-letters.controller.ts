import { Controller, Get, HttpCode, Inject, Optional, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DomainError } from '@portal/domain';
import { JOB_QUEUE_NAMES, type JobQueue, type JobQueueName } from '@portal/jobs';
import { JOB_QUEUE } from '@portal/runtime';
import { StaffOnly } from '../../staff';

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

export class DeadJobNotFoundError extends DomainError<'DEAD_JOB_NOT_FOUND'> {
  constructor() {
    super('DEAD_JOB_NOT_FOUND', 'No dead job with this id in this queue.');
  }
}

export class DeadLettersRequest {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/**
 * Messages that ran out of attempts (the `jobs_dead` metric counts them), and
 * sending one again. Jobs hold no personal data: ids are event ids, errors are
 * stored without addresses or codes.
 */
@ApiTags('support')
@StaffOnly('support', 'admin')
@Controller('v1/support/dead-letters')
export class DeadLettersController {
  constructor(@Optional() @Inject(JOB_QUEUE) private readonly jobs?: JobQueue) {}

  @Get(':queue')
  @ApiOperation({
    summary: 'Dead-lettered jobs of the email or letter queue, newest first, with their count',
  })
  async list(@Param('queue') queue: string, @Query() q: DeadLettersRequest) {
    const jobs = this.queue();
    const name = queueName(queue);
    return {
      queue: name,
      count: await jobs.countDead(name),
      items: await jobs.listDead(name, { limit: q.limit ?? 50 }),
    };
  }

  @Post(':queue/:jobId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a dead-lettered message again, with fresh attempts' })
  async retry(@Param('queue') queue: string, @Param('jobId') jobId: string) {
    const retried = await this.queue().retryDead(queueName(queue), jobId);
    if (!retried) throw new DeadJobNotFoundError();
    return { queued: true };
  }

  private queue(): JobQueue {
    if (!this.jobs) throw new DeadLettersUnavailableError();
    return this.jobs;
  }
}

function queueName(value: string): JobQueueName {
  if (!(JOB_QUEUE_NAMES as readonly string[]).includes(value)) throw new UnknownQueueError();
  return value as JobQueueName;
}

import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DomainError } from '@portal/domain';
import { StaffOnly } from '../../staff';
import { type DeadLetters, ListDeadLettersQuery, RetryDeadLetterCommand } from './dead-letters.queries';

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
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get(':queue')
  @ApiOperation({
    summary: 'Dead-lettered jobs of the email or letter queue, newest first, with their count',
  })
  list(@Param('queue') queue: string, @Query() q: DeadLettersRequest): Promise<DeadLetters> {
    return this.queries.execute(new ListDeadLettersQuery(queue, q.limit ?? 50));
  }

  @Post(':queue/:jobId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a dead-lettered message again, with fresh attempts' })
  async retry(@Param('queue') queue: string, @Param('jobId') jobId: string) {
    const retried = await this.commands.execute(new RetryDeadLetterCommand(queue, jobId));
    if (!retried) throw new DeadJobNotFoundError();
    return { queued: true };
  }
}

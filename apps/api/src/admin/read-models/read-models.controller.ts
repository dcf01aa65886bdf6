import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadModelRequestAnswer } from '@portal/read-models';
import { StaffOnly } from '../../staff';
import {
  AskForReadModelJobCommand,
  type ReadModelsStatus,
  ReadModelsStatusQuery,
} from './read-models.queries';

/**
 * Operators' view of the read models, and rebuilds and compares on request. This
 * process only records the request (one at a time across processes, a lease in the
 * store) and answers 202 with its id; the active projector process runs it
 * (libs/read-models/src/requests.ts), so an API process behind a load balancer never
 * spends its event loop on a replay. Progress and outcome are in `GET`.
 */
@ApiTags('admin')
@StaffOnly('admin')
@Controller('v1/admin/read-models')
export class ReadModelsAdminController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The active generation, its checkpoint, document counts, the rebuild or compare requested or running, and the last of each',
  })
  status(): Promise<ReadModelsStatus> {
    return this.queries.execute(new ReadModelsStatusQuery());
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask the projector to rebuild every read model from the first event into a fresh generation, then swap it in',
  })
  rebuild(): Promise<ReadModelRequestAnswer> {
    return this.commands.execute(new AskForReadModelJobCommand('rebuild'));
  }

  @Post('compare')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask the projector to replay every event into a shadow copy and list each document that differs from the live one',
  })
  compare(): Promise<ReadModelRequestAnswer> {
    return this.commands.execute(new AskForReadModelJobCommand('compare'));
  }
}

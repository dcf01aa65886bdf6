import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageRequest } from '../page.request';
import { READ_MODELS, type ReadModelsRuntime } from '@portal/runtime';
import {
  ACCESS_REASON_HEADER,
  AccessLog,
  reasonOf,
  staffAccessOf,
  staffContextOf,
  StaffOnly,
  type StaffRequest,
} from '../../staff';

export class ActivationsRequest extends PageRequest {
  @ApiPropertyOptional({ enum: ['awaiting-letter', 'mailed'], example: 'mailed' })
  @IsOptional()
  @IsIn(['awaiting-letter', 'mailed'])
  state?: 'awaiting-letter' | 'mailed';
}

/** Activation codes issued and not yet used, with where their letter is: support's "did my letter go out?". */
@ApiTags('support')
@Controller('v1/support/activations')
export class ActivationsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @StaffOnly('support', 'admin')
  @ApiHeader({ name: ACCESS_REASON_HEADER, required: true })
  @ApiOperation({
    summary: 'Activation codes and letters in flight (awaiting the letter, or mailed), paginated',
  })
  async list(@Query() q: ActivationsRequest, @Req() req: StaffRequest) {
    reasonOf(req);
    const page = await this.readModels.queries.activationsInFlight({
      state: q.state ?? 'awaiting-letter',
      limit: q.limit ?? 50,
      after: q.after,
    });
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, {
        accountIds: page.items.map((i) => i.accountId),
        outcome: page.items.length ? 'shown' : 'not-found',
      }),
    );
    return page;
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Page } from '@portal/read-models';
import { listed, PageRequest, RecordsAccess, StaffOnly } from '../../staff';
import { type ActivationInFlight, ActivationsInFlightQuery } from './activations.query';

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
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffOnly('support', 'admin')
  @RecordsAccess<Page<ActivationInFlight>>({ answered: (page) => listed(page.items.map((i) => i.accountId)) })
  @ApiOperation({
    summary: 'Activation codes and letters in flight (awaiting the letter, or mailed), paginated',
  })
  list(@Query() q: ActivationsRequest): Promise<Page<ActivationInFlight>> {
    return this.queries.execute(
      new ActivationsInFlightQuery(q.state ?? 'awaiting-letter', { limit: q.limit ?? 50, after: q.after }),
    );
  }
}

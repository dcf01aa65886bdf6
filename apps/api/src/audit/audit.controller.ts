import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AS_OF_TIME, AS_OF_TIME_MESSAGE, asOfFromText, auditJson } from '@portal/audit';
import { parsePosition } from '@portal/event-store';
import { type ReadModelRequest, ReadModelRequestNotFoundError } from '@portal/read-models';
import { type AccessScope, type RecordedRequest, RecordsAccess, StaffOnly, theAccount } from '../staff';
import {
  AccountStateAsOfQuery,
  ComparisonQuery,
  ExportEventsQuery,
  LastComparisonQuery,
  RequestComparisonCommand,
  VerifyChainsProgressQuery,
  VerifyChainsQuery,
  verifyResult,
} from './audit.queries';

export class ExportRequest {
  @ApiPropertyOptional({
    example: 'account-0b9c6a52-5d0e-4c4e-9a51-5b7d1f1f3c11',
    description: 'One stream; all events otherwise.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamId?: string;

  @ApiPropertyOptional({
    example: '1200/1200',
    description: 'Resume after this position (the last line’s `position`).',
  })
  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'after must be a position as commit/prepare' })
  after?: string;
}

/** Both checked here as well as in asOfFromText, so that two bad values are named at once. */
export class StateRequest {
  @ApiPropertyOptional({ example: '2026-11-20T09:00:00Z' })
  @IsOptional()
  @Matches(AS_OF_TIME, { message: `at ${AS_OF_TIME_MESSAGE}` })
  at?: string;

  @ApiPropertyOptional({ example: '12' })
  @IsOptional()
  @Matches(/^\d+$/, { message: 'revision must be a whole number' })
  revision?: string;
}

export class VerifyRequest {
  @ApiPropertyOptional({ description: 'One stream; every stream otherwise.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamId?: string;
}

export class VerifyProgressRequest extends VerifyRequest {
  @ApiPropertyOptional({
    example: 1000,
    minimum: 10,
    maximum: 1_000_000,
    description: 'A progress line every this many events read (default 1,000: one a page).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  progressEvery?: number;
}

const ACCOUNT_STREAM = /^account-([0-9a-f-]{36})$/;

/** What an audit of the query's `streamId` is recorded as being about: one account, or the store. */
function streamScope(req: RecordedRequest): AccessScope {
  const streamId = req.query.streamId;
  const accountId = streamId ? ACCOUNT_STREAM.exec(streamId)?.[1] : undefined;
  return accountId ? { accountId } : { wholeStore: true };
}

/**
 * Each use is recorded as what came of it, before the answer leaves: `shown` for an
 * answer, `not-found` for a stream or account with nothing there (then the 404). A
 * request refused as bad (400), or failing, showed nothing and is not recorded as an
 * access: the record never says something was shown that was not.
 */
const AUDIT_OF_STREAM = RecordsAccess({
  answered: (_answer, req) => ({ ...streamScope(req), outcome: 'shown' }),
  notFound: streamScope,
});

/** A report names the documents that differ (account ids among them): showing it is recorded. */
function ShowsReport<R>(shown: (answer: R) => boolean) {
  return RecordsAccess<R>({
    answered: (answer) => (shown(answer) ? { wholeStore: true, outcome: 'shown' } : undefined),
  });
}

/**
 * Auditors' routes: the events as stored (NDJSON, personal data still
 * encrypted), an account's state as of a time or revision, the hash chains, and
 * a replay compared with the live read models. Each use is recorded, as shown or not
 * found; a request refused as bad is not an access.
 *
 * The replay runs in the active projector process, not in this one (an API process
 * behind a load balancer, serving users): the POST records a request, as the admin
 * route does (libs/read-models/src/requests.ts), and answers 202 with its id; its
 * progress and report are read by id.
 */
@ApiTags('audit')
@StaffOnly('auditor', 'admin')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get('events')
  @AUDIT_OF_STREAM
  @ApiOperation({ summary: 'Export one stream or every event as NDJSON (one event per line, as stored)' })
  async export(@Query() q: ExportRequest): Promise<StreamableFile> {
    const lines = await this.queries.execute(
      new ExportEventsQuery({
        ...(q.streamId ? { streamId: q.streamId } : {}),
        ...(q.after ? { after: parsePosition(q.after) } : {}),
      }),
    );
    return new StreamableFile(Readable.from(lines), { type: 'application/x-ndjson' });
  }

  @Get('accounts/:accountId/state')
  @RecordsAccess({
    answered: (_answer, req) => ({ ...theAccount(req), outcome: 'shown' }),
    notFound: theAccount,
  })
  @ApiOperation({
    summary: 'The account’s state as of a time or a revision (secrets shown only as present or not)',
  })
  async state(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Query() q: StateRequest) {
    const state = await this.queries.execute(new AccountStateAsOfQuery(accountId, asOfFromText(q)));
    // Revisions are bigints: written as decimal strings, as in the export.
    return JSON.parse(auditJson(state)) as unknown;
  }

  @Get('verify')
  @AUDIT_OF_STREAM
  @ApiOperation({
    summary: 'Verify the hash chain of one stream or of every stream; names the first broken link of each',
  })
  async verify(@Query() q: VerifyRequest) {
    const report = await this.queries.execute(new VerifyChainsQuery(q.streamId));
    return JSON.parse(auditJson(verifyResult(report))) as unknown;
  }

  @Get('verify/progress')
  @AUDIT_OF_STREAM
  @ApiOperation({
    summary:
      'The same verification, with its progress as it goes: NDJSON, a `progress` line at the start, every `progressEvery` events and at the end, then one `result` line (what GET verify answers)',
  })
  async verifyWithProgress(@Query() q: VerifyProgressRequest): Promise<StreamableFile> {
    const lines = await this.queries.execute(
      new VerifyChainsProgressQuery(q.streamId, q.progressEvery ?? 1_000),
    );
    return new StreamableFile(Readable.from(lines), { type: 'application/x-ndjson' });
  }

  @Post('read-models/compare')
  @HttpCode(202)
  @RecordsAccess({ before: { wholeStore: true, outcome: 'shown' } })
  @ApiOperation({
    summary:
      'Ask the projector to replay every event into a shadow copy and list each document that differs from the live read models',
  })
  @ApiAcceptedResponse({
    description:
      'Recorded: `started: true` with its `id` and `status` (`pending`), to read at `GET read-models/compare/{id}`. ' +
      'With a rebuild or compare already pending or running, `started: false` names it (`rebuilding` or `comparing`).',
  })
  compare() {
    return this.commands.execute(new RequestComparisonCommand());
  }

  @Get('read-models/compare')
  @ShowsReport<{ lastCompare?: ReadModelRequest }>((answer) => answer.lastCompare !== undefined)
  @ApiOperation({ summary: 'The last comparison to finish (`lastCompare`), with its report' })
  async lastCompare(): Promise<{ lastCompare?: ReadModelRequest }> {
    const last = await this.queries.execute(new LastComparisonQuery());
    return last ? { lastCompare: last } : {};
  }

  @Get('read-models/compare/:id')
  @ShowsReport<ReadModelRequest>((request) => Boolean(request.result))
  @ApiParam({ name: 'id', description: 'The `id` the POST answered.' })
  @ApiOperation({
    summary:
      'A comparison asked for: `pending`, `running` (with `events` replayed so far), `done` (with its report in `result`), `failed` (with `error`) or `abandoned` (its projector stopped)',
  })
  @ApiNotFoundResponse({
    description:
      'No such comparison (only the one open and the last to finish are kept): 404 READ_MODEL_REQUEST_NOT_FOUND.',
  })
  async compareRequest(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReadModelRequest> {
    const request = await this.queries.execute(new ComparisonQuery(id));
    if (!request) throw new ReadModelRequestNotFoundError();
    return request;
  }
}

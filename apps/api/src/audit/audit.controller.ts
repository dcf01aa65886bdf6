import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Accounts } from '@portal/accounts';
import {
  accountStateAsOf,
  AS_OF_TIME,
  AuditError,
  AuditErrorCodes,
  AS_OF_TIME_MESSAGE,
  asOfFromText,
  auditJson,
  exportEvents,
  verifyAll,
  verifyStream,
} from '@portal/audit';
import { type EventStore, parsePosition } from '@portal/event-store';
import {
  askForReadModelJob,
  lastReadModelRequest,
  readModelRequestById,
  ReadModelRequestNotFoundError,
} from '@portal/read-models';
import { EVENT_STORE, READ_MODELS, type ReadModelsRuntime, VAULT } from '@portal/runtime';
import type { Vault } from '@portal/vault';
import { ACCOUNTS } from '../accounts.provider';
import {
  ACCESS_REASON_HEADER,
  AccessLog,
  reasonOf,
  type StaffAccess,
  staffAccessOf,
  staffContextOf,
  StaffOnly,
  type StaffRequest,
} from '../staff';

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

const ACCOUNT_STREAM = /^account-([0-9a-f-]{36})$/;

/** Audit refusals that mean nothing was there to show: recorded as `not-found`, answered 404. */
const NOTHING_THERE: ReadonlySet<string> = new Set([
  AuditErrorCodes.ACCOUNT_NOT_FOUND,
  AuditErrorCodes.STREAM_NOT_FOUND,
  AuditErrorCodes.BEFORE_FIRST_EVENT,
  AuditErrorCodes.REVISION_NOT_FOUND,
]);

/** What an audit of `streamId` is recorded as being about: one account, or the store. */
function scopeOf(streamId: string | undefined): Pick<StaffAccess, 'accountId' | 'wholeStore'> {
  const accountId = streamId ? ACCOUNT_STREAM.exec(streamId)?.[1] : undefined;
  return accountId ? { accountId } : { wholeStore: true };
}

/** Yields `first` (already read) and then the rest of `lines`. */
async function* resumed(
  first: IteratorResult<string>,
  lines: AsyncGenerator<string>,
): AsyncGenerator<string> {
  if (first.done) return;
  yield first.value;
  yield* lines;
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
@ApiHeader({ name: ACCESS_REASON_HEADER, required: true, description: 'Why (recorded).' })
@StaffOnly('auditor', 'admin')
@Controller('v1/audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(VAULT) private readonly vault: Vault,
    @Inject(READ_MODELS) private readonly readModels: ReadModelsRuntime,
    private readonly accessLog: AccessLog,
  ) {}

  /**
   * Runs `work` and records the access as what came of it, before the answer leaves:
   * `shown` for an answer, `not-found` for a stream or account with nothing there (then
   * the 404). A request refused as bad (400), or failing, showed nothing and is not
   * recorded as an access: the record never says something was shown that was not.
   */
  private async recorded<T>(
    req: StaffRequest,
    scope: Pick<StaffAccess, 'accountId' | 'wholeStore'>,
    work: () => Promise<T>,
  ): Promise<T> {
    const record = (outcome: 'shown' | 'not-found') =>
      this.accessLog.recordAccess(staffContextOf(req), staffAccessOf(req, { ...scope, outcome }));
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (error instanceof AuditError && NOTHING_THERE.has(error.code)) await record('not-found');
      throw error;
    }
    await record('shown');
    return result;
  }

  @Get('events')
  @ApiOperation({ summary: 'Export one stream or every event as NDJSON (one event per line, as stored)' })
  async export(@Query() q: ExportRequest, @Req() req: StaffRequest): Promise<StreamableFile> {
    reasonOf(req);
    const lines = exportEvents(this.store, {
      ...(q.streamId ? { streamId: q.streamId } : {}),
      ...(q.after ? { after: parsePosition(q.after) } : {}),
    });
    // The export checks the stream when its first line is asked for: asked here, so that a bad or
    // unknown stream is refused in the error shape rather than after a 200 has started.
    const first = await this.recorded(req, scopeOf(q.streamId), () => lines.next());
    return new StreamableFile(Readable.from(resumed(first, lines)), { type: 'application/x-ndjson' });
  }

  @Get('accounts/:accountId/state')
  @ApiOperation({
    summary: 'The account’s state as of a time or a revision (secrets shown only as present or not)',
  })
  async state(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Query() q: StateRequest,
    @Req() req: StaffRequest,
  ) {
    reasonOf(req);
    const asOf = asOfFromText(q);
    const state = await this.recorded(req, { accountId }, () =>
      accountStateAsOf(
        { store: this.store, vault: this.vault, policy: this.accounts.policy },
        accountId,
        asOf,
      ),
    );
    // Revisions are bigints: written as decimal strings, as in the export.
    return JSON.parse(auditJson(state)) as unknown;
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Verify the hash chain of one stream or of every stream; names the first broken link of each',
  })
  async verify(@Query() q: VerifyRequest, @Req() req: StaffRequest) {
    reasonOf(req);
    const report = await this.recorded(req, scopeOf(q.streamId), () =>
      q.streamId ? verifyStream(this.store, q.streamId) : verifyAll(this.store),
    );
    return JSON.parse(auditJson({ intact: report.breaks.length === 0, ...report })) as unknown;
  }

  @Post('read-models/compare')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask the projector to replay every event into a shadow copy and list each document that differs from the live read models',
  })
  @ApiAcceptedResponse({
    description:
      'Recorded: `started: true` with its `id` and `status` (`pending`), to read at `GET read-models/compare/{id}`. ' +
      'With a rebuild or compare already pending or running, `started: false` names it (`rebuilding` or `comparing`).',
  })
  async compare(@Req() req: StaffRequest) {
    reasonOf(req);
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, { wholeStore: true, outcome: 'shown' }),
    );
    return askForReadModelJob(this.readModels.docs, 'compare');
  }

  @Get('read-models/compare')
  @ApiOperation({ summary: 'The last comparison to finish (`lastCompare`), with its report' })
  async lastCompare(@Req() req: StaffRequest) {
    reasonOf(req);
    const last = await lastReadModelRequest(this.readModels.docs, 'compare');
    if (last) await this.recordReportShown(req);
    return last ? { lastCompare: last } : {};
  }

  @Get('read-models/compare/:id')
  @ApiParam({ name: 'id', description: 'The `id` the POST answered.' })
  @ApiOperation({
    summary:
      'A comparison asked for: `pending`, `running` (with `events` replayed so far), `done` (with its report in `result`), `failed` (with `error`) or `abandoned` (its projector stopped)',
  })
  @ApiNotFoundResponse({
    description:
      'No such comparison (only the one open and the last to finish are kept): 404 READ_MODEL_REQUEST_NOT_FOUND.',
  })
  async compareRequest(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: StaffRequest) {
    reasonOf(req);
    const request = await readModelRequestById(this.readModels.docs, id);
    if (!request || request.kind !== 'compare') throw new ReadModelRequestNotFoundError();
    if (request.result) await this.recordReportShown(req);
    return request;
  }

  /** A report names the documents that differ (account ids among them): showing it is recorded. */
  private async recordReportShown(req: StaffRequest): Promise<void> {
    await this.accessLog.recordAccess(
      staffContextOf(req),
      staffAccessOf(req, { wholeStore: true, outcome: 'shown' }),
    );
  }
}

import { Command, Query } from '@nestjs/cqrs';
import type { AccountStateAsOf, AsOf, VerifyReport } from '@portal/audit';
import type { Position } from '@portal/event-store';
import type { ReadModelRequest, ReadModelRequestAnswer } from '@portal/read-models';

/**
 * One stream's events, or every event, as NDJSON lines as stored. The first line is
 * read before the answer starts, so that an unknown stream is refused (404) in the
 * error shape rather than after a 200.
 */
export class ExportEventsQuery extends Query<AsyncIterable<string>> {
  constructor(readonly options: { streamId?: string; after?: Position }) {
    super();
  }
}

/** The account's state as of a time or a revision (secrets shown only as present or not). */
export class AccountStateAsOfQuery extends Query<AccountStateAsOf> {
  constructor(
    readonly accountId: string,
    readonly asOf: AsOf,
  ) {
    super();
  }
}

/** The hash chain of one stream, or of every stream. */
export class VerifyChainsQuery extends Query<VerifyReport> {
  constructor(readonly streamId?: string) {
    super();
  }
}

/** What `GET /v1/audit/verify` answers, and the last line of `verify/progress`: `intact`, then the report. */
export function verifyResult(report: VerifyReport): { intact: boolean } & VerifyReport {
  return { intact: report.breaks.length === 0, ...report };
}

/**
 * The same verification as NDJSON lines: `{"progress":…}` at the start, every `progressEvery`
 * events and at the end, then one `{"result":…}` (or `{"error":…}` if the pass failed once
 * started). One stream is verified before the first line, so an unknown one is a 404.
 */
export class VerifyChainsProgressQuery extends Query<Iterable<string> | AsyncIterable<string>> {
  constructor(
    readonly streamId: string | undefined,
    readonly progressEvery: number,
  ) {
    super();
  }
}

/** Ask the active projector to replay every event into a shadow copy and compare it with the live read models. */
export class RequestComparisonCommand extends Command<ReadModelRequestAnswer> {}

/** The last comparison to finish, if any. */
export class LastComparisonQuery extends Query<ReadModelRequest | undefined> {}

/** A comparison asked for, while it is open or the last to finish; undefined otherwise. */
export class ComparisonQuery extends Query<ReadModelRequest | undefined> {
  constructor(readonly id: string) {
    super();
  }
}

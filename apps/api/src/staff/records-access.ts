/**
 * `@RecordsAccess({...})` on a staff route: the route needs the `X-Access-Reason`
 * header (400 REASON_REQUIRED or REASON_INVALID before anything is read, after the
 * route's input is validated, as when routes read it themselves), and its
 * access is recorded in the staff member's access stream before the answer leaves:
 *
 * - an answer is recorded as `answered(result, req)` says (which accounts, and
 *   `shown`, `not-found` or `done`), or not at all when that says undefined; a
 *   route whose record needs more than its answer returns `new Accessed(answer, record)`;
 * - a refusal saying nothing was there (NOTHING_THERE, then the 404) is recorded as
 *   `not-found` about `notFound(req)`, when the route gives it;
 * - any other refusal or failure showed and changed nothing and is not recorded: the
 *   record never says something was shown or done that was not;
 * - `before`: recorded before the route runs, whatever comes of it.
 *
 * If the record cannot be stored, the answer is that error (503), never data unrecorded.
 */
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  Req,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { AccessLog, type StaffAccess } from '@portal/staff';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { ApiAccessReason } from './staff.guard';
import { reasonOf, staffAccessOf, staffContextOf, type StaffRequest } from './staff-request';

/** What an access was about: one account, the accounts a list showed (possibly none), or the whole store. */
export type AccessScope = Pick<StaffAccess, 'accountId' | 'accountIds' | 'wholeStore'>;
/** What an access was about, and what came of it. */
export type AccessRecord = AccessScope & Pick<StaffAccess, 'outcome'>;

/** A staff request with its route's path parameters and query, as Fastify parsed them. */
export type RecordedRequest = StaffRequest & {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
};

export interface AccessRecording<R> {
  /** Recorded before the route runs, whatever comes of it. */
  before?: AccessRecord;
  /** The access an answer was; undefined when the answer showed nothing to record. */
  answered?: (result: R, req: RecordedRequest) => AccessRecord | undefined;
  /** What a refusal saying nothing was there is recorded as `not-found` about; omitted, it is not recorded. */
  notFound?: (req: RecordedRequest) => AccessScope;
}

/** Refusals that mean nothing was there to show: a route's `notFound` records them. */
export const NOTHING_THERE: ReadonlySet<string> = new Set([
  'ACCOUNT_NOT_FOUND',
  'OFFICE_NOT_FOUND',
  'AUDIT_ACCOUNT_NOT_FOUND',
  'AUDIT_STREAM_NOT_FOUND',
  'AUDIT_BEFORE_FIRST_EVENT',
  'AUDIT_REVISION_NOT_FOUND',
]);

/** An answer with the record of the access it is, for a route whose record the answer alone cannot say. */
export class Accessed<T> {
  constructor(
    readonly answer: T,
    readonly access: AccessRecord,
  ) {}
}

const RECORDING = Symbol('staff-access-recording');

/** Where AccessInterceptor leaves, on the request, the `before` record its route stores first. */
const BEFORE = Symbol('staff-access-before');
type PreparedRequest = RecordedRequest & { [BEFORE]?: () => Promise<void> };

/**
 * Runs the route only once its reason is read and its `before` record stored: inside the
 * route, so after Nest has validated the route's input (pipes run after interceptors). The
 * route gets the request as one more argument after its own (Nest's `@Req()`, which no pipe
 * touches), taken off before the route runs. (Not an AsyncLocalStorage: on Node 20 its first
 * use turns on promise hooks for the whole process, which made every request slower.)
 */
function ReasonFirst(): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const route = descriptor.value as (...args: unknown[]) => unknown;
    // Parameter decorators have run before this method decorator: the request goes after them.
    const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? {}) as Record<
      string,
      { index: number }
    >;
    const at = Math.max(-1, ...Object.values(declared).map((p) => p.index)) + 1;
    Req()(target, key, at);
    const guarded = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const req = args[at] as PreparedRequest | undefined;
      const before = req?.[BEFORE];
      if (!req || !before) throw new Error('a @RecordsAccess route runs only behind its AccessInterceptor');
      reasonOf(req); // before anything is read
      await before();
      return route.apply(this, args.slice(0, at));
    };
    // What decorators applied before this one (those below it) said of the route stays said.
    for (const name of Reflect.getOwnMetadataKeys(route) as unknown[])
      Reflect.defineMetadata(name, Reflect.getOwnMetadata(name, route) as unknown, guarded);
    // Some readers of route metadata find it by the function's name (@nestjs/swagger does).
    Object.defineProperty(guarded, 'name', { value: route.name });
    descriptor.value = guarded;
  };
}

/** The route reads the reason header and records its access as `recording` says (see the top of this file). */
export function RecordsAccess<R>(recording: AccessRecording<R>) {
  return applyDecorators(
    ReasonFirst(),
    SetMetadata(RECORDING, recording),
    UseInterceptors(AccessInterceptor),
    ApiAccessReason(),
  );
}

/** The account named by the route's `:accountId`. */
export const theAccount = (req: RecordedRequest): AccessScope => ({ accountId: req.params.accountId });

/** `shown` when a list holds any account (recorded by their ids), `not-found` when it is empty. */
export function listed(accountIds: string[]): AccessRecord {
  return { accountIds, outcome: accountIds.length ? 'shown' : 'not-found' };
}

@Injectable()
export class AccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessLog: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const recording = this.reflector.get<AccessRecording<unknown> | undefined>(
      RECORDING,
      context.getHandler(),
    );
    if (!recording) throw new Error('AccessInterceptor used without @RecordsAccess(...)');
    const req = context.switchToHttp().getRequest<PreparedRequest>();
    req[BEFORE] = () => (recording.before ? this.record(req, recording.before) : Promise.resolve());
    return from(this.run(req, recording, next));
  }

  private async run(
    req: RecordedRequest,
    recording: AccessRecording<unknown>,
    next: CallHandler,
  ): Promise<unknown> {
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle());
    } catch (error) {
      if (recording.notFound && NOTHING_THERE.has(codeOf(error)))
        await this.record(req, { ...recording.notFound(req), outcome: 'not-found' });
      throw error;
    }
    if (result instanceof Accessed) {
      await this.record(req, result.access);
      return result.answer as unknown;
    }
    const access = recording.answered?.(result, req);
    if (access) await this.record(req, access);
    return result;
  }

  private record(req: StaffRequest, access: AccessRecord): Promise<void> {
    return this.accessLog.recordAccess(staffContextOf(req), staffAccessOf(req, access));
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * The one command pipeline every write goes through: read the stream, fold it,
 * decide, append with the revision that was read, and on a conflict read again
 * and decide again. Rejections are thrown after the events that record them are
 * appended (a refused login still leaves its `LoginFailed`).
 *
 * What a command reads is bounded when the pipeline has `snapshots` (snapshots.ts):
 * the stream's snapshot and the events after it. A read again (a conflict, or the
 * second phase of a prepared input) folds only the events after the state it has.
 */
import type { Decider, DomainEvent } from '@portal/domain';
import {
  type Actor,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  newEventId,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@portal/event-store';
import { chain, GENESIS_HASH } from './hash-chain';
import { KeyedMutex } from './keyed-mutex';
import type { Loaded, Snapshots } from './snapshots';

export interface CommandContext {
  correlationId: string;
  causationId?: string;
  actor: Actor;
  /** When the command happened; the same instant the domain command carries. */
  occurredAt: Date;
  clientIp?: string;
  userAgent?: string;
  /** The tool that brings this history in (EventMetadata.imported): its events are never delivered. */
  imported?: string;
}

/**
 * How domain events become stored events and back (e.g. personal fields encrypted with the account's key).
 * `context`, when an encoded event has one, is the request it was made in, used for its metadata instead of
 * the command's: a batch that carries the records of several requests (libs/staff's access log).
 */
export interface StreamCodec<E extends DomainEvent> {
  encode(
    streamId: string,
    event: E,
  ): Promise<{ type: string; data: JsonObject; schemaVersion: number; context?: CommandContext }>;
  decode(event: RecordedEvent): Promise<E>;
}

/** Stores `data` as it is, schema version 1: for streams that hold no personal data (reservations). */
export function plainCodec<E extends DomainEvent>(): StreamCodec<E> {
  return {
    encode: async (_streamId, event) => ({
      type: event.type,
      data: event.data as JsonObject,
      schemaVersion: 1,
    }),
    decode: async (event) => ({ type: event.type, data: event.data }) as E,
  };
}

export interface PipelineDeps<E extends DomainEvent, S = never> {
  store: EventStore;
  codec: StreamCodec<E>;
  /** Where loads start from and write to (omit: every load replays the whole stream). Share one per process. */
  snapshots?: Snapshots<S>;
  /** Serialises commands per stream inside this process. Share one across the process. */
  mutex?: KeyedMutex;
  /** Decide-append rounds before giving up on a contended stream. */
  maxAttempts?: number;
  /** Retries of one append after the store said it was unavailable (same event ids, so a retry is idempotent). */
  unavailableRetries?: number;
  newEventId?: () => string;
  /**
   * Called with every batch appended, after the append (metrics, tests, ending sessions).
   * A promise is awaited while the stream's mutex is held, so it completes before the
   * command returns and before the next command on the stream in this process begins;
   * if it rejects, that error is the command's (the events stay appended, nothing is retried).
   */
  onAppended?: (streamId: string, events: NewEvent[]) => void | Promise<void>;
  /** Called when an append met a newer revision than the one read, before deciding again. */
  onConflict?: (streamId: string) => void;
}

/** A command may need the current state before it can be built: a password verified against the stored hash, say. */
export type CommandInput<C, S> = C | ((state: S) => C | Promise<C>) | PreparedInput<C, S>;

const PREPARED = Symbol.for('@portal/command.prepared');

/**
 * An input whose slow part (argon2) runs before the stream's lock is taken, so that
 * parallel commands on one stream overlap it instead of queueing behind it:
 * 1. `prepare(state)` runs outside the lock, on the state as loaded then;
 * 2. inside the lock the state is read again (only the events since), and
 *    `build(state)` makes the command from that fresh state, which is what is decided.
 * `build` must not trust what `prepare` saw: it asks again, and `prepare` only makes the
 * answer cheap when what it depends on has not moved (PasswordHasher.checker answers a
 * hash it checked before at once, and checks a changed hash again, inside the lock).
 */
export interface PreparedInput<C, S> {
  readonly [PREPARED]: true;
  prepare(state: S): unknown;
  build(state: S): C | Promise<C>;
}

/** `build` as a prepared input; `prepare` defaults to running `build` and dropping its command. */
export function preparedInput<C, S>(
  build: (state: S) => C | Promise<C>,
  prepare: (state: S) => unknown = build,
): PreparedInput<C, S> {
  return { [PREPARED]: true, prepare, build };
}

function isPrepared<C, S>(input: CommandInput<C, S>): input is PreparedInput<C, S> {
  return typeof input === 'object' && input !== null && PREPARED in input;
}

export interface CommandResult<E, S> {
  events: E[];
  state: S;
  /** Revision of the stream's last event after the command ('no_stream' if it is still empty). */
  revision: bigint | 'no_stream';
  /** That event's hash: the chain's head, to start the next command on the stream from (`from`). */
  lastHash: string;
}

export class ConcurrencyExhaustedError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(
      `Stream ${streamId} kept changing; gave up after ${attempts} attempts. The request can be retried.`,
    );
    this.name = 'ConcurrencyExhaustedError';
  }
}

const defaultMutex = new KeyedMutex();

/**
 * `from`: a state of the stream this process folded before (a previous command's
 * `state`, `revision` and `lastHash`), so that only the events after it are read; if
 * the stream no longer holds that event with that hash, the whole stream is replayed.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  deps: PipelineDeps<E, NoInfer<S>>,
  streamId: string,
  decider: Decider<C, E, S>,
  input: CommandInput<C, S>,
  ctx: CommandContext,
  from?: Loaded<NoInfer<S>>,
): Promise<CommandResult<E, S>> {
  const mutex = deps.mutex ?? defaultMutex;
  let prepared = from;
  if (isPrepared(input)) {
    // Outside the lock: other commands on the stream go on while this one hashes.
    prepared = await load(deps, streamId, decider, from);
    await input.prepare(prepared.state);
  }
  return mutex.run(streamId, () => decideAndAppend(deps, streamId, decider, input, ctx, prepared));
}

async function decideAndAppend<C, E extends DomainEvent, S>(
  deps: PipelineDeps<E, S>,
  streamId: string,
  decider: Decider<C, E, S>,
  input: CommandInput<C, S>,
  ctx: CommandContext,
  from?: Loaded<S>,
): Promise<CommandResult<E, S>> {
  const maxAttempts = deps.maxAttempts ?? 10;
  let previous = from;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const loaded = await load(deps, streamId, decider, previous);
    previous = loaded;
    const { state, expected } = loaded;
    let lastHash = loaded.lastHash;
    const command = isPrepared(input)
      ? await input.build(state)
      : typeof input === 'function'
        ? await (input as (s: S) => C | Promise<C>)(state)
        : input;
    const decision = decider.decide(command, state);
    let revision: bigint | 'no_stream' = expected;
    if (decision.events.length > 0) {
      const toAppend = chain(await encodeAll(deps, streamId, decision.events, ctx), lastHash);
      lastHash = toAppend[toAppend.length - 1].metadata.hash!;
      try {
        revision = (await appendWithRetry(deps, streamId, toAppend, expected)).nextRevision;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) {
          deps.onConflict?.(streamId);
          continue;
        }
        throw error;
      }
      await deps.onAppended?.(streamId, toAppend);
    }
    if (decision.rejection) throw decision.rejection;
    const newState = decision.events.reduce(decider.evolve, state);
    return { events: decision.events, state: newState, revision, lastHash };
  }
  throw new ConcurrencyExhaustedError(streamId, maxAttempts);
}

/**
 * Reads and folds a stream: the state a decision is made on, and what to expect when
 * appending. Starts from `from` (a state this process folded before) or else from the
 * stream's snapshot when `deps.snapshots` is given, reading the events from that
 * revision on: the first must be the one the start covers, with its hash, or the start
 * is dropped and the whole stream replayed. A load that folded many events leaves a
 * snapshot behind (in the background). Pass `snapshots` only with the decider whose
 * `evolve` made them: a reader with an `evolve` of its own must replay.
 */
export async function load<E extends DomainEvent, S>(
  deps: Pick<PipelineDeps<E, NoInfer<S>>, 'store' | 'codec' | 'snapshots'>,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  from?: Loaded<S>,
): Promise<Loaded<S>> {
  const start = from ?? (await deps.snapshots?.start(streamId));
  if (start && start.expected !== 'no_stream') {
    const recorded = await deps.store.readStream(streamId, { fromRevision: start.expected });
    const first = recorded[0];
    if (
      first &&
      first.revision === start.expected &&
      (first.metadata.hash ?? GENESIS_HASH) === start.lastHash
    ) {
      const loaded = await fold(deps, decider, start.state, recorded.slice(1), start);
      if (!from) {
        deps.snapshots?.checked(streamId, 'used');
        deps.snapshots?.afterLoad(streamId, loaded);
      }
      return loaded;
    }
    if (!from) deps.snapshots?.checked(streamId, 'mismatch');
  }
  const recorded = await deps.store.readStream(streamId);
  const loaded = await fold(deps, decider, decider.initialState(), recorded, {
    expected: 'no_stream',
    lastHash: GENESIS_HASH,
  });
  deps.snapshots?.afterLoad(streamId, loaded);
  return loaded;
}

async function fold<E extends DomainEvent, S>(
  deps: Pick<PipelineDeps<E, S>, 'codec'>,
  decider: Pick<Decider<unknown, E, S>, 'evolve'>,
  initial: S,
  recorded: RecordedEvent[],
  start: Pick<Loaded<S>, 'expected' | 'lastHash'>,
): Promise<Loaded<S>> {
  let state = initial;
  for (const r of recorded) state = decider.evolve(state, await deps.codec.decode(r));
  const last = recorded.at(-1);
  return {
    state,
    expected: last ? last.revision : start.expected,
    lastHash: last ? (last.metadata.hash ?? GENESIS_HASH) : start.lastHash,
    folded: recorded.length,
  };
}

async function encodeAll<E extends DomainEvent>(
  deps: Pick<PipelineDeps<E>, 'codec' | 'newEventId'>,
  streamId: string,
  events: E[],
  ctx: CommandContext,
): Promise<NewEvent[]> {
  const newId = deps.newEventId ?? (() => newEventId());
  const out: NewEvent[] = [];
  for (const event of events) {
    const { context = ctx, ...encoded } = await deps.codec.encode(streamId, event);
    out.push({
      id: newId(),
      type: encoded.type,
      data: encoded.data,
      metadata: {
        correlationId: context.correlationId,
        ...(context.causationId ? { causationId: context.causationId } : {}),
        actor: context.actor,
        occurredAt: context.occurredAt.toISOString(),
        schemaVersion: encoded.schemaVersion,
        ...(context.clientIp ? { clientIp: context.clientIp } : {}),
        ...(context.userAgent ? { userAgent: context.userAgent } : {}),
        ...(context.imported ? { imported: context.imported } : {}),
      },
    });
  }
  return out;
}

async function appendWithRetry(
  deps: Pick<PipelineDeps<DomainEvent>, 'store' | 'unavailableRetries'>,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedRevision,
) {
  const retries = deps.unavailableRetries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.append(streamId, events, expected);
    } catch (error) {
      // The append may have landed before the connection dropped; the same ids make the retry a no-op then.
      if (error instanceof EventStoreUnavailableError && error.retryable && attempt < retries) {
        await sleep(50 * 4 ** attempt * (0.5 + Math.random()));
        continue;
      }
      throw error;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one command pipeline every write goes through: read the stream, fold it,
 * decide, append with the revision that was read, and on a conflict read again
 * and decide again. Rejections are thrown after the events that record them are
 * appended (a refused login still leaves its `LoginFailed`).
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

/** How domain events become stored events and back (e.g. personal fields encrypted with the account's key). */
export interface StreamCodec<E extends DomainEvent> {
  encode(streamId: string, event: E): Promise<{ type: string; data: JsonObject; schemaVersion: number }>;
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

export interface PipelineDeps<E extends DomainEvent> {
  store: EventStore;
  codec: StreamCodec<E>;
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
export type CommandInput<C, S> = C | ((state: S) => C | Promise<C>);

export interface CommandResult<E, S> {
  events: E[];
  state: S;
  /** Revision of the stream's last event after the command ('no_stream' if it is still empty). */
  revision: bigint | 'no_stream';
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

export async function handleCommand<C, E extends DomainEvent, S>(
  deps: PipelineDeps<E>,
  streamId: string,
  decider: Decider<C, E, S>,
  input: CommandInput<C, S>,
  ctx: CommandContext,
): Promise<CommandResult<E, S>> {
  const mutex = deps.mutex ?? defaultMutex;
  return mutex.run(streamId, () => decideAndAppend(deps, streamId, decider, input, ctx));
}

async function decideAndAppend<C, E extends DomainEvent, S>(
  deps: PipelineDeps<E>,
  streamId: string,
  decider: Decider<C, E, S>,
  input: CommandInput<C, S>,
  ctx: CommandContext,
): Promise<CommandResult<E, S>> {
  const maxAttempts = deps.maxAttempts ?? 10;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const { state, expected, lastHash } = await load(deps, streamId, decider);
    const command = typeof input === 'function' ? await (input as (s: S) => C | Promise<C>)(state) : input;
    const decision = decider.decide(command, state);
    let revision: bigint | 'no_stream' = expected;
    if (decision.events.length > 0) {
      const toAppend = chain(await encodeAll(deps, streamId, decision.events, ctx), lastHash);
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
    return { events: decision.events, state: newState, revision };
  }
  throw new ConcurrencyExhaustedError(streamId, maxAttempts);
}

/** Reads and folds a stream: the state a decision is made on, and what to expect when appending. */
export async function load<E extends DomainEvent, S>(
  deps: Pick<PipelineDeps<E>, 'store' | 'codec'>,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
): Promise<{ state: S; expected: bigint | 'no_stream'; lastHash: string }> {
  const recorded = await deps.store.readStream(streamId);
  let state = decider.initialState();
  for (const r of recorded) state = decider.evolve(state, await deps.codec.decode(r));
  const last = recorded.at(-1);
  return {
    state,
    expected: last ? last.revision : 'no_stream',
    lastHash: last?.metadata.hash ?? GENESIS_HASH,
  };
}

async function encodeAll<E extends DomainEvent>(
  deps: PipelineDeps<E>,
  streamId: string,
  events: E[],
  ctx: CommandContext,
): Promise<NewEvent[]> {
  const newId = deps.newEventId ?? (() => newEventId());
  const out: NewEvent[] = [];
  for (const event of events) {
    const encoded = await deps.codec.encode(streamId, event);
    out.push({
      id: newId(),
      type: encoded.type,
      data: encoded.data,
      metadata: {
        correlationId: ctx.correlationId,
        ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
        actor: ctx.actor,
        occurredAt: ctx.occurredAt.toISOString(),
        schemaVersion: encoded.schemaVersion,
        ...(ctx.clientIp ? { clientIp: ctx.clientIp } : {}),
        ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}),
        ...(ctx.imported ? { imported: ctx.imported } : {}),
      },
    });
  }
  return out;
}

async function appendWithRetry<E extends DomainEvent>(
  deps: PipelineDeps<E>,
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

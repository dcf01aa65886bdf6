/**
 * What every call of the KurrentDB adapters shares: how a client error is classified
 * and mapped to the port's errors, and how a read is consumed and closed.
 */
import type { ErrorType } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../event-store.port';
import { kurrentDbDriver } from './driver';
import type { KurrentResolvedEvent } from './kurrentdb-client';

/** The client's `ErrorType` values (checked against its enum). */
export type KurrentErrorType = `${ErrorType}`;

const TRANSIENT: ReadonlySet<string> = new Set<KurrentErrorType>([
  'unavailable',
  'deadline-exceeded',
  'cancelled',
  'not-leader',
  'timeout',
]);

export function errorType(error: unknown): KurrentErrorType | undefined {
  return error instanceof Error && kurrentDbDriver().isCommandError(error) ? error.type : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTransient(error: unknown): boolean {
  const type = errorType(error);
  if (type === undefined) return false;
  if (TRANSIENT.has(type)) return true;
  // The read bridge reports every UNAVAILABLE / INTERNAL / DATA_LOSS status as unknown;
  // the client's gRPC path maps the same statuses to UnavailableError.
  return type === 'unknown' && /status: (Unavailable|Internal|DataLoss)\b/.test(messageOf(error));
}

export function toPortError(error: unknown, what: string): unknown {
  if (isTransient(error)) {
    return new EventStoreUnavailableError(`KurrentDB ${what}: ${messageOf(error)}`, true, error);
  }
  return error;
}

/**
 * Ends a read the adapter is done with. The 1.x client's reads are async generators over
 * its native read bridge; 1.3 has no explicit cancel: the bridge's stream, and with it the
 * server call, is dropped once the generator has finished and is no longer referenced.
 * `return()` finishes it (at once when it waits at a yield, else as soon as its pending
 * step settles) and is harmless on a read that already ended. Not awaited by callers that
 * give up on a read still running (ping's deadline).
 */
export function closeRead(read: AsyncIterableIterator<KurrentResolvedEvent>): Promise<void> {
  return (read.return?.(undefined) ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}

/** Reads to the end, or until `take` returns false; the read is closed on every path. */
export async function consume(
  read: AsyncIterableIterator<KurrentResolvedEvent>,
  take: (resolved: KurrentResolvedEvent) => boolean,
): Promise<void> {
  try {
    for (;;) {
      const item = await read.next();
      if (item.done || !take(item.value)) return;
    }
  } finally {
    await closeRead(read);
  }
}

/**
 * The EventStoreDB client, loaded on first use rather than with the adapter: this
 * package's index exports the adapter, and a process on the embedded store should not
 * carry the client and its gRPC stack (4–5 MiB of RSS at boot, measured with
 * ROLES=api). The client's constants are plain strings the adapter writes as literals,
 * checked against the client's declared types.
 */
import type * as Driver from '@eventstore/db-client';

let loaded: typeof Driver | undefined;

export function eventStoreDbDriver(): typeof Driver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose (see above)
  return (loaded ??= require('@eventstore/db-client') as typeof Driver);
}

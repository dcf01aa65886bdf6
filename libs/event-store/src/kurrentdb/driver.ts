/**
 * The KurrentDB client, loaded on first use rather than with the adapter: this
 * package's index exports the adapter, and a process on the embedded store should not
 * carry the client, its gRPC stack and its native read bridge (4–5 MiB of RSS at boot,
 * measured with ROLES=api on the EventStoreDB client it replaced). The client's
 * constants are plain strings the adapter writes as literals, checked against the
 * client's declared types.
 */
import type * as Driver from '@kurrent/kurrentdb-client';

let loaded: typeof Driver | undefined;

export function kurrentDbDriver(): typeof Driver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose (see above)
  return (loaded ??= require('@kurrent/kurrentdb-client') as typeof Driver);
}

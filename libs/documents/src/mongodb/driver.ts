/**
 * The MongoDB driver, loaded on first use rather than with the modules that use it:
 * this package's index exports the MongoDB adapter, and a process on the embedded
 * adapters should not carry a driver it never calls (5–9 MiB of RSS at boot, measured
 * with ROLES=api). Types come from `import type`, which loads nothing.
 */
import type * as Driver from 'mongodb';

let loaded: typeof Driver | undefined;

export function mongodbDriver(): typeof Driver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose (see above)
  return (loaded ??= require('mongodb') as typeof Driver);
}

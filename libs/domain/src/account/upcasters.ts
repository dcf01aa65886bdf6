/**
 * Stored events keep the schema version they were written with. Reading goes
 * through `upcast`, which lifts an old version to the current one step by step,
 * so `evolve` only ever sees current shapes.
 */
import type { AccountEvent, AccountEventType } from './events';

/** Current schema version per event type; 1 unless listed. */
export const SCHEMA_VERSIONS: { readonly [T in AccountEventType]?: number } = {
  // v1 named the counter `failures`; v2 calls it `consecutive`, which is what it always counted.
  LoginFailed: 2,
};

export function schemaVersionOf(type: AccountEventType): number {
  return SCHEMA_VERSIONS[type] ?? 1;
}

type Step = (data: Record<string, unknown>) => Record<string, unknown>;
const STEPS: { [T in AccountEventType]?: Record<number, Step> } = {
  LoginFailed: {
    1: ({ failures, ...rest }) => ({ ...rest, consecutive: failures }),
  },
};

export class UnknownEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
  ) {
    super(`No reader for ${eventType} version ${schemaVersion}`);
    this.name = 'UnknownEventError';
  }
}

export function upcast(type: string, schemaVersion: number, data: Record<string, unknown>): AccountEvent {
  const known = type as AccountEventType;
  const current = schemaVersionOf(known);
  if (schemaVersion > current || schemaVersion < 1) throw new UnknownEventError(type, schemaVersion);
  let d = data;
  for (let v = schemaVersion; v < current; v++) {
    const step = STEPS[known]?.[v];
    if (!step) throw new UnknownEventError(type, v);
    d = step(d);
  }
  return { type: known, data: d } as AccountEvent;
}

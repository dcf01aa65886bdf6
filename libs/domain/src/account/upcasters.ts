/**
 * Stored events keep the schema version they were written with. Reading goes
 * through `upcast`, which lifts an old version to the current one step by step,
 * so `evolve` only ever sees current shapes. The current versions are the
 * catalogue's (catalogue.ts).
 */
import { schemaVersionOf } from './catalogue';
import type { AccountEvent, AccountEventType } from './events';

type Step = (data: Record<string, unknown>) => Record<string, unknown>;
/** Only the stored form changed from v1 to v2: decoded, the data is the same. */
const SEALED_TOGETHER: Record<number, Step> = { 1: (data) => data };
const STEPS: { [T in AccountEventType]?: Record<number, Step> } = {
  LoginFailed: {
    1: ({ failures, ...rest }) => ({ ...rest, consecutive: failures }),
  },
  ActivationCodeIssued: SEALED_TOGETHER,
  Registered: SEALED_TOGETHER,
  LegacyAccountImported: SEALED_TOGETHER,
  AccountCreated: SEALED_TOGETHER,
  UsernameCreated: SEALED_TOGETHER,
  EmailChanged: SEALED_TOGETHER,
  EmailVerified: SEALED_TOGETHER,
  // Written at v2 from the start; the step only keeps the rule "every personal type reads a v1" true.
  EmailChangeRequested: SEALED_TOGETHER,
  PhoneChanged: SEALED_TOGETHER,
  SecurityQuestionChanged: SEALED_TOGETHER,
  // Written as version 2 from the start, like every type with personal fields.
  PasskeyRegistered: SEALED_TOGETHER,
  PasskeyRenamed: SEALED_TOGETHER,
  PasskeyRemoved: SEALED_TOGETHER,
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

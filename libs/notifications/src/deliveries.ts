/**
 * Which events need a message, and what the job that sends it carries: only where
 * the event is (stream and revision) and what kind of message it asks for. The
 * job id is the event id, so enqueueing the same event twice adds nothing. No
 * personal data and no secret in a payload: the worker reads the event and opens
 * what it needs through the vault.
 */
import type { AccountEventType } from '@portal/domain';
import type { RecordedEvent } from '@portal/event-store';
import type { JobQueueName } from '@portal/jobs';

export type MessageKind =
  | 'activation-letter'
  | 'email-code'
  | 'locked'
  | 'username-reminder'
  | 'password-changed'
  | 'password-reset'
  | 'temporary-password'
  | 'deactivated'
  | 'security-answer-failed'
  | 'authenticator-added'
  | 'already-registered'
  | 'email-change-code'
  | 'email-changed';

export const DELIVERIES: { readonly [T in AccountEventType]?: { queue: JobQueueName; kind: MessageKind } } = {
  ActivationCodeIssued: { queue: 'letter', kind: 'activation-letter' },
  OtpIssued: { queue: 'email', kind: 'email-code' },
  Locked: { queue: 'email', kind: 'locked' },
  UsernameReminderSent: { queue: 'email', kind: 'username-reminder' },
  PasswordChanged: { queue: 'email', kind: 'password-changed' },
  PasswordReset: { queue: 'email', kind: 'password-reset' },
  TemporaryPasswordIssued: { queue: 'email', kind: 'temporary-password' },
  Deactivated: { queue: 'email', kind: 'deactivated' },
  // Each wrong answer: the owner hears of it before a third one deactivates the account (seed 004's rule).
  SecurityAnswerFailed: { queue: 'email', kind: 'security-answer-failed' },
  AuthenticatorAdded: { queue: 'email', kind: 'authenticator-added' },
  AlreadyRegisteredNoticeSent: { queue: 'email', kind: 'already-registered' },
  // A change of address: the code to the new address, then the notice to the old one.
  EmailChangeRequested: { queue: 'email', kind: 'email-change-code' },
  EmailChanged: { queue: 'email', kind: 'email-changed' },
};

export interface DeliveryPayload {
  [key: string]: string;
  streamId: string;
  /** The event's revision in its stream, in decimal. */
  revision: string;
  kind: MessageKind;
}

export interface Delivery {
  queue: JobQueueName;
  jobId: string;
  payload: DeliveryPayload;
}

const ACCOUNT_STREAM = /^account-[0-9a-f-]{36}$/;

/**
 * The job an event asks for, or undefined when it needs no message. History a tool brought
 * in (seeded or imported: `metadata.imported`) never does: its codes and notices were never
 * asked for by anyone now, and this holds after a checkpoint reset too, since the mark is on
 * the event itself.
 */
export function deliveryFor(event: RecordedEvent): Delivery | undefined {
  if (!ACCOUNT_STREAM.test(event.streamId) || event.metadata.imported !== undefined) return undefined;
  const delivery = DELIVERIES[event.type as AccountEventType];
  if (!delivery) return undefined;
  return {
    queue: delivery.queue,
    jobId: event.id,
    payload: { streamId: event.streamId, revision: event.revision.toString(), kind: delivery.kind },
  };
}

/** Reads a payload back, refusing anything the reactor would not have written. */
export function parseDeliveryPayload(payload: Record<string, unknown>): DeliveryPayload {
  const { streamId, revision, kind } = payload;
  if (
    typeof streamId !== 'string' ||
    !ACCOUNT_STREAM.test(streamId) ||
    typeof revision !== 'string' ||
    !/^\d+$/.test(revision) ||
    typeof kind !== 'string' ||
    !Object.values(DELIVERIES).some((d) => d.kind === kind)
  )
    throw new TypeError('Not a delivery payload');
  return { streamId, revision, kind: kind as MessageKind };
}

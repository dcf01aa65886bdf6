import type { RecordedEvent } from '@portal/event-store';
import { deliveryFor, parseDeliveryPayload } from './deliveries';

const accountStream = 'account-0193a3c4-1111-7222-8333-444455556666';
const event = (type: string, streamId = accountStream): RecordedEvent => ({
  id: '0193a3c4-aaaa-7bbb-8ccc-ddddeeeeffff',
  type,
  data: {},
  metadata: { correlationId: 'c', actor: { kind: 'anonymous' }, occurredAt: '', schemaVersion: 1 },
  streamId,
  revision: 7n,
  position: { commit: 9n, prepare: 9n },
  recordedAt: new Date().toISOString(),
});

describe('which events need a message', () => {
  it('turns OtpIssued into an email job named by the event id, carrying only where the event is', () => {
    expect(deliveryFor(event('OtpIssued'))).toEqual({
      queue: 'email',
      jobId: '0193a3c4-aaaa-7bbb-8ccc-ddddeeeeffff',
      payload: { streamId: accountStream, revision: '7', kind: 'email-code' },
    });
    expect(deliveryFor(event('ActivationCodeIssued'))?.queue).toBe('letter');
  });

  it('emails the owner at each wrong security answer, the job carrying only where the event is', () => {
    expect(deliveryFor(event('SecurityAnswerFailed'))).toEqual({
      queue: 'email',
      jobId: '0193a3c4-aaaa-7bbb-8ccc-ddddeeeeffff',
      payload: { streamId: accountStream, revision: '7', kind: 'security-answer-failed' },
    });
  });

  it('an email change: the code to the new address, then the notice to the old one', () => {
    expect(deliveryFor(event('EmailChangeRequested'))?.payload.kind).toBe('email-change-code');
    expect(deliveryFor(event('EmailChanged'))?.payload.kind).toBe('email-changed');
    expect(deliveryFor(event('EmailChangeFailed'))).toBeUndefined();
  });

  it('needs nothing for other events, nor for other streams', () => {
    for (const type of ['LoginSucceeded', 'OtpVerified', 'Registered', 'ActivationCodeMailed'])
      expect(deliveryFor(event(type))).toBeUndefined();
    expect(deliveryFor(event('OtpIssued', 'username-abc'))).toBeUndefined();
  });

  it('needs nothing for history a tool brought in (seeded or imported), whatever its type', () => {
    for (const type of ['OtpIssued', 'Locked', 'UsernameReminderSent', 'ActivationCodeIssued']) {
      const seeded = event(type);
      seeded.metadata = { ...seeded.metadata, imported: 'seed-data' };
      expect(deliveryFor(seeded)).toBeUndefined();
      expect(deliveryFor(event(type))).toBeDefined();
    }
  });

  it('reads back only payloads the reactor writes', () => {
    const payload = deliveryFor(event('Locked'))!.payload;
    expect(parseDeliveryPayload({ ...payload })).toEqual(payload);
    for (const bad of [
      {},
      { ...payload, kind: 'spam' },
      { ...payload, revision: '-1' },
      { ...payload, streamId: 'username-x' },
      { ...payload, revision: 7 },
    ])
      expect(() => parseDeliveryPayload(bad)).toThrow('Not a delivery payload');
  });
});

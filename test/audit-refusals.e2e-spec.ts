/**
 * The audit routes refuse a bad or unknown stream in the error shape, before any of
 * the export is sent, and record the access only for what it was: nothing for a
 * request refused as bad (400), `not-found` for a stream or account with no events,
 * never `shown`. Found by test/fuzz.e2e-spec.ts (`streamId=0` answered 404 with an
 * empty body after a `shown` record; `streamId=%09%0A` answered 400 after one).
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { StaffDirectory } from '@portal/staff';
import { startApp, type TestApp } from './support/app';

describe('audit refusals', () => {
  let t: TestApp;
  let store: EventStore;
  let auditor: Record<string, string>;
  beforeAll(async () => {
    t = await startApp({ LOG_LEVEL: 'warn' });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { token } = await t.app.get(StaffDirectory, { strict: false }).create('ada.auditor', ['auditor'], {
      correlationId: 'test-setup',
      actor: { kind: 'system', component: 'test' },
      occurredAt: new Date(),
    });
    auditor = { authorization: `Bearer ${token}`, 'x-access-reason': 'audit ticket 12' };
  });
  afterAll(() => t.close());

  /** What the request with this correlation id wrote to the auditor's access stream. */
  const recorded = async (correlationId: string): Promise<RecordedEvent['data'][]> =>
    (await store.readStream('staff-ada.auditor:access'))
      .filter((e) => e.metadata.correlationId === correlationId)
      .map((e) => e.data);

  const get = async (url: string) => {
    const correlationId = randomUUID();
    const res = await t.http().get(url).set(auditor).set('x-correlation-id', correlationId);
    return { res, records: await recorded(correlationId) };
  };

  it.each(['/v1/audit/events', '/v1/audit/verify'])(
    '%s: a stream name that is no name is a 400 in the error shape, and nothing is recorded',
    async (route) => {
      for (const streamId of ['\t\n', ' account-1', '']) {
        const { res, records } = await get(`${route}?streamId=${encodeURIComponent(streamId)}`);
        if (streamId === '') {
          // No stream named: the whole store, as without the parameter.
          expect(res.status).toBe(200);
          continue;
        }
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          error: {
            code: 'AUDIT_INVALID_OPTIONS',
            message: expect.any(String),
            fields: { streamId: expect.any(String) },
          },
        });
        expect(records).toEqual([]);
      }
    },
  );

  it.each(['/v1/audit/events', '/v1/audit/verify'])(
    '%s: a stream with no events is a 404 in the error shape, recorded as not found',
    async (route) => {
      for (const streamId of ['0', `account-${randomUUID()}`]) {
        const { res, records } = await get(`${route}?streamId=${streamId}`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: { code: 'AUDIT_STREAM_NOT_FOUND', message: expect.any(String) } });
        expect(records).toEqual([expect.objectContaining({ outcome: 'not-found' })]);
      }
    },
  );

  it('an account with no events is a 404 for its state, recorded as not found', async () => {
    const { res, records } = await get(`/v1/audit/accounts/${randomUUID()}/state`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        code: 'AUDIT_ACCOUNT_NOT_FOUND',
        message: expect.any(String),
        fields: { accountId: expect.any(String) },
      },
    });
    expect(records).toEqual([expect.objectContaining({ outcome: 'not-found' })]);
  });

  it('a stream that has events is exported and verified, recorded as shown', async () => {
    const stream = 'staff-ada.auditor:access';
    for (const route of ['/v1/audit/events', '/v1/audit/verify']) {
      const { res, records } = await get(`${route}?streamId=${encodeURIComponent(stream)}`);
      expect(res.status).toBe(200);
      expect(records).toEqual([expect.objectContaining({ outcome: 'shown' })]);
    }
  });
});

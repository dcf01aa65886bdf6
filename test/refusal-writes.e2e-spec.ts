/**
 * What a refused registration writes: only the record its refusal makes by design (a
 * wrong activation code counts toward the code's attempts), never a reservation claimed
 * and given back. Found by test/fuzz.e2e-spec.ts: each wrong code claimed the username
 * and email, hashed the password and answer with argon2, and released both again (four
 * appends and two hashes per unauthenticated request, and as many once the code's
 * attempts were used up).
 */
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM } from './support/forms';
import { eventually } from './support/outbox';

describe('writes of a refused registration', () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startApp({ LOG_LEVEL: 'warn' });
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.close());

  /** Sends the form; answers the status, the error code and what the request appended. */
  const send = async (body: object) => {
    const correlationId = randomUUID();
    const res = await t
      .http()
      .post('/v1/registrations/activation-code')
      .set('x-correlation-id', correlationId)
      .send(body);
    const written = (await store.readAll())
      .filter((e) => e.metadata.correlationId === correlationId)
      .map((e) => e.type);
    return { status: res.status, code: res.body.error?.code as string | undefined, written };
  };

  it('a wrong activation code appends its count and nothing else; once the attempts are used up, nothing', async () => {
    const member = {
      memberId: 'DEMO0000002',
      firstName: 'Jordan',
      lastName: 'Testperson',
      dateOfBirth: '1975-11-23',
    };
    await t.http().post('/v1/activation-codes').send(member).expect(202);
    await eventually(async () =>
      (await store.readAll()).some((e) => e.type === 'ActivationCodeIssued') ? true : undefined,
    );
    const form = {
      ...NONMEMBER_FORM,
      memberId: member.memberId,
      username: 'jordansample',
      email: 'jordan@example.com',
      activationCode: 'AAAA-AAAA-AAAA',
    };
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await send(form));
    const wrong = answers.filter((a) => a.code === 'ACTIVATION_CODE_INVALID');
    const exceeded = answers.filter((a) => a.code === 'ACTIVATION_CODE_ATTEMPTS_EXCEEDED');
    expect(wrong.length).toBeGreaterThan(0);
    expect(exceeded.length).toBeGreaterThan(0);
    expect(wrong.length + exceeded.length).toBe(7);
    for (const a of wrong)
      expect(a).toEqual({ status: 422, code: 'ACTIVATION_CODE_INVALID', written: ['ActivationCodeFailed'] });
    for (const a of exceeded)
      expect(a).toEqual({ status: 422, code: 'ACTIVATION_CODE_ATTEMPTS_EXCEEDED', written: [] });
  });
});

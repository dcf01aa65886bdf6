/**
 * Staff credentials' lifecycle at the guard (issue 23, item 6): a token expires
 * STAFF_CREDENTIAL_DAYS after it is issued, a revoked one stops at once, and either
 * is refused with the very answer a wrong token gets; a rotation works again.
 */
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { AccessLog, StaffDirectory } from '@portal/staff';
import { startApp, type TestApp } from './support/app';

jest.setTimeout(30_000);

const DAY = 24 * 60 * 60 * 1000;

describe('staff credentials: expiry, revocation, rotation', () => {
  let t: TestApp;
  let staff: StaffDirectory;
  const ctx = (ago = 0) => ({
    correlationId: 'test-setup',
    actor: { kind: 'system' as const, component: 'test' },
    occurredAt: new Date(Date.now() - ago),
  });
  const search = (token: string) =>
    t
      .http()
      .get('/v1/support/accounts')
      .query({ username: 'nobodyhere' })
      .set({ authorization: `Bearer ${token}`, 'x-access-reason': 'member called' });

  beforeAll(async () => {
    t = await startApp({ STAFF_CREDENTIAL_DAYS: '30' });
    staff = t.app.get(StaffDirectory, { strict: false });
  });
  afterAll(() => t.close());

  it('refuses an expired or revoked token as it refuses a wrong one, and a rotated token works', async () => {
    const wrong = await search('stf_nobody.here_' + 'A'.repeat(43)).expect(401);

    const old = await staff.create('olga.old', ['support'], ctx(30 * DAY + 60_000));
    const expired = await search(old.token).expect(401);
    expect(expired.body).toEqual(wrong.body);
    expect(expired.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
    const fresh = await staff.create('fred.fresh', ['support'], ctx(29 * DAY));
    await search(fresh.token).expect(200);

    const rotated = await staff.rotateSecret('olga.old', ctx());
    await search(rotated.token).expect(200);
    await search(old.token).expect(401);

    await staff.revokeSecret('fred.fresh', ctx());
    expect((await search(fresh.token).expect(401)).body).toEqual(wrong.body);
    expect(await staff.get('fred.fresh')).toMatchObject({ status: 'active', token: 'revoked' });

    // Counted for auditors by what was wrong, like every other refusal.
    await t.app.get(AccessLog).drain();
    const why: Record<string, number> = {};
    for (const e of await t.app.get<EventStore>(EVENT_STORE).readStream('staff-refusals'))
      for (const [k, n] of Object.entries((e.data as { why: Record<string, number> }).why))
        why[k] = (why[k] ?? 0) + n;
    expect(why).toMatchObject({ expired: 1, revoked: 1 });
  });
});

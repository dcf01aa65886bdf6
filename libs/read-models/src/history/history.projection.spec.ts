import { type AccountEvent, EVENT_TYPES } from '@portal/domain';
import { PROFILE, position, projected, sample, staffAccess } from '../testing/sample-events';
import type { ProjectedEvent } from '../model';
import { describe as describeEvent, historyId, historyProjection } from './history.projection';

/** An event as stored with no personal value: what the texts below need of it. */
const NOTHING_SEALED = { raw: { data: {}, revision: 0n } } as unknown as ProjectedEvent;

describe('history projection', () => {
  it.each(EVENT_TYPES)(
    '%s: one entry in plain words, with who, when and the IP, and no personal value in clear',
    (type) => {
      const e = projected('a1', sample(type), 7, {
        clientIp: '203.0.113.5',
        actor: { kind: 'self', accountId: 'a1' },
      });
      const [id] = historyProjection.idsOf(e);
      expect(id).toBe(historyId('a1', position(7)));
      const doc = historyProjection.project(undefined, e, id)!;
      expect(doc).toMatchObject({
        accountId: 'a1',
        type,
        at: e.raw.metadata.occurredAt,
        actor: { kind: 'self', accountId: 'a1' },
        ip: '203.0.113.5',
        revision: '7',
        eventId: e.raw.id,
      });
      expect(doc.text.length).toBeGreaterThan(10);
      expect(doc.text).not.toMatch(/undefined|\[object/);
      const text = JSON.stringify(doc);
      for (const value of Object.values(PROFILE)) expect(text).not.toContain(`"${value}`);
      expect(text).not.toContain('"AnaK2026');
      // Every placeholder has its sealed value.
      for (const [, name] of doc.text.matchAll(/\{(\w+)\}/g))
        expect(doc.personal?.[name]).toMatch(/^v1\.sealed:/);
    },
  );

  it('an entry is written once: a document already there is left alone', () => {
    const e = projected('a1', sample('Locked'), 3);
    const id = historyProjection.idsOf(e)[0];
    const doc = historyProjection.project(undefined, e, id)!;
    expect(historyProjection.project(doc, e, id)).toBeUndefined();
  });

  it('ids sort in event order, also past 10 digits and between events of one append', () => {
    const ids = [
      historyId('a1', { commit: 9n, prepare: 9n }),
      historyId('a1', { commit: 10n, prepare: 10n }),
      historyId('a1', { commit: 10n, prepare: 11n }),
      historyId('a1', { commit: 12_345_678_901n, prepare: 12_345_678_901n }),
    ];
    expect([...ids].sort()).toEqual(ids);
  });

  it('a staff read shows in the timeline of the account read, with the reason; a search in each account listed', () => {
    const read = staffAccess(
      'jane.support',
      {
        route: 'GET /v1/support/accounts/:accountId',
        accountId: 'a1',
        reason: 'caller asked why locked',
        outcome: 'shown',
      },
      11,
    );
    const [id] = historyProjection.idsOf(read);
    const doc = historyProjection.project(undefined, read, id)!;
    expect(doc.accountId).toBe('a1');
    expect(doc.text).toBe(
      'Viewed by staff member jane.support (GET /v1/support/accounts/:accountId), reason given: “caller asked why locked”',
    );
    const search = staffAccess(
      'jane.support',
      { route: 'GET /v1/support/accounts', accountIds: ['a1', 'a2'], reason: 'r', outcome: 'shown' },
      12,
    );
    expect(historyProjection.idsOf(search).map((i) => i.split('/')[0])).toEqual(['a1', 'a2']);
    expect(historyProjection.project(undefined, search, historyProjection.idsOf(search)[1])!.accountId).toBe(
      'a2',
    );
  });

  it('describes failures and locks the way support reads them', () => {
    expect(describeEvent(sample('LoginFailed'), NOTHING_SEALED).text).toBe(
      'Login failed: wrong password (4 in a row)',
    );
    expect(describeEvent(sample('Locked'), NOTHING_SEALED).text).toBe(
      'Locked until 2026-11-02 15:30 UTC after 5 failed logins in a row',
    );
    const byCodes = {
      type: 'Locked',
      data: { ...sample('Locked').data, consecutiveFailures: 1, wrongCodes: 15 },
    };
    expect(describeEvent(byCodes as AccountEvent, NOTHING_SEALED).text).toBe(
      'Locked until 2026-11-02 15:30 UTC after 15 wrong sign-in codes in a short time',
    );
    expect(describeEvent(sample('Deactivated'), NOTHING_SEALED).text).toBe(
      'Deactivated: 3 wrong security answers in a row',
    );
  });

  it('names the code that failed or passed, and a try while locked without a count', () => {
    const failed = (reason: string, consecutive: number) =>
      describeEvent({ type: 'LoginFailed', data: { reason, consecutive } } as AccountEvent, NOTHING_SEALED)
        .text;
    expect(failed('wrong-code', 2)).toBe('Login failed: wrong recovery code (2 in a row)');
    expect(failed('wrong-authenticator-code', 1)).toBe(
      'Login failed: wrong authenticator app code (1 in a row)',
    );
    expect(failed('locked', 0)).toBe('Login refused: the account is locked');
    const verified = (otpId: string) =>
      describeEvent({ type: 'OtpVerified', data: { loginId: 'l1', otpId } } as AccountEvent, NOTHING_SEALED)
        .text;
    expect(verified('otp-1')).toBe('Emailed code verified');
    expect(verified('authenticator')).toBe(
      'Identity verified with the authenticator app: the password may be reset',
    );
  });
});

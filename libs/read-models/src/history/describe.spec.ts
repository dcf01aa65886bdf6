import { type AccountEvent, EVENT_TYPES, PERSONAL_DATA_FIELDS } from '@portal/domain';
import { PROFILE, position, projected, sample, staffAccess } from '../testing/sample-events';
import { describe as describeEvent, describeEntry } from './describe';
import { historyRefId, historyRefsProjection } from './history-refs.projection';

describe('history wording', () => {
  it.each(EVENT_TYPES)(
    '%s: in plain words, personal values named by placeholders and read from the event, never in the text',
    (type) => {
      const e = projected('a1', sample(type), 7, { clientIp: '203.0.113.5' });
      const described = describeEntry(e);
      expect(described.text.length).toBeGreaterThan(10);
      expect(described.text).not.toMatch(/undefined|\[object/);
      for (const value of Object.values(PROFILE)) expect(described.text).not.toContain(value);
      expect(described.text).not.toContain('AnaK2026');
      // Every placeholder has its value, taken from a personal field of the (opened) event.
      for (const [, name] of described.text.matchAll(/\{(\w+)\}/g)) {
        expect(typeof described.personal?.[name]).toBe('string');
        expect(PERSONAL_DATA_FIELDS[type]?.length).toBeGreaterThan(0);
      }
      // The account's own events are read from its stream: none is indexed.
      expect(historyRefsProjection.idsOf(e)).toEqual([]);
    },
  );

  it('a reference is written once: a document already there is left alone', () => {
    const read = staffAccess(
      'jane.support',
      { route: 'r', accountId: 'a1', reason: 'x', outcome: 'shown' },
      3,
    );
    const id = historyRefsProjection.idsOf(read)[0];
    const doc = historyRefsProjection.project(undefined, read, id)!;
    expect(doc).toEqual({ streamId: 'staff-jane.support', revision: '0' });
    expect(historyRefsProjection.project(doc, read, id)).toBeUndefined();
  });

  it('reference ids sort in event order, also past 10 digits and between events of one append', () => {
    const ids = [
      historyRefId('a1', { commit: 9n, prepare: 9n }),
      historyRefId('a1', { commit: 10n, prepare: 10n }),
      historyRefId('a1', { commit: 10n, prepare: 11n }),
      historyRefId('a1', { commit: 12_345_678_901n, prepare: 12_345_678_901n }),
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
    expect(historyRefsProjection.idsOf(read)).toEqual([historyRefId('a1', position(11))]);
    expect(describeEntry(read).text).toBe(
      'Viewed by staff member jane.support (GET /v1/support/accounts/:accountId), reason given: “caller asked why locked”',
    );
    const search = staffAccess(
      'jane.support',
      { route: 'GET /v1/support/accounts', accountIds: ['a1', 'a2'], reason: 'r', outcome: 'shown' },
      12,
    );
    expect(historyRefsProjection.idsOf(search).map((i) => i.split('/')[0])).toEqual(['a1', 'a2']);
    expect(describeEntry(search).text).toBe(
      'Listed in a search by staff member jane.support (GET /v1/support/accounts), reason given: “r”',
    );
  });

  it('describes failures and locks the way support reads them', () => {
    expect(describeEvent(sample('LoginFailed'), {}).text).toBe('Login failed: wrong password (4 in a row)');
    expect(describeEvent(sample('Locked'), {}).text).toBe(
      'Locked until 2026-11-02 15:30 UTC after 5 failed logins in a row',
    );
    const byCodes = {
      type: 'Locked',
      data: { ...sample('Locked').data, consecutiveFailures: 1, wrongCodes: 15 },
    };
    expect(describeEvent(byCodes as AccountEvent, {}).text).toBe(
      'Locked until 2026-11-02 15:30 UTC after 15 wrong sign-in codes in a short time',
    );
    expect(describeEvent(sample('Deactivated'), {}).text).toBe(
      'Deactivated: 3 wrong security answers in a row',
    );
  });

  it('names the code that failed or passed, and a try while locked without a count', () => {
    const failed = (reason: string, consecutive: number) =>
      describeEvent({ type: 'LoginFailed', data: { reason, consecutive } } as AccountEvent, {}).text;
    expect(failed('wrong-code', 2)).toBe('Login failed: wrong recovery code (2 in a row)');
    expect(failed('wrong-authenticator-code', 1)).toBe(
      'Login failed: wrong authenticator app code (1 in a row)',
    );
    expect(failed('locked', 0)).toBe('Login refused: the account is locked');
    const verified = (otpId: string) =>
      describeEvent({ type: 'OtpVerified', data: { loginId: 'l1', otpId } } as AccountEvent, {}).text;
    expect(verified('otp-1')).toBe('Emailed code verified');
    expect(verified('authenticator')).toBe(
      'Identity verified with the authenticator app: the password may be reset',
    );
  });
});

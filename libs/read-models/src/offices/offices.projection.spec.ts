import { OFFICE_EVENT_TYPES, OFFICE_FUNCTIONS } from '@portal/domain';
import { describeEntry } from '../history/describe';
import { historyRefId, historyRefsProjection } from '../history/history-refs.projection';
import { officeLife } from './office-samples';
import { type OfficeDoc, officesProjection } from './offices.projection';

const fold = (events = officeLife()) =>
  events.reduce<OfficeDoc | undefined>((doc, e) => {
    const [id] = officesProjection.idsOf(e);
    const next = officesProjection.project(doc, e, id);
    return next === undefined ? doc : (next ?? undefined);
  }, undefined)!;

describe('offices projection', () => {
  it('keeps the office, its users’ current functions, and every grant and reset with who made it', () => {
    const doc = fold();
    expect(doc).toMatchObject({
      officeId: 'off-a',
      name: 'Lakeside Family Medicine',
      npi: '1234567893',
      taxIdSealed: 'v1.sealed:123456789',
      status: 'active',
      firstAdministrator: 'adm',
      approved: { by: 'sam.support' },
      members: ['adm', 'u1'],
    });
    expect(doc.users.adm.functions).toEqual([...OFFICE_FUNCTIONS]);
    expect(doc.users.u1).toMatchObject({ functions: ['referrals'], addedBy: 'adm' });
    expect(doc.grants.map((g) => [g.function, g.change, g.by])).toEqual([
      ['claims', 'granted', 'adm'],
      ['referrals', 'granted', 'adm'],
      ['claims', 'revoked', 'adm'],
    ]);
    expect(doc.resets).toEqual([{ at: expect.any(String), accountId: 'u1', by: 'adm' }]);
  });

  it('touches only office streams, and a registration seen again changes nothing', () => {
    const [registered] = officeLife();
    const doc = fold();
    expect(officesProjection.project(doc, registered, 'off-a')).toBeUndefined();
    expect(officesProjection.idsOf({ raw: { ...registered.raw, streamId: 'staff-x' } })).toEqual([]);
  });

  it('an event for an office never registered is ignored', () => {
    const [, approved] = officeLife();
    expect(officesProjection.project(undefined, approved, 'off-a')).toBeUndefined();
  });
});

describe('office events in the history', () => {
  it.each(OFFICE_EVENT_TYPES)(
    '%s: in the office’s timeline (its stream) and, by reference, the concerned user’s, naming who acted',
    (type) => {
      const e = officeLife().find((x) => x.raw.type === type)!;
      const ids = historyRefsProjection.idsOf(e);
      const concerned =
        type === 'OfficeRegistered' ? 'adm' : type === 'OfficeAdministratorApproved' ? 'adm' : 'u1';
      expect(ids).toEqual([historyRefId(concerned, e.raw.position)]);
      expect(historyRefsProjection.project(undefined, e, ids[0])).toEqual({
        streamId: 'office-off-a',
        revision: e.raw.revision.toString(),
      });
      const { text } = describeEntry(e);
      expect(text).toMatch(
        type === 'OfficeAdministratorApproved' ? /staff member sam\.support/ : /account adm/,
      );
      expect(text).not.toMatch(/undefined|\[object|sealed|\b123456789\b/);
    },
  );
});

import { PERSONAL_DATA_FIELDS, schemaVersionOf } from './catalogue';
import type { AccountEventType } from './events';
import { UnknownEventError, upcast } from './upcasters';

describe('upcasters', () => {
  it('reads a v1 LoginFailed (failures) as the current shape (consecutive)', () => {
    expect(upcast('LoginFailed', 1, { reason: 'wrong-password', failures: 3 })).toEqual({
      type: 'LoginFailed',
      data: { reason: 'wrong-password', consecutive: 3 },
    });
    expect(schemaVersionOf('LoginFailed')).toBe(2);
  });
  it('passes current versions through unchanged', () => {
    const data = { reason: 'locked', consecutive: 0 };
    expect(upcast('LoginFailed', 2, data).data).toEqual(data);
    expect(upcast('Unlocked', 1, { by: 'support' }).data).toEqual({ by: 'support' });
  });
  it('refuses a version from the future instead of guessing', () => {
    expect(() => upcast('LoginFailed', 3, {})).toThrow(UnknownEventError);
  });
  it('records envelopes as version 2 of every type with personal fields, read alike from version 1', () => {
    for (const type of Object.keys(PERSONAL_DATA_FIELDS) as AccountEventType[]) {
      expect([type, schemaVersionOf(type)]).toEqual([type, 2]);
      expect(upcast(type, 1, { email: 'x' }).data).toEqual({ email: 'x' });
    }
  });
});

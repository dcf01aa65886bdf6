import fc from 'fast-check';
import { constantTimeEqual } from './constant-time';

describe('constantTimeEqual', () => {
  it('agrees with === on any two strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)));
    fc.assert(fc.property(fc.string(), (a) => constantTimeEqual(a, a)));
  });
  it('tells apart strings that differ only in length or in the last character', () => {
    expect(constantTimeEqual('abc', 'abcabc')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(constantTimeEqual('a'.repeat(64), 'a'.repeat(63) + 'b')).toBe(false);
  });
});

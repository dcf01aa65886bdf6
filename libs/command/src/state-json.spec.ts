import fc from 'fast-check';
import { parseState, stringifyState, UnserialisableStateError } from './state-json';

describe('stringifyState / parseState', () => {
  it('gives back what plain JSON loses: undefined, bigints, Dates, Sets, Maps, NaN, ±Infinity, -0', () => {
    const state = {
      a: undefined,
      list: [1, undefined, null, 'x'],
      big: 12345678901234567890n,
      at: new Date('2026-01-02T03:04:05.678Z'),
      tags: new Set(['a', 'b']),
      byId: new Map<string, unknown>([['k', { n: 1n }]]),
      odd: [NaN, Infinity, -Infinity, -0, 0],
      nested: { deeper: { flag: true } },
    };
    const back = parseState<typeof state>(stringifyState(state));
    expect(back).toStrictEqual(state);
    expect(Object.is(back.odd[3], -0)).toBe(true);
    expect('a' in back).toBe(true);
  });

  it('round-trips any JSON-like value with bigints and undefined in it', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.bigInt(),
        fc.date({ noInvalidDate: true }),
      ),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('node'), { maxKeys: 4, noNullPrototype: true }),
      ),
    })).node;
    fc.assert(fc.property(value, (v) => expect(parseState(stringifyState(v))).toStrictEqual(v)));
  });

  it('refuses, by path, what it could not give back the same', () => {
    class Money {
      constructor(readonly cents: number) {}
    }
    expect(() => stringifyState({ pending: { amount: new Money(5) } })).toThrow(
      new UnserialisableStateError('$.pending.amount', 'an instance of Money'),
    );
    expect(() => stringifyState({ f: () => 1 })).toThrow(/\$\.f is a function/);
    expect(() => stringifyState({ b: Buffer.from('x') })).toThrow(/\$\.b is an instance of Buffer/);
    expect(() => stringifyState({ x: { '\u0000t': 'date', v: 1 } })).toThrow(/reserved key/);
  });
});

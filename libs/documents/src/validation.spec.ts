import { compareIds, decodeMeta, encodeMeta, listRange, prefixEnd } from './validation';

describe('prefixEnd', () => {
  it('is the least string above every string with the prefix, in code point order', () => {
    expect(prefixEnd('acc')).toBe('acd');
    expect(prefixEnd('a\u{10ffff}')).toBe('b');
    expect(prefixEnd('\ud7ff')).toBe('\ue000');
    expect(prefixEnd('\uffff')).toBe('\u{10000}');
    expect(prefixEnd('\u{10ffff}\u{10ffff}')).toBeUndefined();
    for (const id of ['acc', 'acc\u{10ffff}', 'acc\uffff\u{1f600}'])
      expect(compareIds(id, prefixEnd('acc')!)).toBe(-1);
  });
});

describe('listRange', () => {
  it('keeps one lower bound: the prefix unless the cursor is at or past it', () => {
    expect(listRange({ limit: 1 })).toEqual({ lower: '', inclusive: false });
    expect(listRange({ limit: 1, afterId: 'k' })).toEqual({ lower: 'k', inclusive: false });
    expect(listRange({ limit: 1, prefix: 'acc/' })).toEqual({
      lower: 'acc/',
      inclusive: true,
      upper: 'acc0',
    });
    expect(listRange({ limit: 1, prefix: 'acc/', afterId: '' })).toEqual({
      lower: 'acc/',
      inclusive: true,
      upper: 'acc0',
    });
    expect(listRange({ limit: 1, prefix: 'acc/', afterId: 'acc/7' })).toEqual({
      lower: 'acc/7',
      inclusive: false,
      upper: 'acc0',
    });
    expect(listRange({ limit: 1, prefix: 'acc/', afterId: 'acc/' })).toEqual({
      lower: 'acc/',
      inclusive: false,
      upper: 'acc0',
    });
  });

  it('compares the cursor with the prefix in code point order', () => {
    // '\uffee' < '😀' in code points, though not in UTF-16 units.
    expect(listRange({ limit: 1, prefix: '😀', afterId: '\uffee' })).toMatchObject({
      lower: '😀',
      inclusive: true,
    });
  });
});

describe('meta encoding', () => {
  it('round-trips bigints anywhere and leaves look-alike strings alone', () => {
    const value = { a: 2n ** 64n, b: ['1', -3n], c: { n: null }, d: '12n' };
    expect(decodeMeta(encodeMeta('k', value)!)).toEqual(value);
  });
});

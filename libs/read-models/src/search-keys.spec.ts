import { createHmac } from 'node:crypto';
import { MAX_PREFIX, SearchKeys } from './search-keys';

const hmacKey = Buffer.alloc(32, 9);
/** The prefix term as its definition has it: the keyed hash of the tag and the prefix, nothing kept. */
const expected = (prefix: string) =>
  `lp:${createHmac('sha256', hmacKey).update('search').update('\0').update(`lp\0${prefix}`).digest('hex')}`;

describe('SearchKeys.lastNamePrefixes', () => {
  it('gives every prefix its own keyed hash, the same whichever names came before (its memo emptied and refilled)', () => {
    const keys = new SearchKeys(hmacKey);
    // More distinct prefixes than the memo holds (20,000), names sharing their first letters, and repeats.
    const names = Array.from({ length: 3000 }, (_, i) => `Smith${i.toString(36)}son${i % 7}xyzabcdefghij`);
    for (const round of [0, 1])
      for (const name of round === 0 ? names : [...names].reverse()) {
        const normal = name.toLowerCase();
        const want = Array.from({ length: Math.min(normal.length, MAX_PREFIX) - 1 }, (_, n) =>
          expected(normal.slice(0, n + 2)),
        );
        expect(keys.lastNamePrefixes(name)).toEqual(want);
      }
    expect(keys.lastNamePrefixes('O')).toEqual([]);
    expect(keys.lastNamePrefixes('Smith')).toEqual(['sm', 'smi', 'smit', 'smith'].map(expected));
  });
});

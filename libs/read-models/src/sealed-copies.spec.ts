import { ERASED } from '@portal/vault';
import { SealedValues } from './sealed-copies';

describe('SealedValues', () => {
  const envelopes = { '4': 'v1.envelope-4', '9': 'v1.envelope-9' };
  const opener = (erased = false) => {
    const calls: string[] = [];
    const open = async (_id: string, sealed: string): Promise<unknown> => {
      calls.push(sealed);
      if (erased) return ERASED;
      return sealed === 'v1.alone'
        ? 'alone'
        : { 'profile.email': `${sealed}:email`, username: `${sealed}:user` };
    };
    return { calls, open };
  };

  it('opens each envelope once however many of its values are read, and a value sealed alone as it is', async () => {
    const { calls, open } = opener();
    const values = new SealedValues(open, 'a1', envelopes);
    expect(
      await Promise.all(
        ['4#profile.email', '4#username', '9#username', 'v1.alone'].map((c) => values.value(c)),
      ),
    ).toEqual(['v1.envelope-4:email', 'v1.envelope-4:user', 'v1.envelope-9:user', 'alone']);
    expect(calls.sort()).toEqual(['v1.alone', 'v1.envelope-4', 'v1.envelope-9']);
    expect(await values.value('4#profile.phone')).toBeUndefined();
  });

  it('reads every value of an envelope whose key is gone as erased', async () => {
    const values = new SealedValues(opener(true).open, 'a1', envelopes);
    expect(await values.value('4#profile.email')).toBe(ERASED);
  });

  it('refuses a reference to an envelope the document does not hold', async () => {
    const values = new SealedValues(opener().open, 'a1', envelopes);
    await expect(values.value('5#username')).rejects.toThrow(/envelope its document does not hold/);
  });
});
